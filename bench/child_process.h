#pragma once
// Runs a program as a child process and measures it: wall time, CPU time and
// peak resident set size (from wait4's rusage), the way `/usr/bin/time -v` does.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace backscroll::bench {

struct ChildRun {
  int exit_code = -1;  // -1 when killed by a signal.
  int signal = 0;
  double wall_seconds = 0;
  double user_seconds = 0;
  double system_seconds = 0;
  std::uint64_t peak_rss_bytes = 0;  // The child's ru_maxrss.
};

// Runs argv[0] (a path) with argv, stdout and stderr written to `out` and
// `err` (truncated). Waits for it. Errors (kInternal) only when the process
// cannot be started; a failing child is a ChildRun with its exit code.
[[nodiscard]] core::Result<ChildRun> run_child(const std::vector<std::string>& argv,
                                               const std::filesystem::path& out,
                                               const std::filesystem::path& err);

// The whole content of a (small) file; empty when unreadable.
std::string read_small_file(const std::filesystem::path& path);

}  // namespace backscroll::bench
