#pragma once
// The one error type of backscroll. Every module's public function that can
// fail returns Result<T> (see result.h) carrying an Error: a code that maps to
// an exit code in app/ and an HTTP status in server/, a readable message, where
// it happened (an export file and byte offset, or a query column) and an
// optional hint for the user ("another ingest holds the lock: pid 4711").

#include <cstdint>
#include <optional>
#include <string>

namespace backscroll::core {

enum class ErrorCode {
  kUsage,     // The caller asked for something malformed (bad option value).
  kBadInput,  // An export is malformed: a file is not JSON, has wrong types, ...
  kBadQuery,  // A search query is malformed or names something unknown.
  kNotFound,  // A thread, message or conversation does not exist.
  kLocked,    // Another process holds the archive's write lock.
  kStorage,   // The disk failed us: I/O error, disk full, read-only archive.
  kCorrupt,   // Stored data does not decode, or store and index disagree.
  kInternal,  // A bug: an invariant broke.
};

// Where an error happened. All fields optional; `describe()` prints the ones set.
struct ErrorLocation {
  std::string source;                  // The export path (zip or folder).
  std::string file;                    // A file inside the export.
  std::optional<std::uint64_t> offset; // Byte offset inside `file`.
  std::optional<std::size_t> column;   // 1-based column in a query string.
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  ErrorLocation where;
  std::string hint;

  // "source: file: byte 120: message (hint)" with absent parts left out.
  std::string describe() const;
};

// Lower-case name of a code, e.g. "bad_query"; stable, used in JSON reports.
const char* error_code_name(ErrorCode code);

Error make_error(ErrorCode code, std::string message);

}  // namespace backscroll::core
