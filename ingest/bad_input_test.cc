// Bad input: each kind of malformed day file is reported with export, file,
// byte offset and reason while the other files go in; zips that are truncated,
// crafted (../ entries) or bombs are refused with a clear error.

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "ingest/ingest_test_util.h"
#include "ingest/slack/json_scan.h"

namespace backscroll::ingest {
namespace {

using testing::open_archive;
using testing::TempDir;
using testing::write_file;
namespace fs = std::filesystem;

const char* kGood = R"([{"user": "U1", "text": "fine", "ts": "1601510400.000100"}])";

struct BadFile {
  const char* name;
  std::string content;
  std::string describe;  // The error's describe() after "<export>: general/2020-10-02.json: ".
};

TEST(BadInputTest, EachMalformedDayFileIsReportedAndTheOtherGoesIn) {
  const std::string deep = std::string(2000, '[') + std::string(2000, ']');
  const std::vector<BadFile> cases = {
      {"truncated", R"([{"user": "U1", "text": "a", "ts": "1.0"}, {"user")",
       "byte 50: JSON document ended early in the middle of an object or array."},
      {"truncated in a string", R"([{"user": "U1", "text": "a)",
       "byte 26: A string is opened, but never closed."},
      {"not JSON", "hello, world", "byte 0: The JSON element does not have the requested type."},
      {"not an array", R"({"user": "U1"})",
       "byte 0: The JSON element does not have the requested type."},
      {"wrong type", R"([{"user": "U1", "ts": {"a": 1}}])",
       "byte 22: field \"ts\": expected a string, got an object"},
      {"message not an object", R"([1])", "byte 1: a message is not a JSON object"},
      {"not UTF-8", "[{\"user\": \"U1\", \"text\": \"caf\xe9\", \"ts\": \"1.0\"}]",
       "byte 28: not valid UTF-8"},
      {"too deep", R"([{"user": "U1", "blocks": )" + deep + "}]",
       "byte 1048: nested deeper than 1024 levels"},
      {"too large", "[" + std::string(5000, ' ') + "]",
       "byte 4096: file is larger than the limit of 4096 bytes (5002 bytes or more): not read"},
  };
  for (const BadFile& c : cases) {
    TempDir dir;
    fs::path exp = dir.path() / "export";
    write_file(exp / "channels.json", R"([{"id": "C1", "name": "general"}])");
    write_file(exp / "users.json", R"([{"id": "U1", "name": "al"}])");
    write_file(exp / "general/2020-10-01.json", kGood);
    write_file(exp / "general/2020-10-02.json", c.content);
    auto archive = open_archive(dir.path() / "archive");
    IngestOptions options;
    options.limits.max_entry_bytes = 4096;
    auto report = ingest_export(*archive, exp, options);
    ASSERT_TRUE(report) << c.name << ": " << report.error().describe();
    EXPECT_EQ(report->counts.added, 1u) << c.name;
    ASSERT_EQ(report->errors.size(), 1u) << c.name;
    EXPECT_EQ(report->errors[0].code, core::ErrorCode::kBadInput) << c.name;
    EXPECT_EQ(report->errors[0].describe(),
              exp.string() + ": general/2020-10-02.json: " + c.describe)
        << c.name;
  }
}

TEST(BadInputTest, ZipBombIsRefusedAndTheRestGoesIn) {
  TempDir dir;
  fs::path zip = dir.path() / "bomb.zip";
  testing::write_zip(zip, {{"channels.json", R"([{"id": "C1", "name": "general"}])"},
                           {"general/2020-10-01.json", kGood},
                           {"general/2020-10-02.json", "[" + std::string(8 << 20, ' ') + "]"}});
  auto archive = open_archive(dir.path() / "archive");
  auto report = ingest_export(*archive, zip);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->counts.added, 1u);
  ASSERT_EQ(report->errors.size(), 1u);
  const core::Error& e = report->errors[0];
  EXPECT_EQ(e.where.source, zip.string());
  EXPECT_EQ(e.where.file, "general/2020-10-02.json");
  EXPECT_EQ(e.message.rfind("zip entry expands more than 200 times (", 0), 0u) << e.message;
  EXPECT_NE(e.message.find("compressed): refused as a likely zip bomb"), std::string::npos)
      << e.message;
  ASSERT_TRUE(e.where.offset.has_value());
  EXPECT_GT(*e.where.offset, std::uint64_t{1} << 20);
  EXPECT_LE(*e.where.offset, std::uint64_t{2} << 20);
}

TEST(BadInputTest, DeclaredHugeZipEntryIsNotDecompressed) {
  TempDir dir;
  fs::path zip = dir.path() / "big.zip";
  testing::write_zip(zip, {{"general/2020-10-01.json", kGood},
                           {"general/2020-10-02.json", "[" + std::string(9000, ' ') + "]"}});
  auto archive = open_archive(dir.path() / "archive");
  IngestOptions options;
  options.limits.max_entry_bytes = 8192;
  auto report = ingest_export(*archive, zip, options);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->counts.added, 1u);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].describe(),
            zip.string() +
                ": general/2020-10-02.json: byte 8192: file is larger than the limit of 8192 "
                "bytes (9002 bytes or more): not read");
}

TEST(BadInputTest, TruncatedZipIsAClearError) {
  TempDir dir;
  fs::path zip = dir.path() / "cut.zip";
  testing::write_zip(zip, {{"channels.json", R"([{"id": "C1", "name": "general"}])"},
                           {"general/2020-10-01.json", kGood},
                           {"general/2020-10-02.json", std::string(20000, 'x')}});
  fs::resize_file(zip, fs::file_size(zip) / 2);
  auto archive = open_archive(dir.path() / "archive");
  auto report = ingest_export(*archive, zip);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, core::ErrorCode::kBadInput);
  EXPECT_EQ(report.error().where.source, zip.string());
  EXPECT_NE(report.error().message.find("zip"), std::string::npos) << report.error().message;
}

TEST(JsonScanTest, FindsTheFirstInvalidUtf8Byte) {
  struct Case {
    std::string bytes;
    std::optional<std::uint64_t> offset;
  };
  const Case cases[] = {
      {"plain ascii", std::nullopt},
      {"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", std::nullopt},
      {"caf\xe9", 3},
      {"\x80", 0},
      {"ab\xc0\xaf", 2},        // Overlong '/'.
      {"x\xed\xa0\x80", 1},     // A surrogate.
      {"\xf4\x90\x80\x80", 0},  // Past U+10FFFF.
      {"ok\xe2\x82", 2},        // Cut short.
  };
  for (const Case& c : cases) EXPECT_EQ(slack::find_invalid_utf8(c.bytes), c.offset) << c.bytes;
}

TEST(JsonScanTest, FindsWhereNestingGoesTooDeep) {
  EXPECT_EQ(slack::find_excess_depth("[[[]]]", 3), std::nullopt);
  EXPECT_EQ(slack::find_excess_depth("[[[[]]]]", 3), 3u);
  EXPECT_EQ(slack::find_excess_depth(R"(["[[[[", {"a": [[]]}])", 3), 16u);
  EXPECT_EQ(slack::find_excess_depth(R"(["\"[[[["])", 1), std::nullopt);
}

}  // namespace
}  // namespace backscroll::ingest
