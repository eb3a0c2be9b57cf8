// Fit for cron: --quiet prints nothing on success, --report writes the JSON
// report, exit codes 0/1/2, and stdout carries no progress or log lines.

#include <gtest/gtest.h>

#include "tests/e2e/backscroll_cli.h"
#include "tests/e2e/cron_helpers.h"

namespace backscroll::testing {
namespace {

namespace fs = std::filesystem;

TEST(CronReport, QuietPrintsNothingOnSuccessAndTheReportHasTheCounts) {
  BackscrollCli cli;
  fs::path report = cli.dir() / "report.json";
  ProcessResult r = cli.run(
      {"ingest", "--quiet", "--report", report.string(), fixture("slack/slack-export-viewer")});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");

  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(read_text(report));
  EXPECT_TRUE(doc["ok"].get_bool().value());
  EXPECT_EQ(doc["exit_code"].get_int64().value(), 0);
  EXPECT_EQ(std::string_view(doc["started"].get_string()).size(), 20u);  // 2024-05-01T02:00:00Z
  EXPECT_GE(doc["duration_seconds"].get_double().value(), 0.0);
  EXPECT_EQ(doc["indexed"].get_uint64().value(), 158u);
  EXPECT_EQ(simdjson::minify(doc["totals"]),
            R"({"new":158,"updated":0,"unchanged":0,"skipped":0,"files":17,)"
            R"("files_unchanged":0,"errors":0,"warnings":0})");
  EXPECT_EQ(simdjson::minify(doc["exports"]),
            R"([{"source":")" + fixture("slack/slack-export-viewer") +
                R"(","written":true,"users":4,"conversations":2,"new":158,"updated":0,)"
                R"("unchanged":0,"skipped":0,"files":17,"files_unchanged":0,"errors":[],)"
                R"("warnings":[]}])");
  EXPECT_EQ(simdjson::minify(doc["errors"]), "[]");
}

TEST(CronReport, QuietStillReportsProblemsOnStderr) {
  BackscrollCli cli;
  ProcessResult r = cli.run({"ingest", "--quiet", (cli.dir() / "missing.zip").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("backscroll: error: " + (cli.dir() / "missing.zip").string() +
                            ": no such file or folder\ningest: 0 new, 0 updated, 0 unchanged, 0 "
                            "skipped messages from 0 day files; 0 indexed; 1 error (",
                        0),
            0u)
      << r.err;
}

TEST(CronReport, UsageErrorsExitTwo) {
  BackscrollCli cli;
  ProcessResult level =
      cli.run({"ingest", "--log-level", "loud", fixture("slack/slack-export-viewer")});
  EXPECT_EQ(level.exit_code, 2);
  EXPECT_EQ(level.err,
            "backscroll: unknown log level \"loud\" (debug, info, warning, error or off)\n");
  ProcessResult no_path = cli.run({"ingest"});
  EXPECT_EQ(no_path.exit_code, 2);
}

TEST(CronReport, DebugLogSaysWhichFilesWereSkipped) {
  BackscrollCli cli;
  ASSERT_EQ(cli.run({"ingest", fixture("slack/slack-export-viewer")}).exit_code, 0);
  ProcessResult r =
      cli.run({"ingest", "--log-level", "debug", fixture("slack/slack-export-viewer")});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "backscroll: debug: " + fixture("slack/slack-export-viewer") +
                       ": 17 day files, 17 unchanged since the last ingest (not parsed)\n");
  EXPECT_EQ(r.out.rfind("ingest: 0 new, 0 updated, 158 unchanged, 0 skipped messages from 17 day "
                        "files; 0 indexed; nothing changed (",
                        0),
            0u)
      << r.out;
}

}  // namespace
}  // namespace backscroll::testing
