// ExportFiles over a zip archive, read in place with libarchive.
//
// open() walks the headers once (libarchive's seekable zip reader takes them from
// the central directory and skips data by seeking), listing the .json entries.
// Each read() reopens the archive and walks the headers again, decompressing only
// the wanted entries, in archive order.

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>

#include "ingest/export_files_internal.h"

namespace backscroll::ingest::internal {
namespace {

constexpr std::size_t kBlockSize = 1 << 16;
constexpr std::size_t kReadChunk = 1 << 20;

struct ArchiveCloser {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchiveHandle = std::unique_ptr<struct archive, ArchiveCloser>;

std::string archive_message(struct archive* a, const char* what) {
  const char* detail = archive_error_string(a);
  return std::string(what) + (detail ? std::string(": ") + detail : std::string());
}

class ZipFiles : public ExportFiles {
 public:
  ZipFiles(std::filesystem::path file, const ExportLimits& limits)
      : file_(std::move(file)), limits_(limits) {}

  core::Result<void> list() {
    core::Result<ArchiveHandle> opened = open_archive();
    if (!opened) return core::Unexpected{opened.error()};
    struct archive* a = opened->get();
    struct archive_entry* header = nullptr;
    for (;;) {
      int r = archive_read_next_header(a, &header);
      if (r == ARCHIVE_EOF) break;
      if (r < ARCHIVE_WARN) return broken(a, "not a readable zip archive");
      entry_of_header_.push_back(classify(header));
      if (archive_read_data_skip(a) < ARCHIVE_WARN) return broken(a, "corrupt zip archive");
    }
    return {};
  }

  const std::vector<ExportEntry>& entries() const override { return entries_; }
  const std::vector<core::Error>& rejected() const override { return rejected_; }

  core::Result<void> read(const EntryFilter& want, const EntryVisitor& visit) override {
    std::vector<bool> wanted(entries_.size());
    std::size_t remaining = 0;
    for (std::size_t i = 0; i < entries_.size(); ++i)
      if ((wanted[i] = want(entries_[i]))) ++remaining;
    if (remaining == 0) return {};
    core::Result<ArchiveHandle> opened = open_archive();
    if (!opened) return core::Unexpected{opened.error()};
    struct archive* a = opened->get();
    struct archive_entry* header = nullptr;
    for (std::size_t h = 0; remaining > 0; ++h) {
      int r = archive_read_next_header(a, &header);
      if (r == ARCHIVE_EOF || h >= entry_of_header_.size())
        return core::fail(core::ErrorCode::kBadInput, "zip archive changed while reading");
      if (r < ARCHIVE_WARN) return broken(a, "corrupt zip archive");
      long index = entry_of_header_[h];
      if (index < 0 || !wanted[static_cast<std::size_t>(index)]) continue;
      --remaining;
      const ExportEntry& entry = entries_[static_cast<std::size_t>(index)];
      core::Result<void> v = visit(entry, read_data(a, entry));
      if (!v) return v;
    }
    return {};
  }

 private:
  core::Result<ArchiveHandle> open_archive() {
    ArchiveHandle a(archive_read_new());
    if (!a) return core::fail(core::ErrorCode::kInternal, "libarchive: out of memory");
    archive_read_support_format_zip(a.get());
    if (archive_read_open_filename(a.get(), file_.c_str(), kBlockSize) != ARCHIVE_OK) {
      int err = archive_errno(a.get());
      core::ErrorCode code = (err == ENOENT || err == EACCES || err == EISDIR || err == EIO)
                                 ? core::ErrorCode::kStorage
                                 : core::ErrorCode::kBadInput;
      return core::fail(code, archive_message(a.get(), "cannot open zip archive"));
    }
    return a;
  }

  core::Unexpected broken(struct archive* a, const char* what) {
    return core::fail(core::ErrorCode::kBadInput, archive_message(a, what));
  }

  // The index in entries_ of a header, or -1 when it is not listed.
  long classify(struct archive_entry* header) {
    if (archive_entry_filetype(header) != AE_IFREG) return -1;
    const char* raw = archive_entry_pathname_utf8(header);
    if (raw == nullptr) raw = archive_entry_pathname(header);
    if (raw == nullptr || !has_json_extension(raw)) return -1;
    std::optional<std::string> path = normalize_entry_path(raw);
    if (!path) {
      core::Error e = core::make_error(core::ErrorCode::kBadInput,
                                       "unsafe path in zip archive (absolute or with ..): skipped");
      e.where.source = file_.string();
      e.where.file = raw;
      rejected_.push_back(std::move(e));
      return -1;
    }
    if (is_junk_path(*path)) return -1;
    ExportEntry entry;
    entry.path = std::move(*path);
    entry.size = archive_entry_size_is_set(header)
                     ? static_cast<std::uint64_t>(archive_entry_size(header))
                     : 0;
    entries_.push_back(std::move(entry));
    return static_cast<long>(entries_.size() - 1);
  }

  core::Result<EntryData> read_data(struct archive* a, const ExportEntry& entry) {
    if (entry.size > limits_.max_entry_bytes)
      return core::Unexpected{located(too_large(entry, entry.size, limits_))};
    // Compressed bytes consumed so far, to watch the expansion ratio.
    const la_int64_t compressed_start = archive_filter_bytes(a, -1);
    std::size_t capacity = static_cast<std::size_t>(entry.size) + 1;
    char* data = buffer_.reset(capacity);
    std::size_t size = 0;
    for (;;) {
      if (size > limits_.max_entry_bytes)
        return core::Unexpected{located(too_large(entry, size, limits_))};
      if (size > limits_.ratio_floor) {
        la_int64_t compressed = archive_filter_bytes(a, -1) - compressed_start;
        if (compressed <= 0 || size / static_cast<std::uint64_t>(compressed) > limits_.max_ratio)
          return core::Unexpected{located(bomb(entry, size, compressed))};
      }
      if (size == capacity) {
        capacity = std::min<std::size_t>(capacity * 2 + kBlockSize, limits_.max_entry_bytes + 1);
        data = buffer_.grow(capacity, size);
      }
      // At most kReadChunk per call, so the ratio check runs before a bomb
      // has expanded far.
      la_ssize_t n = archive_read_data(a, data + size, std::min(capacity - size, kReadChunk));
      if (n < 0) {
        core::Error e =
            core::make_error(core::ErrorCode::kBadInput, archive_message(a, "cannot decompress"));
        e.where.source = file_.string();
        e.where.file = entry.path;
        return core::Unexpected{std::move(e)};
      }
      if (n == 0) break;
      size += static_cast<std::size_t>(n);
    }
    return buffer_.finish(size);
  }

  core::Error located(core::Error e) const {
    e.where.source = file_.string();
    return e;
  }

  core::Error bomb(const ExportEntry& entry, std::size_t size, la_int64_t compressed) const {
    core::Error e = core::make_error(
        core::ErrorCode::kBadInput,
        "zip entry expands more than " + std::to_string(limits_.max_ratio) + " times (" +
            std::to_string(size) + " bytes from " + std::to_string(compressed) +
            " compressed): refused as a likely zip bomb");
    e.where.file = entry.path;
    e.where.offset = size;
    return e;
  }

  std::filesystem::path file_;
  ExportLimits limits_;
  std::vector<ExportEntry> entries_;
  std::vector<long> entry_of_header_;  // Per archive header: index in entries_ or -1.
  std::vector<core::Error> rejected_;
  PaddedBuffer buffer_;
};

}  // namespace

core::Result<std::unique_ptr<ExportFiles>> open_zip(const std::filesystem::path& file,
                                                    const ExportLimits& limits) {
  auto files = std::make_unique<ZipFiles>(file, limits);
  if (core::Result<void> r = files->list(); !r) return core::Unexpected{r.error()};
  return std::unique_ptr<ExportFiles>(std::move(files));
}

}  // namespace backscroll::ingest::internal
