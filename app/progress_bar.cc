#include "app/progress_bar.h"

#include <cstdio>
#include <ostream>

namespace backscroll::app {
namespace {

constexpr int kWidth = 20;

// 950, 12.3k, 4.5M, 1.2G; bytes get a "B".
std::string human(double v, ProgressBar::Unit unit) {
  const char* suffix[] = {"", "k", "M", "G", "T"};
  int i = 0;
  while (v >= 1000 && i < 4) {
    v /= 1000;
    ++i;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, i == 0 ? "%.0f%s%s" : "%.1f%s%s", v, suffix[i],
                unit == ProgressBar::Unit::kBytes ? "B" : "");
  return buf;
}

}  // namespace

ProgressBar::ProgressBar(std::ostream& out, bool enabled, std::string label, Unit unit)
    : out_(out), enabled_(enabled), label_(std::move(label)), unit_(unit) {}

std::string ProgressBar::render(std::string_view label, Unit unit, std::uint64_t done,
                                std::uint64_t total, double seconds) {
  std::string line(label);
  double fraction = total == 0 ? 0.0 : static_cast<double>(done) / static_cast<double>(total);
  if (fraction > 1) fraction = 1;
  char pct[16];
  std::snprintf(pct, sizeof pct, " %3d%% [", static_cast<int>(fraction * 100));
  line += pct;
  int filled = static_cast<int>(fraction * kWidth);
  line.append(static_cast<std::size_t>(filled), '#');
  line.append(static_cast<std::size_t>(kWidth - filled), '.');
  line += "]";
  if (seconds > 0 && done > 0) {
    double rate = static_cast<double>(done) / seconds;
    line += "  " + human(rate, unit) + "/s";
    if (total > done) {
      auto eta = static_cast<long>(static_cast<double>(total - done) / rate + 0.5);
      char buf[32];
      std::snprintf(buf, sizeof buf, "  ETA %ld:%02ld", eta / 60, eta % 60);
      line += buf;
    }
  }
  return line;
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && done < total) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - started_).count();
  out_ << '\r' << render(label_, unit_, done, total, seconds) << "\x1b[K" << std::flush;
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace backscroll::app
