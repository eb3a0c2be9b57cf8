#pragma once
// ExportSink: where the generator's files go, either a folder tree or a zip
// archive (written with libarchive). Paths are relative and '/'-separated,
// e.g. "general/2023-01-02.json". Zip entries get a fixed modification time so
// the archive is byte-identical across runs. Not thread-safe.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

#include "core/result.h"

namespace backscroll::generator {

class ExportSink {
 public:
  virtual ~ExportSink() = default;

  // Writes one whole file. Fails with kStorage on I/O errors.
  virtual core::Result<void> write(std::string_view path, std::string_view content) = 0;
  // Finishes the output (the zip's central directory); call once at the end.
  virtual core::Result<void> close() = 0;

  // `dir` must not exist or be an empty directory (kUsage otherwise).
  static core::Result<std::unique_ptr<ExportSink>> open_folder(const std::filesystem::path& dir);
  // `file` must not exist (kUsage otherwise). Entries are stamped `mtime`.
  static core::Result<std::unique_ptr<ExportSink>> open_zip(const std::filesystem::path& file,
                                                            std::int64_t mtime);
};

}  // namespace backscroll::generator
