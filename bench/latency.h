#pragma once
// Latency samples and their summary (nearest-rank percentiles), for the macro
// benchmark's search figures. Times are in microseconds.

#include <cstddef>
#include <vector>

namespace backscroll::bench {

struct LatencySummary {
  std::size_t count = 0;
  double p50 = 0;
  double p90 = 0;
  double p99 = 0;
  double max = 0;
  double mean = 0;
};

// Summarizes `micros` (any order; may be empty, giving all zeros). The p-th
// percentile is the smallest sample with at least p% of samples <= it.
LatencySummary summarize(std::vector<double> micros);

}  // namespace backscroll::bench
