#include "ingest/export_files.h"

#include <gtest/gtest.h>

#include <map>

#include "ingest/ingest_test_util.h"

namespace backscroll::ingest {
namespace {

using testing::TempDir;

TEST(ExportFilesTest, NormalizeEntryPath) {
  const std::pair<const char*, std::optional<std::string>> cases[] = {
      {"users.json", "users.json"},
      {"./users.json", "users.json"},
      {"export/general/2020-10-01.json", "export/general/2020-10-01.json"},
      {"export//general/./2020-10-01.json", "export/general/2020-10-01.json"},
      {"dir\\file.json", "dir/file.json"},
      {"../evil.json", std::nullopt},
      {"a/../b.json", std::nullopt},
      {"a/..", std::nullopt},
      {"/abs.json", std::nullopt},
      {"\\abs.json", std::nullopt},
      {"C:/x.json", std::nullopt},
      {"", std::nullopt},
      {"./", std::nullopt},
      {"..json", "..json"},
      {"a/...json", "a/...json"},
  };
  for (const auto& [raw, expected] : cases) EXPECT_EQ(normalize_entry_path(raw), expected) << raw;
}

std::map<std::string, std::string> read_all(ExportFiles& files) {
  std::map<std::string, std::string> out;
  auto r =
      files.read([](const ExportEntry&) { return true; },
                 [&](const ExportEntry& e, core::Result<EntryData> data) -> core::Result<void> {
                   EXPECT_TRUE(data) << e.path;
                   if (!data) return {};
                   EXPECT_GE(data->capacity, data->size + kEntryPadding);
                   for (std::size_t i = 0; i < kEntryPadding; ++i)
                     EXPECT_EQ(data->data[data->size + i], '\0');
                   out[e.path] = std::string(data->view());
                   return {};
                 });
  EXPECT_TRUE(r);
  return out;
}

std::vector<std::string> paths(const ExportFiles& files) {
  std::vector<std::string> out;
  for (const ExportEntry& e : files.entries()) out.push_back(e.path + ":" + std::to_string(e.size));
  return out;
}

TEST(ExportFilesTest, Folder) {
  TempDir dir;
  testing::write_file(dir.path() / "users.json", "[]");
  testing::write_file(dir.path() / "general" / "2020-10-02.json", "[1]");
  testing::write_file(dir.path() / "general" / "2020-10-01.JSON", "[22]");
  testing::write_file(dir.path() / "general" / "notes.txt", "x");
  testing::write_file(dir.path() / "general" / "._2020-10-01.json", "junk");
  testing::write_file(dir.path() / "empty.json", "");
  auto files = ExportFiles::open(dir.path());
  ASSERT_TRUE(files) << files.error().describe();
  EXPECT_EQ(paths(**files),
            (std::vector<std::string>{"empty.json:0", "general/2020-10-01.JSON:4",
                                      "general/2020-10-02.json:3", "users.json:2"}));
  EXPECT_TRUE((*files)->rejected().empty());
  EXPECT_EQ(read_all(**files),
            (std::map<std::string, std::string>{{"empty.json", ""},
                                                {"general/2020-10-01.JSON", "[22]"},
                                                {"general/2020-10-02.json", "[1]"},
                                                {"users.json", "[]"}}));
}

TEST(ExportFilesTest, ZipEntriesAreNormalizedAndUnsafeOnesRejected) {
  TempDir dir;
  std::string big(200000, 'x');
  testing::write_zip(dir.path() / "e.zip", {{"./users.json", "[]"},
                                            {"../evil.json", "[666]"},
                                            {"/abs.json", "[666]"},
                                            {"general/../../up.json", "[666]"},
                                            {"__MACOSX/general/._2020-10-01.json", "junk"},
                                            {"readme.txt", "hello"},
                                            {"general\\2020-10-01.json", "[1]"},
                                            {"general/2020-10-02.json", big}});
  auto files = ExportFiles::open(dir.path() / "e.zip");
  ASSERT_TRUE(files) << files.error().describe();
  EXPECT_EQ(paths(**files), (std::vector<std::string>{"users.json:2", "general/2020-10-01.json:3",
                                                      "general/2020-10-02.json:200000"}));
  std::vector<std::string> rejected;
  for (const core::Error& e : (*files)->rejected()) {
    EXPECT_EQ(e.code, core::ErrorCode::kBadInput);
    EXPECT_EQ(e.where.source, (dir.path() / "e.zip").string());
    rejected.push_back(e.where.file);
  }
  EXPECT_EQ(rejected,
            (std::vector<std::string>{"../evil.json", "/abs.json", "general/../../up.json"}));
  EXPECT_EQ(read_all(**files),
            (std::map<std::string, std::string>{{"general/2020-10-01.json", "[1]"},
                                                {"general/2020-10-02.json", big},
                                                {"users.json", "[]"}}));
  // A second pass with a filter reads only what it wants.
  std::vector<std::string> seen;
  auto r = (*files)->read([](const ExportEntry& e) { return e.path.starts_with("general/"); },
                          [&](const ExportEntry& e, core::Result<EntryData>) -> core::Result<void> {
                            seen.push_back(e.path);
                            return {};
                          });
  ASSERT_TRUE(r);
  EXPECT_EQ(seen, (std::vector<std::string>{"general/2020-10-01.json", "general/2020-10-02.json"}));
}

TEST(ExportFilesTest, VisitorErrorStopsThePass) {
  TempDir dir;
  testing::write_zip(dir.path() / "e.zip", {{"a.json", "1"}, {"b.json", "2"}});
  auto files = ExportFiles::open(dir.path() / "e.zip");
  ASSERT_TRUE(files);
  int calls = 0;
  auto r = (*files)->read([](const ExportEntry&) { return true; },
                          [&](const ExportEntry&, core::Result<EntryData>) -> core::Result<void> {
                            ++calls;
                            return core::fail(core::ErrorCode::kStorage, "disk full");
                          });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "disk full");
  EXPECT_EQ(calls, 1);
}

TEST(ExportFilesTest, OpenErrors) {
  TempDir dir;
  auto missing = ExportFiles::open(dir.path() / "nope.zip");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().where.source, (dir.path() / "nope.zip").string());

  testing::write_file(dir.path() / "not.zip", "this is not a zip archive at all");
  auto not_zip = ExportFiles::open(dir.path() / "not.zip");
  ASSERT_FALSE(not_zip);
  EXPECT_EQ(not_zip.error().code, core::ErrorCode::kBadInput);
  EXPECT_EQ(not_zip.error().where.source, (dir.path() / "not.zip").string());
}

}  // namespace
}  // namespace backscroll::ingest
