// Bad input end to end: malformed day files, --strict, crafted and broken
// zips, missing metadata files. Each names export, file, byte offset and
// reason; the other files still go in; the exit code is 1.

#include <gtest/gtest.h>

#include "tests/e2e/backscroll_cli.h"
#include "tests/e2e/cron_helpers.h"

namespace backscroll::testing {
namespace {

namespace fs = std::filesystem;

std::uint64_t stat_messages(BackscrollCli& cli) {
  return cli.json({"stats", "--json"})["messages"].get_uint64().value();
}

// The viewer fixture with three broken day files (18 + 19 + 1 messages).
fs::path broken_export(const fs::path& at) {
  fs::path exp = copy_viewer_fixture(at);
  fs::resize_file(exp / "enrique/2016-03-26.json", 7000);  // Truncated: 18 messages.
  write_text(exp / "enrique/2016-03-28.json", "[{\"text\": \"caf\xe9\", \"ts\": \"1.0\"}]");
  write_text(
      exp / "traveling-sailor/2016-03-29.json",
      "[{\"ts\": \"1.0\", \"blocks\": " + std::string(3000, '[') + std::string(3000, ']') + "}]");
  return exp;
}

TEST(CronBadInput, MalformedFilesAreNamedWithOffsetsAndTheRestGoesIn) {
  BackscrollCli cli;
  fs::path exp = broken_export(cli.dir() / "export");
  fs::path report = cli.dir() / "report.json";
  ProcessResult r = cli.run({"ingest", "--report", report.string(), exp.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  const std::string e = "backscroll: error: " + exp.string() + ": ";
  EXPECT_NE(r.err.find(e + "enrique/2016-03-26.json: byte 7000: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(e + "enrique/2016-03-28.json: byte 14: not valid UTF-8\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(e + "traveling-sailor/2016-03-29.json: byte 1047: nested deeper than "
                           "1024 levels\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("; 3 errors ("), std::string::npos) << r.err;
  const std::uint64_t lost = 18 + 19 + 1;
  EXPECT_EQ(stat_messages(cli), 158u - lost);
  EXPECT_EQ(cli.run({"check"}).exit_code, 0);

  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(read_text(report));
  EXPECT_FALSE(doc["ok"].get_bool().value());
  EXPECT_EQ(doc["exit_code"].get_int64().value(), 1);
  simdjson::dom::element errors = doc["exports"].at(0)["errors"];
  ASSERT_EQ(errors.get_array().size(), 3u);
  simdjson::dom::element utf8 = errors.at(1);
  EXPECT_EQ(std::string_view(utf8["code"].get_string()), "bad_input");
  EXPECT_EQ(std::string_view(utf8["source"].get_string()), exp.string());
  EXPECT_EQ(std::string_view(utf8["file"].get_string()), "enrique/2016-03-28.json");
  EXPECT_EQ(utf8["offset"].get_uint64().value(), 14u);
  EXPECT_EQ(std::string_view(utf8["reason"].get_string()), "not valid UTF-8");
}

TEST(CronBadInput, StrictWritesNothingFromABadExport) {
  BackscrollCli cli;
  fs::path exp = broken_export(cli.dir() / "export");
  ProcessResult r = cli.run({"ingest", "--strict", exp.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("backscroll: error: " + exp.string() +
                       ": --strict: nothing written from this export (3 bad files)\n"),
            std::string::npos)
      << r.err;
  simdjson::dom::element stats = cli.json({"stats", "--json"});
  EXPECT_EQ(stats["messages"].get_uint64().value(), 0u);
  EXPECT_EQ(stats["users"].get_uint64().value(), 0u);
  EXPECT_EQ(stats["conversations"].get_uint64().value(), 0u);
  // The good export, strictly: all of it.
  ProcessResult good = cli.run({"ingest", "--strict", fixture("slack/slack-export-viewer")});
  EXPECT_EQ(good.exit_code, 0) << good.err;
  EXPECT_EQ(stat_messages(cli), 158u);
}

// Zips made with the zip tool from a folder of `files` (path -> content).
fs::path make_zip(const fs::path& dir, const std::string& name,
                  const std::vector<std::pair<std::string, std::string>>& files,
                  const std::string& cwd_subdir = "src") {
  fs::path src = dir / cwd_subdir;
  std::vector<std::string> argv = {"/bin/sh", "-c", "cd \"$0\" && zip -q -X \"$1\" -r .",
                                   src.string(), (dir / name).string()};
  for (const auto& [path, content] : files) write_text(src / path, content);
  ProcessResult r = run_process(argv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return dir / name;
}

const char* kChannels = R"([{"id": "C1", "name": "general"}])";
const char* kUsers = R"([{"id": "U1", "name": "al"}])";
const char* kDay = R"([{"user": "U1", "text": "hello <@U1>", "ts": "1601510400.000100"}])";

TEST(CronBadInput, ZipBombEntryIsRefusedAndTheRestGoesIn) {
  BackscrollCli cli;
  fs::path zip = make_zip(cli.dir(), "bomb.zip",
                          {{"channels.json", kChannels},
                           {"users.json", kUsers},
                           {"general/2020-10-01.json", kDay},
                           {"general/2020-10-02.json", "[" + std::string(50 << 20, ' ') + "]"}});
  ASSERT_LT(fs::file_size(zip), 200000u);
  ProcessResult r = cli.run({"ingest", zip.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("backscroll: error: " + zip.string() + ": general/2020-10-02.json: byte "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("refused as a likely zip bomb"), std::string::npos) << r.err;
  EXPECT_EQ(stat_messages(cli), 1u);
}

TEST(CronBadInput, EntryOutsideTheExportIsRefused) {
  BackscrollCli cli;
  // "../escape.json" relative to the zip's root: zip keeps "../" when asked from a subfolder.
  write_text(cli.dir() / "escape.json", kDay);
  fs::path src = cli.dir() / "src";
  write_text(src / "channels.json", kChannels);
  write_text(src / "general/2020-10-01.json", kDay);
  ProcessResult zipped = run_process({"/bin/sh", "-c",
                                      "cd \"$0\" && zip -q -X \"$1\" channels.json "
                                      "general/2020-10-01.json ../escape.json",
                                      src.string(), (cli.dir() / "evil.zip").string()});
  ASSERT_EQ(zipped.exit_code, 0) << zipped.err;
  ProcessResult r = cli.run({"ingest", (cli.dir() / "evil.zip").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("backscroll: error: " + (cli.dir() / "evil.zip").string() +
                       ": ../escape.json: unsafe path in zip archive (absolute or with ..): "
                       "skipped\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(stat_messages(cli), 1u);
}

TEST(CronBadInput, TruncatedZipIsAClearErrorAndTheRerunOfTheWholeOneCompletes) {
  BackscrollCli cli;
  TempDir tmp;
  generate_export(tmp / "export.zip", 2000, 9, /*zip=*/true);
  fs::copy(tmp / "export.zip", tmp / "half.zip");
  fs::resize_file(tmp / "half.zip", fs::file_size(tmp / "export.zip") / 2);
  ProcessResult r = cli.run({"ingest", (tmp / "half.zip").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("backscroll: error: " + (tmp / "half.zip").string() + ": ", 0), 0u)
      << r.err;
  EXPECT_NE(r.err.find("zip"), std::string::npos) << r.err;
  ProcessResult whole = cli.run({"ingest", (tmp / "export.zip").string()});
  EXPECT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_EQ(stat_messages(cli), 2000u);
  EXPECT_EQ(cli.run({"check"}).exit_code, 0);
}

TEST(CronBadInput, MissingMetadataFilesWarnAndUseIds) {
  BackscrollCli cli;
  fs::path exp = cli.dir() / "export";
  write_text(exp / "general/2020-10-01.json", kDay);
  ProcessResult r = cli.run({"ingest", exp.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("ingest: 1 new, ", 0), 0u) << r.out;
  const std::string w = "backscroll: warning: " + exp.string() + ": ";
  EXPECT_EQ(r.err, w + "users.json is missing: mentions show user ids instead of names\n" + w +
                       "channels.json is missing: channels are named after their folders\n" + w +
                       "folder \"general\" is in no metadata file: archived as public channel "
                       "\"general\" with id \"general\"\n");
  EXPECT_EQ(cli.hit_keys("in:#general hello"),
            std::vector<std::string>{"general/1601510400.000100"});
}

}  // namespace
}  // namespace backscroll::testing
