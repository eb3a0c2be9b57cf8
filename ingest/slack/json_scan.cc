#include "ingest/slack/json_scan.h"

#include <array>

namespace backscroll::ingest::slack {

std::optional<std::uint64_t> find_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;  // A continuation byte, 0xc0/0xc1 or 0xf5..0xff.
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return i;
    i += len;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> find_excess_depth(std::string_view json, std::size_t max_depth) {
  // Bytes that matter, so the loop skips the rest with one table lookup each.
  static constexpr auto kInteresting = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'"', '\\', '[', ']', '{', '}'}) t[c] = true;
    return t;
  }();
  const auto* s = reinterpret_cast<const unsigned char*>(json.data());
  const std::size_t n = json.size();
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!kInteresting[s[i]]) continue;
    unsigned char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace backscroll::ingest::slack
