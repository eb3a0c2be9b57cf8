#include "tests/generator/day_file_writer.h"

#include "tests/generator/pacific_time.h"
#include "tests/generator/pretty_json.h"

namespace backscroll::generator {

DayFileWriter::DayFileWriter(ExportSink& sink, std::string folder, ExportStats& stats)
    : sink_(sink), folder_(std::move(folder)), stats_(stats) {}

core::Result<void> DayFileWriter::add(std::int64_t ts_micros, std::string_view compact_json) {
  std::int64_t seconds = ts_micros / 1000000;
  if (!open_ || seconds < day_begin_ || seconds >= day_end_) {
    if (open_) {
      auto r = flush();
      if (!r) return r;
    }
    day_ = pacific_day(seconds);
    day_begin_ = pacific_to_utc(day_, 0);
    day_end_ = pacific_to_utc(core::next_day(day_), 0);
    buffer_ = "[\n";
    open_ = true;
  } else {
    buffer_ += ",\n";
  }
  append_pretty(buffer_, compact_json, 1);
  return {};
}

core::Result<void> DayFileWriter::flush() {
  buffer_ += "\n]";
  auto r = sink_.write(folder_ + "/" + core::format_day(day_) + ".json", buffer_);
  if (!r) return r;
  stats_.day_files += 1;
  stats_.bytes += buffer_.size();
  buffer_.clear();
  open_ = false;
  return {};
}

core::Result<void> DayFileWriter::finish() {
  if (!open_) return {};
  return flush();
}

}  // namespace backscroll::generator
