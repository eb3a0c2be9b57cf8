#include "query/snippet.h"

#include <cstdint>

namespace backscroll::query {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the entity starting at s[0] == '&'; returns its length, 0 if none.
std::size_t decode_entity(std::string_view s, std::string& out) {
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (const auto& [name, ch] : kNamed)
    if (s.starts_with(name)) {
      out += ch;
      return name.size();
    }
  if (!s.starts_with("&#")) return 0;
  std::size_t end = s.find(';');
  if (end == std::string_view::npos || end > 10) return 0;
  std::string_view digits = s.substr(2, end - 2);
  int base = 10;
  if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
    base = 16;
    digits.remove_prefix(1);
  }
  if (digits.empty()) return 0;
  std::uint32_t cp = 0;
  for (char c : digits) {
    int d = (c >= '0' && c <= '9')   ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                     : 99;
    if (d >= base) return 0;
    cp = cp * base + d;
  }
  if (cp == 0 || cp > 0x10FFFF) return 0;
  append_utf8(out, cp);
  return end + 1;
}

}  // namespace

std::string snippet_to_terminal(std::string_view snippet, bool ansi) {
  std::string out;
  out.reserve(snippet.size());
  std::size_t i = 0;
  while (i < snippet.size()) {
    std::string_view rest = snippet.substr(i);
    if (rest.starts_with(kMarkStart)) {
      if (ansi) out += "\x1b[1m";
      i += kMarkStart.size();
    } else if (rest.starts_with(kMarkEnd)) {
      if (ansi) out += "\x1b[0m";
      i += kMarkEnd.size();
    } else if (rest[0] == '&') {
      std::size_t n = decode_entity(rest, out);
      if (n == 0) out += '&';
      i += n == 0 ? 1 : n;
    } else {
      out += rest[0];
      ++i;
    }
  }
  return out;
}

}  // namespace backscroll::query
