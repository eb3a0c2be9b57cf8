#include "tests/generator/timeline.h"

#include <algorithm>

#include "tests/generator/pacific_time.h"

namespace backscroll::generator {

Timeline::Timeline(const core::Day& start, int days, bool work_hours) {
  constexpr std::int64_t kMicros = 1000000;
  cumulative_.push_back(0);
  core::Day day = start;
  for (int i = 0; i < days; ++i, day = core::next_day(day)) {
    std::int64_t begin, end;
    if (work_hours) {
      int wd = weekday(day);
      if (wd == 0 || wd == 6) continue;
      begin = pacific_to_utc(day, 7 * 3600);
      end = pacific_to_utc(day, 19 * 3600);
    } else {
      begin = pacific_to_utc(day, 0);
      end = pacific_to_utc(core::next_day(day), 0);
    }
    starts_.push_back(begin * kMicros);
    cumulative_.push_back(cumulative_.back() + (end - begin) * kMicros);
  }
  if (starts_.empty()) *this = Timeline(start, days < 1 ? 1 : days, false);
}

std::int64_t Timeline::real(std::int64_t offset) const {
  // The last window whose cumulative start is <= offset.
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end() - 1, offset);
  std::size_t i = static_cast<std::size_t>(it - cumulative_.begin()) - 1;
  return starts_[i] + (offset - cumulative_[i]);
}

}  // namespace backscroll::generator
