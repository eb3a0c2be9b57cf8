#pragma once
// ingest_export(): reads one chat export (today: a Slack workspace export, zip or
// folder) into the archive.
//
// Pipeline: open the source; read its users and conversations and put them into
// the archive; build the NameDirectory (archive's stored users and conversations,
// overridden by the export's); then read day files one at a time, converting
// each into core::Message, and upsert them in batches of about kBatchMessages
// messages (whole day files only, so a crash leaves each file all in or all out).
//
// Incremental: each archived day file's content hash is recorded in the archive
// (day_file_record.h) in the same batch as its messages. A day file whose hash
// is recorded is not parsed at all; its recorded message count is reported as
// unchanged. So re-ingesting the same export changes nothing (every message
// "unchanged") and costs little more than reading it.
//
// Problems with single files do not stop the ingest: a malformed day file is
// reported in IngestReport::errors (kBadInput with source, file and byte offset)
// and its messages are left out, while the other files go in. The app decides the
// exit code (1 when errors is not empty). With IngestOptions::strict, an export
// with any such problem writes nothing: every file is checked first (files with
// a recorded hash need no check), then written in a second pass.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "ingest/export_files.h"
#include "store/archive.h"

namespace backscroll::ingest {

inline constexpr std::size_t kBatchMessages = 8000;

struct IngestProgress {
  std::uint64_t bytes_done = 0;   // Bytes of day files read so far in this pass.
  std::uint64_t bytes_total = 0;  // Bytes of all day files (0 when unknown).
  std::string current_file;       // The day file just read, e.g. "general/2020-10-01.json".
  bool checking = false;          // Strict mode's first pass, which writes nothing.
};
// Called after each day file, on the calling thread.
using ProgressCallback = std::function<void(const IngestProgress&)>;

struct IngestOptions {
  bool strict = false;  // Write nothing from an export with any bad file.
  ExportLimits limits;  // Per-entry size limits (export_files.h).
  ProgressCallback progress;
};

struct IngestReport {
  std::string source;                 // The export path.
  store::UpsertCounts counts;         // Added/updated/unchanged messages.
  std::uint64_t skipped = 0;          // Entries not archived (no ts, message_changed, ...).
  std::uint64_t files = 0;            // Day files read (including ones with errors).
  std::uint64_t files_known = 0;      // Of those, files with a recorded hash: not parsed.
  std::uint64_t users = 0;            // Users in the export's metadata.
  std::uint64_t conversations = 0;    // Conversations, including made-up ones.
  std::vector<core::Error> errors;    // Per-file problems (kBadInput).
  std::vector<std::string> warnings;  // E.g. "users.json is missing: ...".
  bool written = true;                // False when strict mode refused the export.
};

// Reads the export at `path` into `archive` (which must be writable). Returns an
// error (not a report) only when the export cannot be read at all (kNotFound for
// a missing path; kBadInput for a file that is not a zip archive or a zip that
// breaks mid-way; kStorage for unreadable files) or when the archive fails
// (its kStorage/kCorrupt/kUsage errors, unchanged). Messages upserted before such
// an error stay in the archive.
[[nodiscard]] core::Result<IngestReport> ingest_export(store::Archive& archive,
                                                       const std::filesystem::path& path,
                                                       const IngestOptions& options);
[[nodiscard]] core::Result<IngestReport> ingest_export(store::Archive& archive,
                                                       const std::filesystem::path& path,
                                                       const ProgressCallback& progress = {});

}  // namespace backscroll::ingest
