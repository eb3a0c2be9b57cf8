#pragma once
// A one-line progress bar with rate and ETA, redrawn in place with '\r' on a
// terminal's stderr. Disabled (it prints nothing) when the stream is not a
// terminal, so cron mail and pipes never see it. Redraws at most 10 times a
// second; finish() erases the line.
//
//   indexing  42% [########............]  12.3k/s  ETA 0:07

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace backscroll::app {

class ProgressBar {
 public:
  enum class Unit { kBytes, kItems };
  ProgressBar(std::ostream& out, bool enabled, std::string label, Unit unit);
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::uint64_t done, std::uint64_t total);
  void finish();

  // The bar's text for the given state (no '\r'); public for tests.
  static std::string render(std::string_view label, Unit unit, std::uint64_t done,
                            std::uint64_t total, double seconds);

 private:
  std::ostream& out_;
  bool enabled_;
  std::string label_;
  Unit unit_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace backscroll::app
