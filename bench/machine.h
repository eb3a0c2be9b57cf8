#pragma once
// The machine a benchmark ran on, as RESULTS.md records it, and file sizes.

#include <cstdint>
#include <filesystem>
#include <string>

namespace backscroll::bench {

struct Machine {
  unsigned cpus = 0;            // Online CPUs (nproc).
  std::string cpu_model;        // /proc/cpuinfo "model name"; "unknown" if absent.
  std::uint64_t ram_bytes = 0;  // /proc/meminfo MemTotal.
  std::string kernel;           // uname -sr.
  std::string compiler;         // The compiler that built the benchmark.
};

Machine describe_machine();

// The 1, 5 and 15 minute load averages, "0.52 0.58 0.59" (/proc/loadavg):
// other processes competing for the CPUs skew every timing.
std::string load_average();

// Sum of the sizes of the regular files under `path` (or of `path` itself when
// it is a file); 0 when it does not exist.
std::uint64_t tree_bytes(const std::filesystem::path& path);

// Sizes for people: "1.53 GiB", "812.4 MiB", "17.0 KiB".
std::string human_bytes(std::uint64_t bytes);

}  // namespace backscroll::bench
