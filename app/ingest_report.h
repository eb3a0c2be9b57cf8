#pragma once
// The JSON report `backscroll ingest --report FILE` writes for monitoring:
//
//   {"ok": false, "exit_code": 1, "started": "2024-05-01T02:00:00Z",
//    "duration_seconds": 12.5, "indexed": 1600,
//    "totals": {"new": 1600, "updated": 0, "unchanged": 0, "skipped": 3,
//               "files": 1137, "files_unchanged": 0, "errors": 1, "warnings": 0},
//    "exports": [{"source": "/srv/export.zip", "written": true, "users": 12,
//                 "conversations": 9, "files": 1137, "files_unchanged": 0,
//                 "new": 1600, "updated": 0, "unchanged": 0, "skipped": 3,
//                 "errors": [{"code": "bad_input", "file": "general/2020-10-01.json",
//                             "offset": 120, "reason": "..."}],
//                 "warnings": []}],
//    "errors": [ ...errors of exports that could not be read at all, or of indexing... ]}
//
// "files_unchanged" counts day files skipped because their content hash was
// recorded; "written": false means --strict refused that export. Every error
// has "code" and "reason" and, when known, "source", "file" and "offset".

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "ingest/ingest.h"

namespace backscroll::app {

struct IngestRun {
  std::vector<ingest::IngestReport> exports;  // One per export that could be read.
  std::vector<core::Error> errors;            // Exports that could not be read; indexing.
  std::uint64_t indexed = 0;
  std::string started;  // ISO 8601 UTC.
  double seconds = 0;
  int exit_code = 0;
};

std::string ingest_report_json(const IngestRun& run);

// Writes `json` to `file` atomically (a temporary file renamed over it), so a
// monitor never reads half a report. Errors: kStorage.
[[nodiscard]] core::Result<void> write_report_file(const std::filesystem::path& file,
                                                   const std::string& json);

}  // namespace backscroll::app
