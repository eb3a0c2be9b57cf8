#pragma once
// The app's log: warnings and errors on stderr through spdlog, one line each,
// "backscroll: warning: <text>" / "backscroll: error: <error described>".
// stdout stays for results. spdlog stays inside log.cc.

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"

namespace backscroll::app {

enum class LogLevel { kDebug, kInfo, kWarning, kError, kOff };

// "debug", "info", "warning", "error" or "off"; kUsage error otherwise.
[[nodiscard]] core::Result<LogLevel> parse_log_level(std::string_view text);

class Log {
 public:
  // Writes to `err` (which must outlive the log) the messages at `level` or above.
  Log(std::ostream& err, LogLevel level);
  ~Log();
  Log(const Log&) = delete;
  Log& operator=(const Log&) = delete;

  void debug(const std::string& text);
  void info(const std::string& text);
  void warning(const std::string& text);
  void error(const core::Error& error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace backscroll::app
