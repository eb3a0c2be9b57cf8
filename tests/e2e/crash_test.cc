// Kill -9 an ingest at several points, rerun it, and demand exactly what an
// uninterrupted run gives: same stats, and archive and index agree.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "tests/e2e/backscroll_cli.h"

namespace backscroll::testing {
namespace {

TEST(Crash, KilledIngestConvergesOnRerun) {
  TempDir tmp;
  generate_export(tmp / "export", 20000, 11);
  BackscrollCli reference;
  ASSERT_EQ(reference.run({"ingest", (tmp / "export").string()}).exit_code, 0);
  const std::string expected_stats = reference.run({"stats", "--json"}).out;
  const std::vector<std::string> expected_hits = reference.hit_keys("disk OR deploy");

  int interrupted = 0;
  for (int delay_ms : {30, 150, 400, 900, 1600, 2500}) {
    BackscrollCli cli;
    pid_t pid = start_process({BACKSCROLL_BINARY, "--archive", cli.archive().string(), "ingest",
                               (tmp / "export").string()},
                              {{"TZ", "UTC"}});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    ProcessResult killed = wait_process(pid);
    if (killed.signal == SIGKILL) ++interrupted;

    ProcessResult rerun = cli.run({"ingest", (tmp / "export").string()});
    ASSERT_EQ(rerun.exit_code, 0) << "after " << delay_ms << " ms: " << rerun.err;
    EXPECT_EQ(cli.run({"stats", "--json"}).out, expected_stats) << "after " << delay_ms << " ms";
    ProcessResult check = cli.run({"check"});
    EXPECT_EQ(check.exit_code, 0) << "after " << delay_ms << " ms: " << check.out;
    EXPECT_EQ(cli.hit_keys("disk OR deploy"), expected_hits);
  }
  EXPECT_GE(interrupted, 3) << "the kills should land while ingest runs";
}

}  // namespace
}  // namespace backscroll::testing
