#include "core/calendar.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace backscroll::core {
namespace {

class CalendarTest : public ::testing::Test {
 protected:
  void SetUp() override { set_tz("UTC"); }
  void TearDown() override { set_tz("UTC"); }
  static void set_tz(const char* tz) {
    setenv("TZ", tz, 1);
    tzset();
  }
};

TEST_F(CalendarTest, ParsesOnlyRealDays) {
  EXPECT_EQ(parse_day("2020-10-01"), (Day{2020, 10, 1}));
  EXPECT_EQ(parse_day("2020-02-29"), (Day{2020, 2, 29}));
  EXPECT_FALSE(parse_day("2021-02-29"));
  EXPECT_FALSE(parse_day("2020-13-01"));
  EXPECT_FALSE(parse_day("2020-1-01"));
  EXPECT_FALSE(parse_day("yesterday"));
}

TEST_F(CalendarTest, NextDayRollsOverMonthsAndYears) {
  EXPECT_EQ(format_day(next_day({2020, 2, 28})), "2020-02-29");
  EXPECT_EQ(format_day(next_day({2020, 12, 31})), "2021-01-01");
}

TEST_F(CalendarTest, DayStartFollowsTimeZone) {
  EXPECT_EQ(local_day_start({2020, 10, 1}), 1601510400);
  set_tz("America/Los_Angeles");
  EXPECT_EQ(local_day_start({2020, 10, 1}), 1601510400 + 7 * 3600);
}

TEST_F(CalendarTest, FormatsIsoUtc) {
  EXPECT_EQ(format_iso_utc(1601510400123456), "2020-10-01T00:00:00Z");
  EXPECT_EQ(format_local_minute(1601510400123456), "2020-10-01 00:00");
}

TEST_F(CalendarTest, LocalTimesAndZoneNamesFollowTimeZone) {
  EXPECT_EQ(format_local_zone(1601510400000000), "UTC");
  set_tz("Europe/Berlin");
  EXPECT_EQ(format_local_minute(1601510400000000), "2020-10-01 02:00");
  EXPECT_EQ(format_local_zone(1601510400000000), "CEST");  // Summer time...
  EXPECT_EQ(format_local_zone(1577836800000000), "CET");   // ...and winter (2020-01-01).
}

}  // namespace
}  // namespace backscroll::core
