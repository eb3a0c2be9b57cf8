#pragma once
// Days and times. A "day" in a query (on:2020-10-01) means that day in the
// process's local time zone: app/ sets TZ (UTC when the user left it unset)
// before anything here runs, so these functions never read the environment
// themselves; they rely on the C library's localtime, which follows TZ.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace backscroll::core {

struct Day {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
  auto operator<=>(const Day&) const = default;
};

// Parses "YYYY-MM-DD" and checks the date exists (no 2021-02-30).
std::optional<Day> parse_day(std::string_view text);
std::string format_day(const Day& day);  // "YYYY-MM-DD"
Day next_day(const Day& day);

// Epoch seconds of the day's local midnight.
std::int64_t local_day_start(const Day& day);

// "2020-10-01T12:34:56Z" (seconds precision) from epoch micro-seconds.
std::string format_iso_utc(std::int64_t micros);
// "2020-10-01 14:34" in local time, for human output.
std::string format_local_minute(std::int64_t micros);
// The local time zone's abbreviation at that instant: "UTC", "CEST".
std::string format_local_zone(std::int64_t micros);

}  // namespace backscroll::core
