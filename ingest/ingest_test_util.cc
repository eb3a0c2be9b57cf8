#include "ingest/ingest_test_util.h"

#include <archive.h>
#include <gtest/gtest.h>
#include <archive_entry.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace backscroll::ingest::testing {

std::unique_ptr<store::Archive> open_archive(const std::filesystem::path& dir) {
  auto archive = store::Archive::open(dir, store::OpenMode::kWritable);
  if (!archive) ADD_FAILURE() << archive.error().describe();
  return archive ? std::move(*archive) : nullptr;
}

void write_file(const std::filesystem::path& file, std::string_view content) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void write_zip(const std::filesystem::path& zip, const ZipEntries& entries) {
  struct archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  if (archive_write_open_filename(a, zip.c_str()) != ARCHIVE_OK)
    throw std::runtime_error(archive_error_string(a));
  for (const auto& [name, content] : entries) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_write_header(a, e);
    archive_write_data(a, content.data(), content.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

ZipEntries entries_of_folder(const std::filesystem::path& dir, const std::string& prefix) {
  ZipEntries entries;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    entries.emplace_back(prefix + e.path().lexically_relative(dir).generic_string(), content.str());
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

std::filesystem::path slack_fixture(const std::string& name) {
  return std::filesystem::path(BACKSCROLL_SOURCE_DIR) / "tests" / "fixtures" / "slack" / name;
}

}  // namespace backscroll::ingest::testing
