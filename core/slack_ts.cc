#include "core/slack_ts.h"

#include <cstdio>

namespace backscroll::core {

std::optional<SlackTs> SlackTs::parse(std::string_view text) {
  std::int64_t seconds = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    char c = text[i];
    if (c < '0' || c > '9' || i >= 12) return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  if (i == 0) return std::nullopt;
  std::int64_t micros = 0;
  if (i < text.size()) {  // text[i] == '.'
    std::size_t digits = text.size() - i - 1;
    if (digits == 0 || digits > 6) return std::nullopt;
    for (std::size_t j = i + 1; j < text.size(); ++j) {
      char c = text[j];
      if (c < '0' || c > '9') return std::nullopt;
      micros = micros * 10 + (c - '0');
    }
    for (std::size_t k = digits; k < 6; ++k) micros *= 10;
  }
  SlackTs ts;
  ts.text_ = std::string(text);
  ts.micros_ = seconds * 1000000 + micros;
  return ts;
}

SlackTs SlackTs::from_micros(std::int64_t micros) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%06lld",
                static_cast<long long>(micros / 1000000),
                static_cast<long long>(micros % 1000000));
  SlackTs ts;
  ts.text_ = buf;
  ts.micros_ = micros;
  return ts;
}

}  // namespace backscroll::core
