#include "tests/generator/pacific_time.h"

namespace backscroll::generator {
namespace {

constexpr int kPst = -8 * 3600;
constexpr int kPdt = -7 * 3600;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Day number of the n-th (1-based) Sunday of a month.
std::int64_t nth_sunday(int year, int month, int n) {
  core::Day first{year, month, 1};
  std::int64_t d = days_from_civil(first);
  int wd = weekday(first);
  return d + (7 - wd) % 7 + 7 * (n - 1);
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
std::int64_t days_from_civil(const core::Day& day) {
  std::int64_t y = day.year - (day.month <= 2 ? 1 : 0);
  std::int64_t era = floor_div(y, 400);
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (day.month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + day.day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

core::Day civil_from_days(std::int64_t z) {
  z += 719468;
  std::int64_t era = floor_div(z, 146097);
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return core::Day{y, m, d};
}

int weekday(const core::Day& day) {
  std::int64_t d = days_from_civil(day);
  return static_cast<int>(((d % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4).
}

int pacific_offset(std::int64_t utc_seconds) {
  int year = civil_from_days(floor_div(utc_seconds, 86400)).year;
  // 02:00 PST = 10:00 UTC on the March change; 02:00 PDT = 09:00 UTC in November.
  std::int64_t dst_start = nth_sunday(year, 3, 2) * 86400 + 10 * 3600;
  std::int64_t dst_end = nth_sunday(year, 11, 1) * 86400 + 9 * 3600;
  return (utc_seconds >= dst_start && utc_seconds < dst_end) ? kPdt : kPst;
}

core::Day pacific_day(std::int64_t utc_seconds) {
  return civil_from_days(floor_div(utc_seconds + pacific_offset(utc_seconds), 86400));
}

std::int64_t pacific_to_utc(const core::Day& day, int seconds_of_day) {
  std::int64_t local = days_from_civil(day) * 86400 + seconds_of_day;
  std::int64_t guess = local - kPst;  // Assume PST, then check.
  if (pacific_offset(guess - 3600) == kPdt) return local - kPdt;
  return guess;
}

}  // namespace backscroll::generator
