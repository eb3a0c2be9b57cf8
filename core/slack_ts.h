#pragma once
// SlackTs: Slack's message timestamp, "1516457078.000065" (epoch seconds, a
// dot, six digits of micro-seconds). It is both the message's identity within
// its conversation and its time. The exact string is kept for output; the
// micro-seconds since the epoch are what sorts and what keys store.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace backscroll::core {

class SlackTs {
 public:
  SlackTs() = default;

  // Parses "SECONDS" or "SECONDS.FRACTION" (fraction of 1 to 6 digits; more
  // digits are rejected). Returns nullopt for anything else, including "".
  static std::optional<SlackTs> parse(std::string_view text);
  // Builds the canonical "SECONDS.MMMMMM" form from micro-seconds.
  static SlackTs from_micros(std::int64_t micros);

  const std::string& str() const { return text_; }
  std::int64_t micros() const { return micros_; }
  std::int64_t seconds() const { return micros_ / 1000000; }
  bool empty() const { return text_.empty(); }

  bool operator==(const SlackTs& o) const { return micros_ == o.micros_; }
  auto operator<=>(const SlackTs& o) const { return micros_ <=> o.micros_; }

 private:
  std::string text_;
  std::int64_t micros_ = 0;
};

}  // namespace backscroll::core
