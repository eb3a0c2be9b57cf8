#include "ingest/slack/markdown_text.h"

#include <algorithm>

namespace backscroll::ingest::slack {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_control_or_space(char c) {
  auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7F;
}

// Whether the '&' at `i` starts something CommonMark could read as a character
// reference: '&', an optional "#" or "#x", letters or digits, ';'.
bool starts_reference(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) ++j;
  }
  std::size_t name = j;
  while (j < s.size() && is_ascii_alnum(s[j])) ++j;
  return j > name && j < s.size() && s[j] == ';';
}

// Writes the backslash for a block-starting character at the start of a line;
// returns how many characters of `text` it wrote (0 when nothing to escape).
std::size_t escape_line_start(std::string_view text, std::string& out) {
  const char c = text[0];
  auto only = [&](char x) {
    return std::all_of(text.begin(), text.end(), [x](char y) { return y == x || is_blank(y); });
  };
  auto ends_or_blank = [&](std::size_t k) { return k == text.size() || is_blank(text[k]); };
  if (c == '#') {
    std::size_t k = text.find_first_not_of('#');
    if (ends_or_blank(k == std::string_view::npos ? text.size() : k)) out += '\\';
    return 0;
  }
  if (c == '>' || ((c == '+' || c == '-') && ends_or_blank(1)) ||
      ((c == '-' || c == '=') && only(c))) {
    out += '\\';
    return 0;
  }
  if (is_digit(c)) {
    std::size_t k = 0;
    while (k < text.size() && is_digit(text[k])) ++k;
    if (k < text.size() && (text[k] == '.' || text[k] == ')') && ends_or_blank(k + 1)) {
      out.append(text.substr(0, k));
      out += '\\';
      out += text[k];
      return k + 1;
    }
  }
  return 0;
}

bool is_uri_autolink(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon > 32) return false;
  auto scheme_char = [](char c) { return is_ascii_alnum(c) || c == '+' || c == '.' || c == '-'; };
  if (is_digit(url[0]) || !is_ascii_alnum(url[0]) ||
      !std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(colon), scheme_char))
    return false;
  for (std::size_t i = colon + 1; i < url.size(); ++i) {
    char c = url[i];
    if (is_control_or_space(c) || c == '<' || c == '>' || (c == '&' && starts_reference(url, i)))
      return false;
  }
  return true;
}

// CommonMark's email autolink: local@label(.label)*, labels of letters, digits
// and inner '-', at most 63 characters.
bool is_email_autolink(std::string_view address) {
  std::size_t at = address.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  constexpr std::string_view kLocal = ".!#$%&'*+/=?^_`{|}~-";
  for (std::size_t i = 0; i < at; ++i) {
    char c = address[i];
    if (!is_ascii_alnum(c) && kLocal.find(c) == std::string_view::npos) return false;
    if (c == '&' && starts_reference(address, i)) return false;
  }
  std::string_view domain = address.substr(at + 1);
  while (true) {
    std::size_t dot = domain.find('.');
    std::string_view label = domain.substr(0, dot);
    if (label.empty() || label.size() > 63 || !is_ascii_alnum(label.front()) ||
        !is_ascii_alnum(label.back()) || !std::all_of(label.begin(), label.end(), [](char c) {
          return is_ascii_alnum(c) || c == '-';
        }))
      return false;
    if (dot == std::string_view::npos) return true;
    domain.remove_prefix(dot + 1);
  }
}

}  // namespace

void append_escaped_text(std::string_view text, bool line_start, std::string& out) {
  std::size_t i = line_start && !text.empty() ? escape_line_start(text, out) : 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '~':
        out += '\\';
        break;
      case '_':
        if (i == 0 || i + 1 == text.size() || !is_ascii_alnum(text[i - 1]) ||
            !is_ascii_alnum(text[i + 1]))
          out += '\\';
        break;
      case '&':
        if (starts_reference(text, i)) out += '\\';
        break;
      case '\r':
        c = ' ';
        break;
      default:
        break;
    }
    out += c;
  }
}

std::string code_fence(std::string_view code, std::size_t shortest) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max(shortest, longest + 1), '`');
}

void append_code_span(std::string_view code, std::string& out) {
  if (code.empty()) return;
  const std::string fence = code_fence(code, 1);
  const bool pad = code.front() == '`' || code.back() == '`' ||
                   (code.front() == ' ' && code.back() == ' ' &&
                    code.find_first_not_of(' ') != std::string_view::npos);
  out += fence;
  if (pad) out += ' ';
  for (char c : code) out += (c == '\n' || c == '\r') ? ' ' : c;
  if (pad) out += ' ';
  out += fence;
}

void append_link_destination(std::string_view url, std::string& out) {
  constexpr char kHex[] = "0123456789ABCDEF";
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (is_control_or_space(c) || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\') {
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else if (c == '&' && starts_reference(url, i)) {
      out += "&amp;";  // Percent-encoding would change a query; cmark decodes this.
    } else {
      out += c;
    }
  }
}

void append_link(std::string_view label, std::string_view url, std::string& out) {
  out += '[';
  append_escaped_text(label, false, out);
  out += "](";
  append_link_destination(url, out);
  out += ')';
}

void append_autolink(std::string_view url, std::string& out) {
  if (url.starts_with("mailto:")) {
    std::string_view address = url.substr(7);
    if (is_email_autolink(address)) {
      out += '<';
      out += address;
      out += '>';
    } else {
      append_link(address, url, out);
    }
  } else if (is_uri_autolink(url)) {
    out += '<';
    out += url;
    out += '>';
  } else {
    append_link(url, url, out);
  }
}

}  // namespace backscroll::ingest::slack
