#include "query/date_range.h"

#include <gtest/gtest.h>

#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::ScopedTz;

constexpr std::int64_t kNow = 1601553600;  // 2020-10-01T12:00:00Z

TEST(DateRangeTest, RangesAreLocalAndPrinted) {
  ScopedTz tz("Europe/Berlin");
  const std::pair<const char*, const char*> cases[] = {
      {"on:2020-10-01", "[2020-10-01 00:00 +0200, 2020-10-02 00:00 +0200)"},
      {"during:2020-10", "[2020-10-01 00:00 +0200, 2020-11-01 00:00 +0100)"},
      {"on:2020", "[2020-01-01 00:00 +0100, 2021-01-01 00:00 +0100)"},
      {"before:2020-10", "(-inf, 2020-10-01 00:00 +0200)"},
      {"after:2020-10-01", "[2020-10-02 00:00 +0200, +inf)"},
      {"on:today", "[2020-10-01 00:00 +0200, 2020-10-02 00:00 +0200)"},
      {"on:yesterday", "[2020-09-30 00:00 +0200, 2020-10-01 00:00 +0200)"},
      {"date:2020-03-29..2020-03-29", "[2020-03-29 00:00 +0100, 2020-03-30 00:00 +0200)"},
      {"date:2020..2021-06", "[2020-01-01 00:00 +0100, 2021-07-01 00:00 +0200)"},
      {"date:..2020-10-31", "(-inf, 2020-11-01 00:00 +0100)"},
  };
  for (const auto& [filter, expected] : cases) {
    const std::string text(filter);
    const std::size_t colon = text.find(':');
    auto range = date_filter_range(text.substr(0, colon), text.substr(colon + 1), kNow);
    ASSERT_TRUE(range) << filter << ": " << range.error().describe();
    EXPECT_EQ(describe(*range), expected) << filter;
  }
}

TEST(DateRangeTest, Malformed) {
  for (const char* bad :
       {"2020-1", "20201", "2020-00", "2020-10-32", "1969", "tomorrow", "", "2020/10/01"}) {
    auto range = parse_date("on", bad, kNow);
    ASSERT_FALSE(range) << bad;
    EXPECT_EQ(range.error().message, std::string("bad date in on:") + bad);
  }
}

}  // namespace
}  // namespace backscroll::query
