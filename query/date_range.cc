#include "query/date_range.h"

#include <ctime>

#include "core/calendar.h"
#include "query/keywords.h"

namespace backscroll::query {
namespace {

core::Unexpected bad_date(std::string_view keyword, std::string_view value) {
  core::Error e = core::make_error(
      core::ErrorCode::kBadQuery, "bad date in " + std::string(keyword) + ":" + std::string(value));
  e.hint = std::string(kDateHelp);
  return core::Unexpected{std::move(e)};
}

std::optional<int> digits(std::string_view s, std::size_t n) {
  if (s.size() != n) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

core::Day local_day_of(std::int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  return core::Day{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

TimeRange day_range(const core::Day& day) {
  return {core::local_day_start(day), core::local_day_start(core::next_day(day))};
}

}  // namespace

core::Result<TimeRange> parse_date(std::string_view keyword, std::string_view text,
                                   std::int64_t now) {
  if (text == "today") return day_range(local_day_of(now));
  if (text == "yesterday") {
    const std::int64_t today_start = core::local_day_start(local_day_of(now));
    return day_range(local_day_of(today_start - 1));
  }
  if (auto year = digits(text, 4); year && *year >= 1970) {
    return TimeRange{core::local_day_start({*year, 1, 1}),
                     core::local_day_start({*year + 1, 1, 1})};
  }
  if (text.size() == 7 && text[4] == '-') {
    auto year = digits(text.substr(0, 4), 4);
    auto month = digits(text.substr(5), 2);
    if (year && month && *year >= 1970 && *month >= 1 && *month <= 12) {
      const core::Day next =
          *month == 12 ? core::Day{*year + 1, 1, 1} : core::Day{*year, *month + 1, 1};
      return TimeRange{core::local_day_start({*year, *month, 1}), core::local_day_start(next)};
    }
    return bad_date(keyword, text);
  }
  if (auto day = core::parse_day(text); day && day->year >= 1970) return day_range(*day);
  return bad_date(keyword, text);
}

core::Result<TimeRange> date_filter_range(std::string_view keyword, std::string_view value,
                                          std::int64_t now) {
  if (keyword == "date") {
    const std::size_t dots = value.find("..");
    if (dots == std::string_view::npos) return parse_date(keyword, value, now);
    const std::string_view from = value.substr(0, dots), to = value.substr(dots + 2);
    if (from.empty() && to.empty()) return bad_date(keyword, value);
    TimeRange range;
    if (!from.empty()) {
      auto r = parse_date(keyword, from, now);
      if (!r) return bad_date(keyword, value);
      range.start = r->start;
    }
    if (!to.empty()) {
      auto r = parse_date(keyword, to, now);
      if (!r) return bad_date(keyword, value);
      range.end = r->end;
    }
    return range;
  }
  auto r = parse_date(keyword, value, now);
  if (!r) return r;
  if (keyword == "before") return TimeRange{std::nullopt, r->start};
  if (keyword == "after") return TimeRange{r->end, std::nullopt};
  return r;
}

std::string describe(const TimeRange& range) {
  auto format = [](std::int64_t seconds) {
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M %z", &tm);
    return std::string(buf);
  };
  std::string out = range.start ? "[" : "(-inf";
  if (range.start) out += format(*range.start);
  out += ", ";
  out += range.end ? format(*range.end) + ")" : std::string("+inf)");
  return out;
}

}  // namespace backscroll::query
