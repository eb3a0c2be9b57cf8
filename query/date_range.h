#pragma once
// Dates in queries: what before:, after:, on:, during: and date: mean, as
// half-open intervals of epoch seconds in the process's local time zone (app/
// sets TZ from --tz; core/calendar.h).
//
//   2020            [2020-01-01 00:00, 2021-01-01 00:00)
//   2020-10         [2020-10-01 00:00, 2020-11-01 00:00)
//   2020-10-01      [2020-10-01 00:00, 2020-10-02 00:00)
//   today           the local day containing `now`
//   yesterday       the local day before it
//
//   before:D   time <  start(D)          after:D   time >= end(D)
//   on:D, during:D     start(D) <= time < end(D)
//   date:A..B  start(A) <= time < end(B); "A.." and "..B" leave a side open;
//              date:D alone is on:D.
// Internal to query/.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace backscroll::query {

struct TimeRange {
  std::optional<std::int64_t> start;  // Inclusive; none = unbounded.
  std::optional<std::int64_t> end;    // Exclusive; none = unbounded.
};

// One date (the table above). kBadQuery naming `keyword:value` when malformed.
[[nodiscard]] core::Result<TimeRange> parse_date(std::string_view keyword, std::string_view text,
                                                 std::int64_t now);

// The range `keyword:value` selects (keyword: before, after, on, during, date).
[[nodiscard]] core::Result<TimeRange> date_filter_range(std::string_view keyword,
                                                        std::string_view value, std::int64_t now);

// "[2020-10-01 00:00 +0200, 2020-10-02 00:00 +0200)" in local time, for --explain.
std::string describe(const TimeRange& range);

}  // namespace backscroll::query
