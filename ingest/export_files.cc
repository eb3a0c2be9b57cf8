#include "ingest/export_files.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "ingest/export_files_internal.h"

namespace backscroll::ingest {

std::optional<std::string> normalize_entry_path(std::string_view raw) {
  std::string path(raw);
  std::replace(path.begin(), path.end(), '\\', '/');
  if (path.starts_with('/')) return std::nullopt;
  if (path.size() >= 2 && path[1] == ':') return std::nullopt;  // "C:/..."
  std::string out;
  std::size_t i = 0;
  while (i <= path.size()) {
    std::size_t slash = path.find('/', i);
    if (slash == std::string::npos) slash = path.size();
    std::string_view part(path.data() + i, slash - i);
    if (part == "..") return std::nullopt;
    if (!part.empty() && part != ".") {
      if (!out.empty()) out += '/';
      out.append(part);
    }
    i = slash + 1;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

namespace internal {

char* PaddedBuffer::reset(std::size_t size) {
  if (capacity_ < size + kEntryPadding) {
    capacity_ = std::max(size + kEntryPadding, capacity_ * 2);
    data_ = std::make_unique_for_overwrite<char[]>(capacity_);
  }
  return data_.get();
}

char* PaddedBuffer::grow(std::size_t size, std::size_t keep) {
  if (capacity_ < size + kEntryPadding) {
    std::size_t capacity = std::max(size + kEntryPadding, capacity_ * 2);
    auto data = std::make_unique_for_overwrite<char[]>(capacity);
    if (keep > 0) std::memcpy(data.get(), data_.get(), keep);
    data_ = std::move(data);
    capacity_ = capacity;
  }
  return data_.get();
}

EntryData PaddedBuffer::finish(std::size_t size) {
  reset(size);  // No-op unless size grew past capacity (never: callers reserve).
  std::memset(data_.get() + size, 0, kEntryPadding);
  return EntryData{data_.get(), size, capacity_};
}

bool is_junk_path(std::string_view normalized) {
  if (normalized.starts_with("__MACOSX/")) return true;
  std::size_t slash = normalized.rfind('/');
  std::string_view base =
      slash == std::string_view::npos ? normalized : normalized.substr(slash + 1);
  return base.starts_with("._");
}

bool has_json_extension(std::string_view path) {
  if (path.size() < 5) return false;
  std::string_view ext = path.substr(path.size() - 5);
  return ext[0] == '.' && (ext[1] | 0x20) == 'j' && (ext[2] | 0x20) == 's' &&
         (ext[3] | 0x20) == 'o' && (ext[4] | 0x20) == 'n';
}

namespace {

core::Error file_error(core::ErrorCode code, std::string message, const std::string& file) {
  core::Error e = core::make_error(code, std::move(message));
  e.where.file = file;
  return e;
}

class FolderFiles : public ExportFiles {
 public:
  FolderFiles(std::filesystem::path dir, const ExportLimits& limits)
      : dir_(std::move(dir)), limits_(limits) {}

  core::Result<void> list() {
    std::error_code ec;
    auto it = std::filesystem::recursive_directory_iterator(
        dir_, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec)
      return core::fail(core::ErrorCode::kStorage,
                        "cannot list " + dir_.string() + ": " + ec.message());
    for (auto end = std::filesystem::recursive_directory_iterator(); it != end; it.increment(ec)) {
      if (ec) break;
      if (!it->is_regular_file(ec)) continue;
      std::string rel = it->path().lexically_relative(dir_).generic_string();
      if (!has_json_extension(rel) || is_junk_path(rel)) continue;
      ExportEntry entry;
      entry.path = rel;
      entry.size = it->file_size(ec);
      if (ec) entry.size = 0;
      entries_.push_back(std::move(entry));
    }
    if (ec)
      return core::fail(core::ErrorCode::kStorage,
                        "cannot list " + dir_.string() + ": " + ec.message());
    std::sort(entries_.begin(), entries_.end(),
              [](const ExportEntry& a, const ExportEntry& b) { return a.path < b.path; });
    return {};
  }

  const std::vector<ExportEntry>& entries() const override { return entries_; }
  const std::vector<core::Error>& rejected() const override { return rejected_; }

  core::Result<void> read(const EntryFilter& want, const EntryVisitor& visit) override {
    for (const ExportEntry& entry : entries_) {
      if (!want(entry)) continue;
      core::Result<void> r = visit(entry, read_file(entry));
      if (!r) return r;
    }
    return {};
  }

 private:
  core::Result<EntryData> read_file(const ExportEntry& entry) {
    if (entry.size > limits_.max_entry_bytes)
      return core::Unexpected{too_large(entry, entry.size, limits_)};
    std::filesystem::path file = dir_ / entry.path;
    std::FILE* f = std::fopen(file.c_str(), "rb");
    if (f == nullptr)
      return core::Unexpected{file_error(core::ErrorCode::kStorage,
                                         std::string("cannot open: ") + std::strerror(errno),
                                         entry.path)};
    std::size_t size = 0;
    // One spare byte, so a file of the listed size hits EOF without growing.
    std::size_t capacity = entry.size + 1;
    char* data = buffer_.reset(capacity);
    for (;;) {
      if (size == capacity) {
        capacity = std::min<std::size_t>(capacity * 2 + 65536, limits_.max_entry_bytes + 1);
        data = buffer_.grow(capacity, size);
      }
      std::size_t n = std::fread(data + size, 1, capacity - size, f);
      size += n;
      if (n == 0) break;
      if (size > limits_.max_entry_bytes) {  // It grew since it was listed.
        std::fclose(f);
        return core::Unexpected{too_large(entry, size, limits_)};
      }
    }
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed)
      return core::Unexpected{file_error(core::ErrorCode::kStorage, "read error", entry.path)};
    return buffer_.finish(size);
  }

  std::filesystem::path dir_;
  ExportLimits limits_;
  std::vector<ExportEntry> entries_;
  std::vector<core::Error> rejected_;  // Always empty: folder paths are safe.
  PaddedBuffer buffer_;
};

}  // namespace

core::Error too_large(const ExportEntry& entry, std::uint64_t size, const ExportLimits& limits) {
  const std::uint64_t limit = limits.max_entry_bytes;
  std::string shown = limit % (1 << 20) == 0 ? std::to_string(limit >> 20) + " MiB"
                                             : std::to_string(limit) + " bytes";
  core::Error e = core::make_error(core::ErrorCode::kBadInput,
                                   "file is larger than the limit of " + shown + " (" +
                                       std::to_string(size) + " bytes or more): not read");
  e.where.file = entry.path;
  e.where.offset = limits.max_entry_bytes;
  return e;
}

core::Result<std::unique_ptr<ExportFiles>> open_folder(const std::filesystem::path& dir,
                                                       const ExportLimits& limits) {
  auto files = std::make_unique<FolderFiles>(dir, limits);
  if (core::Result<void> r = files->list(); !r) return core::Unexpected{r.error()};
  return std::unique_ptr<ExportFiles>(std::move(files));
}

}  // namespace internal

core::Result<std::unique_ptr<ExportFiles>> ExportFiles::open(const std::filesystem::path& path,
                                                             const ExportLimits& limits) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    core::Error e = core::make_error(core::ErrorCode::kNotFound, "no such file or folder");
    e.where.source = path.string();
    return core::Unexpected{e};
  }
  auto result = std::filesystem::is_directory(status) ? internal::open_folder(path, limits)
                                                      : internal::open_zip(path, limits);
  if (!result) result.error().where.source = path.string();
  return result;
}

}  // namespace backscroll::ingest
