#pragma once
// Writes all messages of one conversation in ts order, day file by day file.
//
// Pipeline: top-level messages are spread evenly over the conversation's
// active time (timeline.h) with random jitter. When a top-level message
// becomes a thread parent, all of its replies are planned at once (authors and
// ts, minutes to two days later), so the parent can carry exact reply_count,
// reply_users and latest_reply; the planned replies wait in a small pending
// map keyed by ts and are emitted when the clock passes them, usually into a
// later day file. Example: a parent at 2023-01-04 18:55 PST with replies at
// 19:10 and 2023-01-05 09:02 writes the parent and the first reply into
// 2023-01-04.json and the second reply into 2023-01-05.json.
// Exactly `count` messages are written: replies are planned only within the
// remaining budget. Replies may spill up to a few days past the last day.

#include <cstdint>

#include "core/calendar.h"
#include "core/result.h"
#include "tests/generator/export_sink.h"
#include "tests/generator/export_stats.h"
#include "tests/generator/workspace.h"

namespace backscroll::generator {

struct StreamOptions {
  std::uint64_t seed = 0;   // This conversation's own seed.
  std::uint64_t count = 0;  // Messages to write.
  core::Day start;
  int days = 1;
};

// Writes the conversation's day files into `sink` and adds what it wrote to
// `stats` (all counters but users and conversations). Fails only on sink errors.
core::Result<void> write_conversation(const Workspace& ws, const Conversation& conversation,
                                      const StreamOptions& options, ExportSink& sink,
                                      ExportStats& stats);

}  // namespace backscroll::generator
