// The command-line contract: help, version, usage errors and exit codes.

#include <gtest/gtest.h>

#include <fstream>

#include "tests/e2e/backscroll_cli.h"

namespace backscroll::testing {
namespace {

TEST(Cli, VersionAndHelp) {
  BackscrollCli cli;
  ProcessResult version = cli.run({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "backscroll " BACKSCROLL_VERSION "\n");

  ProcessResult help = cli.run({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"ingest", "search", "thread", "stats", "reindex", "check"})
    EXPECT_NE(help.out.find(std::string("  ") + command), std::string::npos) << command;

  for (const char* command : {"ingest", "search", "thread", "stats", "reindex", "check"}) {
    ProcessResult sub = cli.run({command, "--help"});
    EXPECT_EQ(sub.exit_code, 0) << command;
    EXPECT_EQ(sub.out.rfind(std::string("Usage: backscroll ") + command, 0), 0u) << sub.out;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  BackscrollCli cli;
  struct Case { std::vector<std::string> args; std::string message; };
  const Case cases[] = {
      {{}, "Usage: backscroll"},
      {{"frobnicate"}, "unknown command 'frobnicate'"},
      {{"search"}, "the option '--query' is required"},
      {{"search", "--limit", "many", "disk"}, "--limit"},
      {{"ingest"}, "the option '--path' is required"},
      {{"thread", "#general"}, "the option '--ts' is required"},
      {{"--bogus", "stats"}, "unrecognised option '--bogus'"},
      {{"reindex", "--language", "klingon"}, "klingon"},
  };
  for (const Case& c : cases) {
    ProcessResult r = cli.run(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
}

TEST(Cli, ReadingAMissingArchiveSaysHowToCreateOne) {
  BackscrollCli cli;
  ProcessResult r = cli.run({"search", "disk"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("backscroll ingest"), std::string::npos) << r.err;
}

TEST(Cli, ArchiveComesFromEnvironmentThenXdg) {
  BackscrollCli cli;
  // No --archive: BACKSCROLL_ARCHIVE wins over XDG_DATA_HOME.
  std::string env_archive = (cli.dir() / "from-env").string();
  ProcessResult r = run_process({BACKSCROLL_BINARY, "ingest", fixture("slack/slack-export-viewer")},
                                {{"BACKSCROLL_ARCHIVE", env_archive},
                                 {"XDG_DATA_HOME", (cli.dir() / "xdg").string()},
                                 {"HOME", cli.dir().string()}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(cli.dir() / "from-env" / "store"));
  EXPECT_FALSE(std::filesystem::exists(cli.dir() / "xdg"));

  r = run_process({BACKSCROLL_BINARY, "stats"}, {{"XDG_DATA_HOME", (cli.dir() / "xdg").string()},
                                                 {"HOME", cli.dir().string()}});
  EXPECT_EQ(r.exit_code, 1);  // Nothing archived under XDG yet.

  r = run_process({BACKSCROLL_BINARY, "ingest", fixture("slack/slack-export-viewer")},
                  {{"HOME", cli.dir().string()}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(cli.dir() / ".local/share/backscroll/store"));
}

TEST(Cli, ConfigFileSetsTheArchive) {
  BackscrollCli cli;
  std::filesystem::create_directories(cli.dir() / ".config/backscroll");
  {
    std::ofstream config(cli.dir() / ".config/backscroll/config");
    config << "archive = " << (cli.dir() / "configured").string() << "\n";
  }
  ProcessResult r = run_process({BACKSCROLL_BINARY, "ingest", fixture("slack/slack-export-viewer")},
                                {{"HOME", cli.dir().string()}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(cli.dir() / "configured" / "store"));
}

}  // namespace
}  // namespace backscroll::testing
