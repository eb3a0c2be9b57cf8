#pragma once
// Implementations behind ExportFiles::open, and the padded read buffer they share.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "core/result.h"
#include "ingest/export_files.h"

namespace backscroll::ingest::internal {

// A growable byte buffer keeping kEntryPadding zeroed bytes after its content.
class PaddedBuffer {
 public:
  // Makes room for `size` bytes (plus padding); content is not preserved.
  char* reset(std::size_t size);
  // Grows to `size` bytes keeping the first `keep` bytes.
  char* grow(std::size_t size, std::size_t keep);
  EntryData finish(std::size_t size);  // Zeroes the padding after `size` bytes.

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;  // Including padding.
};

// True for entry names we never look at: directories' debris from macOS.
bool is_junk_path(std::string_view normalized);
bool has_json_extension(std::string_view path);

core::Result<std::unique_ptr<ExportFiles>> open_folder(const std::filesystem::path& dir,
                                                       const ExportLimits& limits);
core::Result<std::unique_ptr<ExportFiles>> open_zip(const std::filesystem::path& file,
                                                    const ExportLimits& limits);

// The kBadInput error for an entry larger than limits.max_entry_bytes.
core::Error too_large(const ExportEntry& entry, std::uint64_t size, const ExportLimits& limits);

}  // namespace backscroll::ingest::internal
