#include "tests/generator/pacific_time.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace backscroll::generator {
namespace {

// Expected values from Python's zoneinfo America/Los_Angeles.
TEST(PacificTime, DayAndOffsetAroundBoundaries) {
  struct Case {
    std::int64_t utc;
    core::Day day;
    int offset;
  };
  const Case cases[] = {
      {1673251200, {2023, 1, 9}, -28800},   // 2023-01-09 00:00 PST
      {1673251199, {2023, 1, 8}, -28800},   // 2023-01-08 23:59:59 PST
      {1678615199, {2023, 3, 12}, -28800},  // 01:59:59 PST, just before DST
      {1678615200, {2023, 3, 12}, -25200},  // 03:00 PDT
      {1688194799, {2023, 6, 30}, -25200},  // 23:59:59 PDT
      {1688194800, {2023, 7, 1}, -25200},   // 00:00 PDT
      {1699174799, {2023, 11, 5}, -25200},  // 01:59:59 PDT
      {1699174800, {2023, 11, 5}, -28800},  // 01:00 PST again
      {1730624400, {2024, 11, 3}, -28800},  // 2024 fall back
  };
  for (const auto& c : cases) {
    EXPECT_EQ(pacific_day(c.utc), c.day) << c.utc;
    EXPECT_EQ(pacific_offset(c.utc), c.offset) << c.utc;
  }
}

TEST(PacificTime, LocalToUtc) {
  EXPECT_EQ(pacific_to_utc({2023, 1, 2}, 7 * 3600), 1672671600);  // 07:00 PST
  EXPECT_EQ(pacific_to_utc({2023, 1, 9}, 0), 1673251200);
  EXPECT_EQ(pacific_to_utc({2023, 7, 1}, 0), 1688194800);   // PDT
  EXPECT_EQ(pacific_to_utc({2023, 3, 12}, 0), 1678608000);  // Still PST at midnight.
  EXPECT_EQ(pacific_to_utc({2023, 11, 5}, 0), 1699167600);  // Still PDT at midnight.
}

TEST(PacificTime, CivilDays) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(civil_from_days(19359), (core::Day{2023, 1, 2}));
  for (std::int64_t d = -800; d < 40000; d += 37) {
    EXPECT_EQ(days_from_civil(civil_from_days(d)), d);
  }
  EXPECT_EQ(weekday({2023, 1, 2}), 1);  // Monday
  EXPECT_EQ(weekday({2023, 1, 8}), 0);  // Sunday
  EXPECT_EQ(weekday({1970, 1, 1}), 4);  // Thursday
}

}  // namespace
}  // namespace backscroll::generator
