// Two nightly runs overlap: the second exits 1 at once naming the holder's pid,
// the first finishes undisturbed, and readers keep working meanwhile. A failing
// disk write ends the ingest with a clear error and a consistent archive.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "tests/e2e/backscroll_cli.h"
#include "tests/e2e/cron_helpers.h"

namespace backscroll::testing {
namespace {

namespace fs = std::filesystem;

// Waits until the archive's lock file names `pid` (the ingest holds the lock).
bool wait_for_lock(const fs::path& archive, pid_t pid) {
  const std::string want = std::to_string(pid) + "\n";
  for (int i = 0; i < 2000; ++i) {
    if (read_text(archive / "store" / "backscroll.lock") == want) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

TEST(CronLock, SecondIngestExitsAtOnceNamingTheHolder) {
  TempDir tmp;
  generate_export(tmp / "export", 20000, 3);
  BackscrollCli cli;
  // Last night's archive exists, so readers have something to read.
  ASSERT_EQ(cli.run({"ingest", fixture("slack/slack-export-viewer")}).exit_code, 0);
  pid_t first = start_process(
      {BACKSCROLL_BINARY, "--archive", cli.archive().string(), "ingest", (tmp / "export").string()},
      {{"TZ", "UTC"}});
  ASSERT_TRUE(wait_for_lock(cli.archive(), first));

  auto started = std::chrono::steady_clock::now();
  ProcessResult second = cli.run({"ingest", (tmp / "export").string()});
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_EQ(second.out, "");
  EXPECT_EQ(second.err, "backscroll: archive is locked (another backscroll process holds it: pid " +
                            std::to_string(first) + ")\n");
  EXPECT_LT(seconds, 2.0) << "the second run must not wait for the lock";
  // Readers need no lock: they see a consistent archive meanwhile.
  ProcessResult stats = cli.run({"stats", "--json"});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  ProcessResult search = cli.run({"search", "docker"});
  EXPECT_EQ(search.exit_code, 0) << search.err;

  ProcessResult done = wait_process(first);
  EXPECT_EQ(done.exit_code, 0) << "the first run is not disturbed";
  EXPECT_EQ(cli.json({"stats", "--json"})["messages"].get_uint64().value(), 20000u + 158u);
  EXPECT_EQ(cli.run({"check"}).exit_code, 0);
}

TEST(CronDisk, FailingWriteEndsWithAClearErrorAndTheRerunConverges) {
  TempDir tmp;
  generate_export(tmp / "export", 8000, 4);
  BackscrollCli reference;
  ASSERT_EQ(reference.run({"ingest", (tmp / "export").string()}).exit_code, 0);
  const std::string expected_stats = reference.run({"stats", "--json"}).out;

  // RLIMIT_FSIZE makes writes past 2 MiB fail with EFBIG, as a full disk would
  // (this works as root too, unlike a read-only directory).
  BackscrollCli cli;
  ProcessResult full = run_process(
      {"/bin/bash", "-c", "trap '' XFSZ; ulimit -f 2048; exec \"$0\" \"$@\"", BACKSCROLL_BINARY,
       "--archive", cli.archive().string(), "ingest", (tmp / "export").string()},
      {{"TZ", "UTC"}});
  EXPECT_EQ(full.exit_code, 1) << full.err;
  EXPECT_EQ(full.out, "");
  EXPECT_NE(full.err.find("backscroll: error: "), std::string::npos) << full.err;
  EXPECT_NE(full.err.find("File too large"), std::string::npos) << full.err;

  ProcessResult rerun = cli.run({"ingest", (tmp / "export").string()});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(cli.run({"stats", "--json"}).out, expected_stats);
  ProcessResult check = cli.run({"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

TEST(CronDisk, ArchivePathThatIsAFileIsAClearError) {
  BackscrollCli cli;
  write_text(cli.archive() / "store", "not a directory");
  ProcessResult r = cli.run({"ingest", fixture("slack/slack-export-viewer")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("backscroll: cannot create " + (cli.archive() / "store").string(), 0), 0u)
      << r.err;
}

}  // namespace
}  // namespace backscroll::testing
