#include "bench/latency.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace backscroll::bench {
namespace {

double nearest_rank(const std::vector<double>& sorted, double percent) {
  const double rank = std::ceil(percent / 100.0 * static_cast<double>(sorted.size()));
  const std::size_t index = rank < 1 ? 0 : static_cast<std::size_t>(rank) - 1;
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace

LatencySummary summarize(std::vector<double> micros) {
  LatencySummary s;
  if (micros.empty()) return s;
  std::sort(micros.begin(), micros.end());
  s.count = micros.size();
  s.p50 = nearest_rank(micros, 50);
  s.p90 = nearest_rank(micros, 90);
  s.p99 = nearest_rank(micros, 99);
  s.max = micros.back();
  s.mean = std::accumulate(micros.begin(), micros.end(), 0.0) / static_cast<double>(s.count);
  return s;
}

}  // namespace backscroll::bench
