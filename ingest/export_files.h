#pragma once
// ExportFiles: the .json files of an export, whether it is a zip archive (read
// in place with libarchive, never unpacked) or an unpacked folder.
//
// Entry paths are normalized: '/'-separated, relative, without "." components;
// "dir\\file.json" becomes "dir/file.json". An entry whose path is absolute or
// contains ".." is not listed but reported in rejected() (we never write to disk,
// but such a path means the archive was crafted or broken). Non-.json entries,
// directories and macOS debris ("__MACOSX/", "._name.json") are skipped silently.
//
// Reading is one sequential pass in container order (a zip's entries must be
// decompressed in order; reading one entry at a time by seeking would be slow for
// a 1.4 GB export). A caller that needs some files before others (metadata before
// day files) calls read() twice with different filters: skipping an entry costs a
// seek, not a decompression.
//
// Not thread-safe: one reader at a time.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace backscroll::ingest {

// Limits on what one entry may take, so that a crafted or broken export cannot
// exhaust memory. An entry beyond them is not read: its visitor gets a kBadInput
// error naming the limit (the other entries are still read).
struct ExportLimits {
  // Largest entry read, uncompressed (a day file is a few MB at most).
  std::uint64_t max_entry_bytes = std::uint64_t{256} << 20;
  // Zip only: an entry that expands more than max_ratio times its compressed
  // size, once past ratio_floor bytes, is refused as a likely zip bomb (JSON
  // compresses 5 to 20 times; deflate's ceiling is about 1030).
  std::uint64_t max_ratio = 200;
  std::uint64_t ratio_floor = std::uint64_t{1} << 20;
};

// Bytes readable after EntryData::size (simdjson reads up to 64 bytes past the end).
inline constexpr std::size_t kEntryPadding = 64;

struct ExportEntry {
  std::string path;        // Normalized path inside the export, e.g. "general/2020-10-01.json".
  std::uint64_t size = 0;  // Uncompressed size in bytes; 0 when the container does not say.
};

// One entry's bytes. `data` stays valid until the visitor returns; at least
// kEntryPadding readable bytes follow data + size.
struct EntryData {
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t capacity = 0;  // >= size + kEntryPadding.
  std::string_view view() const { return {data, size}; }
};

// Normalizes a container path (see the file comment). Returns nullopt when the
// path is absolute, has a drive letter, or contains "..".
std::optional<std::string> normalize_entry_path(std::string_view raw);

class ExportFiles {
 public:
  virtual ~ExportFiles() = default;

  // Opens `path`: a directory is read as an unpacked export, anything else as a
  // zip archive. Errors: kNotFound when `path` does not exist; kBadInput when it
  // is not a readable zip archive; kStorage when a directory cannot be listed.
  [[nodiscard]] static core::Result<std::unique_ptr<ExportFiles>> open(
      const std::filesystem::path& path, const ExportLimits& limits = {});

  // The .json entries, in container order (a folder's in sorted path order).
  virtual const std::vector<ExportEntry>& entries() const = 0;
  // kBadInput errors (with where.file = the raw path) for unsafe entry paths.
  virtual const std::vector<core::Error>& rejected() const = 0;

  // Called for each wanted entry with its bytes, or with the kBadInput/kStorage
  // error that prevented reading that entry (a CRC mismatch, an unreadable file).
  // Returning an error stops the pass and read() returns it.
  using EntryVisitor =
      std::function<core::Result<void>(const ExportEntry&, core::Result<EntryData>)>;
  using EntryFilter = std::function<bool(const ExportEntry&)>;

  // One pass over the entries for which `want` is true, in entries() order.
  // Errors: the visitor's, or kBadInput/kStorage when the container itself breaks
  // (a zip truncated mid-way).
  [[nodiscard]] virtual core::Result<void> read(const EntryFilter& want,
                                                const EntryVisitor& visit) = 0;
};

}  // namespace backscroll::ingest
