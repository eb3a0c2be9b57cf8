#include "tests/generator/export_sink.h"

#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <string>
#include <system_error>

namespace backscroll::generator {
namespace {

namespace fs = std::filesystem;

core::Unexpected storage_error(std::string message, const fs::path& where) {
  core::Error e = core::make_error(core::ErrorCode::kStorage, std::move(message));
  e.where.file = where.string();
  return core::Unexpected{std::move(e)};
}

class FolderSink : public ExportSink {
 public:
  explicit FolderSink(fs::path root) : root_(std::move(root)) {}

  core::Result<void> write(std::string_view path, std::string_view content) override {
    fs::path file = root_ / fs::path(path);
    fs::path dir = file.parent_path();
    if (dir != last_dir_) {
      std::error_code ec;
      fs::create_directories(dir, ec);
      if (ec) return storage_error("cannot create directory: " + ec.message(), dir);
      last_dir_ = dir;
    }
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (f == nullptr) return storage_error("cannot create file", file);
    bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) return storage_error("write failed", file);
    return {};
  }

  core::Result<void> close() override { return {}; }

 private:
  fs::path root_;
  fs::path last_dir_;
};

class ZipSink : public ExportSink {
 public:
  ZipSink(archive* a, fs::path file, std::int64_t mtime)
      : archive_(a), file_(std::move(file)), mtime_(mtime) {}
  ~ZipSink() override {
    if (archive_ != nullptr) archive_write_free(archive_);
  }

  core::Result<void> write(std::string_view path, std::string_view content) override {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, std::string(path).c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_mtime(entry, mtime_, 0);
    int rc = archive_write_header(archive_, entry);
    archive_entry_free(entry);
    if (rc != ARCHIVE_OK) return failure("zip header for " + std::string(path));
    la_ssize_t n = archive_write_data(archive_, content.data(), content.size());
    if (n < 0 || static_cast<std::size_t>(n) != content.size()) {
      return failure("zip data for " + std::string(path));
    }
    return {};
  }

  core::Result<void> close() override {
    int rc = archive_write_close(archive_);
    if (rc != ARCHIVE_OK) return failure("zip close");
    return {};
  }

 private:
  core::Unexpected failure(const std::string& what) {
    const char* msg = archive_error_string(archive_);
    return storage_error(what + ": " + (msg ? msg : "unknown libarchive error"), file_);
  }

  archive* archive_;
  fs::path file_;
  std::int64_t mtime_;
};

}  // namespace

core::Result<std::unique_ptr<ExportSink>> ExportSink::open_folder(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec) || !fs::is_empty(dir, ec)) {
      return core::fail(core::ErrorCode::kUsage,
                        "output exists and is not an empty directory: " + dir.string());
    }
  }
  fs::create_directories(dir, ec);
  if (ec) return storage_error("cannot create directory: " + ec.message(), dir);
  return std::unique_ptr<ExportSink>(new FolderSink(dir));
}

core::Result<std::unique_ptr<ExportSink>> ExportSink::open_zip(const fs::path& file,
                                                               std::int64_t mtime) {
  std::error_code ec;
  if (fs::exists(file, ec)) {
    return core::fail(core::ErrorCode::kUsage, "output file exists: " + file.string());
  }
  archive* a = archive_write_new();
  if (a == nullptr) return core::fail(core::ErrorCode::kInternal, "archive_write_new failed");
  auto sink = std::unique_ptr<ZipSink>(new ZipSink(a, file, mtime));
  if (archive_write_set_format_zip(a) != ARCHIVE_OK ||
      archive_write_open_filename(a, file.c_str()) != ARCHIVE_OK) {
    const char* msg = archive_error_string(a);
    return storage_error(std::string("cannot open zip: ") + (msg ? msg : "?"), file);
  }
  return std::unique_ptr<ExportSink>(std::move(sink));
}

}  // namespace backscroll::generator
