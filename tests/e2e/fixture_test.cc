// End to end on real exports (tests/fixtures/slack): exact counts, hit sets
// computed independently from the fixture files, idempotent re-ingest, and a
// malformed day file reported with file and byte offset while the rest goes in.

#include <gtest/gtest.h>

#include <fstream>

#include "tests/e2e/backscroll_cli.h"

namespace backscroll::testing {
namespace {

namespace fs = std::filesystem;

const char* kViewer = "slack/slack-export-viewer";

TEST(SlackExportViewer, IngestsEveryMessageWithExactCounts) {
  BackscrollCli cli;
  ProcessResult r = cli.run({"ingest", fixture(kViewer)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("ingest: 158 new, 0 updated, 0 unchanged, 0 skipped messages from 17 "
                        "day files; 158 indexed",
                        0),
            0u)
      << r.out;

  simdjson::dom::element stats = cli.json({"stats", "--json"});
  EXPECT_EQ(stats["messages"].get_uint64().value(), 158u);
  EXPECT_EQ(stats["conversations"].get_uint64().value(), 2u);
  EXPECT_EQ(stats["users"].get_uint64().value(), 4u);
  EXPECT_EQ(stats["messages_by_kind"]["bot"].get_uint64().value(), 94u);
  EXPECT_EQ(stats["messages_by_kind"]["join"].get_uint64().value(), 11u);  // 8 joins + 3 bot_add
  EXPECT_EQ(stats["messages_by_kind"]["file_share"].get_uint64().value(), 4u);
  EXPECT_EQ(std::string_view(stats["first_time"].get_string()), "2016-01-15T05:55:18Z");

  ProcessResult again = cli.run({"ingest", fixture(kViewer)});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out.rfind("ingest: 0 new, 0 updated, 158 unchanged", 0), 0u) << again.out;
  EXPECT_EQ(cli.run({"check"}).exit_code, 0);
}

TEST(SlackExportViewer, SearchFindsExactlyTheMessagesThatSayIt) {
  BackscrollCli cli;
  ASSERT_EQ(cli.run({"ingest", fixture(kViewer)}).exit_code, 0);
  // Hit sets below were read off the fixture files by hand (grep), not off backscroll.
  EXPECT_EQ(cli.hit_keys("docker"), (std::vector<std::string>{"C0JGLMMNX/1452845865.000008"}));
  EXPECT_EQ(cli.hit_keys("in:#enrique \"just be the executor\""),
            (std::vector<std::string>{"C0JGLMMNX/1452845956.000010"}));
  EXPECT_EQ(cli.hit_keys("executor -install in:#enrique before:2016-01-16"),
            (std::vector<std::string>{"C0JGLMMNX/1452845956.000010"}));
  EXPECT_EQ(cli.hit_keys("from:@hamza on:2016-01-15"),
            (std::vector<std::string>{"C0JGLMMNX/1452837318.000002", "C0JGLMMNX/1452837352.000006",
                                      "C0JGLMMNX/1452837359.000007",
                                      "C0JGLMMNX/1452845924.000009", "C0JGLMMNX/1452846025.000011",
                                      "C0JGLMMNX/1452849641.000013", "C0JGLMMNX/1452849677.000014"}));
}

TEST(SlackExportViewer, UnknownNamesAreErrorsNotEmptyResults) {
  BackscrollCli cli;
  ASSERT_EQ(cli.run({"ingest", fixture(kViewer)}).exit_code, 0);
  ProcessResult channel = cli.run({"search", "in:#enrqiue", "docker"});
  EXPECT_EQ(channel.exit_code, 2);
  EXPECT_NE(channel.err.find("enrqiue"), std::string::npos) << channel.err;
  EXPECT_NE(channel.err.find("enrique"), std::string::npos) << "suggests the close match";
  ProcessResult person = cli.run({"search", "from:@nobody", "docker"});
  EXPECT_EQ(person.exit_code, 2);
  EXPECT_NE(person.err.find("nobody"), std::string::npos) << person.err;
  ProcessResult date = cli.run({"search", "after:2016-13-01", "docker"});
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_NE(date.err.find("2016-13-01"), std::string::npos) << date.err;
}

TEST(SlackExportViewer, MalformedDayFileIsReportedAndTheRestIsIngested) {
  BackscrollCli cli;
  fs::path copy = cli.dir() / "export";
  fs::copy(fixture(kViewer), copy, fs::copy_options::recursive);
  fs::resize_file(copy / "enrique/2016-03-26.json", 7000);  // Truncated mid-file: 18 messages lost.

  ProcessResult r = cli.run({"ingest", copy.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("enrique/2016-03-26.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("byte "), std::string::npos) << r.err;
  simdjson::dom::element stats = cli.json({"stats", "--json"});
  EXPECT_EQ(stats["messages"].get_uint64().value(), 158u - 18u);
  EXPECT_EQ(cli.run({"check"}).exit_code, 0);

  // The repaired export completes the archive.
  fs::copy(fixture(kViewer) + "/enrique/2016-03-26.json", copy / "enrique/2016-03-26.json",
           fs::copy_options::overwrite_existing);
  ProcessResult repaired = cli.run({"ingest", copy.string()});
  EXPECT_EQ(repaired.exit_code, 0) << repaired.err;
  EXPECT_EQ(repaired.out.rfind("ingest: 18 new, 0 updated, 140 unchanged", 0), 0u) << repaired.out;
}

TEST(SlackExportViewer, ThreadOfAMessageOutsideAThreadIsThatMessage) {
  BackscrollCli cli;
  ASSERT_EQ(cli.run({"ingest", fixture(kViewer)}).exit_code, 0);
  simdjson::dom::element t = cli.json({"thread", "#enrique", "1452845924.000009", "--format", "json"});
  EXPECT_EQ(std::string_view(t["conversation_id"].get_string()), "C0JGLMMNX");
  EXPECT_EQ(std::string_view(t["conversation"].get_string()), "enrique");
  EXPECT_EQ(t["messages"].get_array().size(), 1u);
  ProcessResult missing = cli.run({"thread", "enrique", "1452845924.999999"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("1452845924.999999"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace backscroll::testing
