#pragma once
// Timeline: maps a conversation's "active time" onto real instants, so that
// messages spread evenly over active time land at plausible hours. Human
// conversations are active on weekdays 07:00-19:00 Pacific; alert and
// incident channels around the clock. Offsets are micro-seconds from the start
// of the first window; the mapping is strictly increasing.
// Example: with --start 2023-01-02 (a Monday) and work hours, offset 0 is
// 2023-01-02 07:00 PST (1672671600 s) and offset 12 h is 2023-01-03 07:00 PST.

#include <cstdint>
#include <vector>

#include "core/calendar.h"

namespace backscroll::generator {

class Timeline {
 public:
  Timeline(const core::Day& start, int days, bool work_hours);

  // Total active micro-seconds (> 0).
  std::int64_t total() const { return cumulative_.back(); }
  // The instant (epoch micro-seconds) of active offset `offset` in [0, total()).
  std::int64_t real(std::int64_t offset) const;

 private:
  std::vector<std::int64_t> starts_;      // Window starts, epoch micro-seconds.
  std::vector<std::int64_t> cumulative_;  // Active micros before window i; back() = total.
};

}  // namespace backscroll::generator
