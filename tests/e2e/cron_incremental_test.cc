// The nightly run on overlapping exports: unchanged day files are skipped
// cheaply with exact counts; edits replace the text; a tombstone keeps the
// archived text; a message that disappears stays; a renamed channel keeps its
// history under its id.

#include <gtest/gtest.h>

#include "tests/e2e/backscroll_cli.h"
#include "tests/e2e/cron_helpers.h"

namespace backscroll::testing {
namespace {

namespace fs = std::filesystem;

std::uint64_t stat_messages(BackscrollCli& cli) {
  return cli.json({"stats", "--json"})["messages"].get_uint64().value();
}

TEST(CronIncremental, UnchangedExportIsSkippedByHashWithExactCounts) {
  BackscrollCli cli;
  TempDir tmp;
  generate_export(tmp / "export.zip", 3000, 5, /*zip=*/true);
  ASSERT_EQ(cli.run({"ingest", (tmp / "export.zip").string()}).exit_code, 0);
  fs::path report = cli.dir() / "report.json";
  ProcessResult again =
      cli.run({"ingest", "--report", report.string(), (tmp / "export.zip").string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(
      again.out.rfind("ingest: 0 new, 0 updated, 3000 unchanged, 0 skipped messages from ", 0), 0u)
      << again.out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(read_text(report));
  simdjson::dom::element totals = doc["totals"];
  EXPECT_EQ(totals["unchanged"].get_uint64().value(), 3000u);
  EXPECT_GT(totals["files"].get_uint64().value(), 100u);
  EXPECT_EQ(totals["files_unchanged"].get_uint64().value(), totals["files"].get_uint64().value());
  EXPECT_EQ(cli.run({"check"}).exit_code, 0);
}

TEST(CronIncremental, EditsTombstonesDisappearancesAndRenames) {
  BackscrollCli cli;
  fs::path exp = copy_viewer_fixture(cli.dir() / "export");
  ASSERT_EQ(cli.run({"ingest", exp.string()}).exit_code, 0);
  ASSERT_EQ(cli.hit_keys("docker"), (std::vector<std::string>{"C0JGLMMNX/1452845865.000008"}));
  std::vector<std::string> executor = cli.hit_keys("in:#enrique executor");
  ASSERT_EQ(std::erase(executor, "C0JGLMMNX/1452845865.000008"), 1u);  // The one to be edited.

  // Next night: one message edited, one thread-less message replaced by Slack's
  // tombstone, one day file gone, and #enrique renamed to #enrique-dev.
  replace_once(exp / "enrique/2016-01-15.json",
               R"("text": "what should setup.py do? install dependencies for docker and install )"
               R"(docker plus contain the executor?",)",
               R"("text": "what should setup.py do? install podman instead?", )"
               R"("edited": {"user": "U0BMYT2FL", "ts": "1452846000.000000"},)");
  replace_once(exp / "enrique/2016-01-15.json",
               R"("text": "Nope. Just \"install\" the executor.",)",
               R"("subtype": "tombstone", "hidden": true, "text": "This message was deleted.",)");
  fs::remove(exp / "traveling-sailor/2016-03-29.json");
  replace_once(exp / "channels.json", R"("name": "enrique",)", R"("name": "enrique-dev",)");
  fs::rename(exp / "enrique", exp / "enrique-dev");

  ProcessResult r = cli.run({"ingest", exp.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("ingest: 0 new, 2 updated, ", 0), 0u) << r.out;
  EXPECT_EQ(stat_messages(cli), 158u);  // Nothing lost: the removed day file's messages stay.
  EXPECT_EQ(cli.hit_keys("podman"), (std::vector<std::string>{"C0JGLMMNX/1452845865.000008"}));
  EXPECT_EQ(cli.hit_keys("docker"), std::vector<std::string>{});
  // The deleted message keeps its archived text, under the channel's new name.
  EXPECT_EQ(cli.hit_keys("in:#enrique-dev \"install the executor\""),
            (std::vector<std::string>{"C0JGLMMNX/1452845924.000009"}));
  EXPECT_EQ(cli.hit_keys("in:#enrique-dev executor"), executor);
  ProcessResult check = cli.run({"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out;

  // The same night's export again: nothing to do.
  ProcessResult again = cli.run({"ingest", exp.string()});
  EXPECT_EQ(again.out.rfind("ingest: 0 new, 0 updated, ", 0), 0u) << again.out;
  EXPECT_NE(again.out.find("nothing changed"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace backscroll::testing
