#pragma once
// Test helpers for ingest_tests: a temporary directory removed on destruction,
// file writing, and building zip archives with libarchive's writer.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/archive.h"
#include "tests/support/temp_dir.h"

namespace backscroll::ingest::testing {

using TempDir = backscroll::testing::TempDir;

// Opens (creating) a writable archive in `dir`; nullptr and a test failure on error.
std::unique_ptr<store::Archive> open_archive(const std::filesystem::path& dir);

// Writes `content` to `file`, creating parent folders.
void write_file(const std::filesystem::path& file, std::string_view content);

// Zip entries: raw path inside the zip -> content (written in this order).
using ZipEntries = std::vector<std::pair<std::string, std::string>>;
void write_zip(const std::filesystem::path& zip, const ZipEntries& entries);
// Every regular file under `dir`, in sorted order, with paths relative to `dir`
// prefixed by `prefix` (e.g. "export/").
ZipEntries entries_of_folder(const std::filesystem::path& dir, const std::string& prefix = "");

// The fixture folder tests/fixtures/slack/<name>.
std::filesystem::path slack_fixture(const std::string& name);

}  // namespace backscroll::ingest::testing
