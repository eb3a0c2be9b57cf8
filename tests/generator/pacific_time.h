#pragma once
// Pacific time for day files. Slack names day files by the date in
// America/Los_Angeles (slackdump copies this on purpose). We apply the US rules
// in force since 2007 to every year, without reading the system's tz database:
// PDT (UTC-7) from the second Sunday of March, 02:00 local, to the first
// Sunday of November, 02:00 local; PST (UTC-8) otherwise. The output therefore
// does not depend on TZ or on the machine's zoneinfo.
// Example: ts 1673251200 (2023-01-09T08:00:00Z) is 2023-01-09 00:00 PST,
// so it goes into 2023-01-09.json; ts 1673251199 goes into 2023-01-08.json.

#include <cstdint>

#include "core/calendar.h"

namespace backscroll::generator {

// Days since 1970-01-01 for a civil date, and back (proleptic Gregorian).
std::int64_t days_from_civil(const core::Day& day);
core::Day civil_from_days(std::int64_t days);
// 0 = Sunday ... 6 = Saturday.
int weekday(const core::Day& day);

// UTC offset in seconds (-25200 or -28800) at the instant `utc_seconds`.
int pacific_offset(std::int64_t utc_seconds);
// The Pacific calendar date of the instant.
core::Day pacific_day(std::int64_t utc_seconds);
// The instant (epoch seconds) of local wall time `seconds_of_day` on `day`.
// For wall times that do not exist or repeat (02:00-03:00 on change days) the
// result is one of the plausible instants; callers use 00:00 and 07:00 only.
std::int64_t pacific_to_utc(const core::Day& day, int seconds_of_day);

}  // namespace backscroll::generator
