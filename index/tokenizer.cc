#include "index/tokenizer.h"

#include <array>
#include <optional>

namespace backscroll::index {

namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_letter(char c) { return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_word_byte(unsigned char c) {
  return is_lower(c) || is_upper(c) || is_digit(c) || c == '_' || c >= 0x80;
}
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::size_t kMaxIdentifierLength = 64;
constexpr std::size_t kMaxIdentifierParts = 8;

// Calls emit(part) for each part of `w` (see identifier_parts()) when `w`
// splits; returns whether it does. Splits that look like random text (base64,
// tokens: two or more one-character parts, or too many parts) do not count.
template <typename Emit>
bool split_identifier(std::string_view w, Emit&& emit) {
  if (w.size() > kMaxIdentifierLength) return false;
  std::array<std::string_view, kMaxIdentifierParts> parts;
  std::size_t count = 0, single = 0, start = 0;
  bool split = false, letter_in_part = false;
  auto flush = [&](std::size_t end) {
    if (end == start) return true;
    if (count == parts.size()) return false;
    if (end - start == 1) ++single;
    parts[count++] = w.substr(start, end - start);
    return true;
  };
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c == '_') {
      if (!flush(i)) return false;
      start = i + 1;
      split = true;
      letter_in_part = false;
      continue;
    }
    if (i > start && is_upper(c)) {
      const char p = w[i - 1];
      const bool boundary = is_lower(p) || (is_digit(p) && letter_in_part) ||
                            (is_upper(p) && i + 1 < w.size() && is_lower(w[i + 1]));
      if (boundary) {
        if (!flush(i)) return false;
        start = i;
        split = true;
        letter_in_part = false;
      }
    }
    if (!is_digit(c)) letter_in_part = true;
  }
  if (!split) return false;
  if (!flush(w.size()) || single >= 2 || count == 0) return false;
  for (std::size_t i = 0; i < count; ++i) emit(parts[i]);
  return true;
}

bool is_hex_hash(std::string_view w) {
  if (w.size() <= kMinHexPrefix || w.size() > 64) return false;
  bool digit = false, letter = false;
  for (char c : w) {
    if (is_digit(c)) {
      digit = true;
    } else if (is_hex_letter(c)) {
      letter = true;
    } else {
      return false;
    }
  }
  return digit && letter;
}

void add_hex_prefixes(std::string_view w, TechnicalTerms& out) {
  std::string prefix;
  for (std::size_t i = 0; i < kMaxHexPrefix && i + 1 < w.size(); ++i) {
    prefix += lower(w[i]);
    if (prefix.size() >= kMinHexPrefix) out.exact.push_back(prefix);
  }
}

// An octet: 1-3 digits, at most 255.
bool is_octet(std::string_view w) {
  if (w.empty() || w.size() > 3) return false;
  int value = 0;
  for (char c : w) {
    if (!is_digit(c)) return false;
    value = value * 10 + (c - '0');
  }
  return value <= 255;
}

// If an IPv4 address starts at `start` (the first digit), adds its prefixes.
void add_ipv4_prefixes(std::string_view text, std::size_t start, TechnicalTerms& out) {
  if (start > 0 && (text[start - 1] == '.' || is_digit(text[start - 1]))) return;
  std::array<std::size_t, 4> ends{};
  std::size_t i = start;
  for (int octet = 0; octet < 4; ++octet) {
    const std::size_t from = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (!is_octet(text.substr(from, i - from))) return;
    ends[octet] = i;
    if (octet < 3) {
      if (i >= text.size() || text[i] != '.') return;
      ++i;
    }
  }
  // Not part of a longer dotted number ("1.2.3.4.5") or a word ("1.2.3.4a").
  if (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) return;
  if (i + 1 < text.size() && text[i] == '.' && is_digit(text[i + 1])) return;
  out.exact.emplace_back(text.substr(start, ends[1] - start));
  out.exact.emplace_back(text.substr(start, ends[2] - start));
}

// U+00C0..U+00FF and U+0100..U+017F to base letters; '?' = several letters
// (special_fold), '-' = not a letter with an accent (× ÷).
constexpr std::string_view kLatin1 =
    "AAAAAA?CEEEEIIIIDNOOOOO-OUUUUY??"
    "aaaaaa?ceeeeiiiidnooooo-ouuuuy?y";
constexpr std::string_view kLatinExtendedA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo??RrRrRr"
    "SsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(kLatin1.size() == 64);
static_assert(kLatinExtendedA.size() == 128);

std::string_view special_fold(unsigned code) {
  switch (code) {
    case 0xC6:
      return "AE";
    case 0xDE:
      return "TH";
    case 0xDF:
      return "ss";
    case 0xE6:
      return "ae";
    case 0xFE:
      return "th";
    case 0x132:
      return "IJ";
    case 0x133:
      return "ij";
    case 0x152:
      return "OE";
    case 0x153:
      return "oe";
    default:
      return "";
  }
}

}  // namespace

std::vector<std::string_view> identifier_parts(std::string_view word) {
  std::vector<std::string_view> parts;
  split_identifier(word, [&](std::string_view part) { parts.push_back(part); });
  return parts;
}

void find_technical_terms(std::string_view text, TechnicalTerms& out) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    bool ascii = true, upper_or_underscore = false;
    for (; i < n && is_word_byte(static_cast<unsigned char>(text[i])); ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c >= 0x80) ascii = false;
      if (c == '_' || is_upper(static_cast<char>(c))) upper_or_underscore = true;
    }
    if (!ascii) continue;
    const std::string_view word = text.substr(start, i - start);
    if (is_digit(word.front()) && i < n && text[i] == '.') add_ipv4_prefixes(text, start, out);
    if (is_hex_hash(word)) {
      add_hex_prefixes(word, out);
      continue;
    }
    if (!upper_or_underscore) continue;
    bool first = true;
    const bool split = split_identifier(word, [&](std::string_view part) {
      if (!first) out.part_text += ' ';
      out.part_text.append(part);
      first = false;
    });
    if (split) out.part_text += '\n';
  }
}

bool fold_accents(std::string_view word, std::string& out) {
  bool folded = false;
  for (unsigned char c : word) {
    if (c >= 0xC3 && c <= 0xCD) {
      folded = true;
      break;
    }
  }
  if (!folded) return false;
  folded = false;
  out.clear();
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    const bool two_bytes = c >= 0xC3 && c <= 0xCD && i + 1 < word.size() &&
                           (static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80;
    if (!two_bytes) {
      out += static_cast<char>(c);
      continue;
    }
    const unsigned code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(word[i + 1]) & 0x3Fu);
    char base = '-';
    if (code >= 0xC0 && code <= 0xFF) base = kLatin1[code - 0xC0];
    if (code >= 0x100 && code <= 0x17F) base = kLatinExtendedA[code - 0x100];
    if (code >= 0x300 && code <= 0x36F) {  // Combining mark: dropped.
      ++i;
      folded = true;
      continue;
    }
    if (base == '-') {
      out += static_cast<char>(c);
      continue;
    }
    if (base == '?') {
      out.append(special_fold(code));
    } else {
      out += base;
    }
    ++i;
    folded = true;
  }
  return folded;
}

}  // namespace backscroll::index
