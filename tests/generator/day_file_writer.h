#pragma once
// DayFileWriter: collects one conversation's messages, given in ts order, into
// day files "<folder>/YYYY-MM-DD.json" named by the Pacific date of each ts
// (pacific_time.h). Each file is a JSON array in the 4-space layout of
// official exports. A file is written as soon as a message of a later day
// arrives, so memory holds one day of one conversation.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/result.h"
#include "tests/generator/export_sink.h"
#include "tests/generator/export_stats.h"

namespace backscroll::generator {

class DayFileWriter {
 public:
  // `sink` and `stats` must outlive the writer; stats.day_files and
  // stats.bytes are incremented per file written.
  DayFileWriter(ExportSink& sink, std::string folder, ExportStats& stats);

  // Appends one compact message object whose ts is `ts_micros`; ts must
  // increase from call to call.
  core::Result<void> add(std::int64_t ts_micros, std::string_view compact_json);
  // Writes the last pending file.
  core::Result<void> finish();

 private:
  core::Result<void> flush();

  ExportSink& sink_;
  std::string folder_;
  ExportStats& stats_;
  core::Day day_;
  std::int64_t day_begin_ = 0;  // Epoch seconds, inclusive.
  std::int64_t day_end_ = 0;    // Epoch seconds, exclusive.
  std::string buffer_;
  bool open_ = false;
};

}  // namespace backscroll::generator
