#include "app/log.h"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

namespace backscroll::app {

core::Result<LogLevel> parse_log_level(std::string_view text) {
  if (text == "debug") return LogLevel::kDebug;
  if (text == "info") return LogLevel::kInfo;
  if (text == "warning") return LogLevel::kWarning;
  if (text == "error") return LogLevel::kError;
  if (text == "off") return LogLevel::kOff;
  return core::fail(core::ErrorCode::kUsage, "unknown log level \"" + std::string(text) +
                                                 "\" (debug, info, warning, error or off)");
}

struct Log::Impl {
  spdlog::logger logger;
};

namespace {

spdlog::level::level_enum to_spdlog(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return spdlog::level::debug;
    case LogLevel::kInfo:
      return spdlog::level::info;
    case LogLevel::kWarning:
      return spdlog::level::warn;
    case LogLevel::kError:
      return spdlog::level::err;
    case LogLevel::kOff:
      break;
  }
  return spdlog::level::off;
}

}  // namespace

Log::Log(std::ostream& err, LogLevel level)
    : impl_(new Impl{spdlog::logger("backscroll", std::make_shared<spdlog::sinks::ostream_sink_st>(
                                                      err, /*force_flush=*/true))}) {
  // "%l" is spdlog's level name: "debug", "info", "warning", "error".
  impl_->logger.set_pattern("backscroll: %l: %v");
  impl_->logger.set_level(to_spdlog(level));
}

Log::~Log() = default;

void Log::debug(const std::string& text) { impl_->logger.debug(text); }
void Log::info(const std::string& text) { impl_->logger.info(text); }
void Log::warning(const std::string& text) { impl_->logger.warn(text); }
void Log::error(const core::Error& error) { impl_->logger.error(error.describe()); }

}  // namespace backscroll::app
