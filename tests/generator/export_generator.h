#pragma once
// The deterministic Slack export generator used by tests and benchmarks.
//
// generate_export() writes a workspace export in the official layout
// (FORMATS.md §1): users.json, channels.json, groups.json, dms.json,
// mpims.json, then one folder per conversation with messages (channel name,
// mpim name, or DM id) holding YYYY-MM-DD.json day files. Day files are named
// by the America/Los_Angeles date of each ts (US DST rules, pacific_time.h),
// each a JSON array sorted by ts, pretty-printed with 4-space indentation
// like official exports. The same options give byte-identical output.
//
// Exactly `messages` message objects are written. They are divided among
// ~40 conversations by fixed weights (#ops-alerts, #dev-backend and #general
// get the most; DMs the least), then each conversation is generated on its own
// seed, one day file at a time (conversation_stream.h), so memory stays
// bounded however many messages are asked for.

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/calendar.h"
#include "core/result.h"
#include "tests/generator/export_stats.h"

namespace backscroll::generator {

struct GeneratorOptions {
  std::uint64_t messages = 1000;
  std::uint64_t seed = 1;
  core::Day start{2023, 1, 2};  // First day of top-level messages (Pacific).
  int days = 365;               // >= 1.
  bool zip = false;             // Write `out` as a .zip instead of a folder.
};

// The name of the day-file layout, reported in the manifest.
inline constexpr const char* kDayFileFormat = "pretty4";

// Writes the export to `out` (a folder that must not exist or be empty, or a
// zip file that must not exist) and returns exact counts of what was
// written. Fails with kUsage for bad options or an occupied `out`, kStorage
// for I/O errors; a failed run may leave a partial output behind.
core::Result<ExportStats> generate_export(const GeneratorOptions& options,
                                          const std::filesystem::path& out);

// The one-line JSON manifest: the counts plus seed, start, days, zip, format.
std::string manifest_json(const ExportStats& stats, const GeneratorOptions& options);

}  // namespace backscroll::generator
