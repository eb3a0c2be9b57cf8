#include "ingest/slack/markup_scan.h"

#include <algorithm>

namespace backscroll::ingest::slack {
namespace {

bool is_marker(char c) { return c == '*' || c == '_' || c == '~'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

Entity entity_at(std::string_view text) {
  if (text.starts_with("&amp;")) return {'&', 5};
  if (text.starts_with("&lt;")) return {'<', 4};
  if (text.starts_with("&gt;")) return {'>', 4};
  return {};
}

void append_decoded(std::string_view text, std::string& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      return;
    }
    out.append(text.substr(i, amp - i));
    Entity e = entity_at(text.substr(amp));
    if (e.size > 0) {
      out += e.ch;
      i = amp + e.size;
    } else {
      out += '&';
      i = amp + 1;
    }
  }
}

std::string decoded(std::string_view text) {
  std::string out;
  append_decoded(text, out);
  return out;
}

Control parse_control(std::string_view inner) {
  Control c;
  std::size_t bar = inner.find('|');
  c.has_label = bar != std::string_view::npos;
  std::string_view target = c.has_label ? inner.substr(0, bar) : inner;
  if (c.has_label) c.label = inner.substr(bar + 1);
  switch (target.empty() ? '\0' : target.front()) {
    case '@':
      c.kind = ControlKind::kUser;
      c.target = target.substr(1);
      break;
    case '#':
      c.kind = ControlKind::kConversation;
      c.target = target.substr(1);
      break;
    case '!':
      c.kind = ControlKind::kSpecial;
      c.target = target.substr(1);
      break;
    case '\0':
      c.kind = ControlKind::kLabelOnly;
      break;
    default:
      c.kind = ControlKind::kLink;
      c.target = target;
  }
  return c;
}

std::size_t control_end(std::string_view text, std::size_t lt) {
  std::size_t end = text.find_first_of("<>\n", lt + 1);
  if (end == std::string_view::npos || text[end] != '>' || end == lt + 1)
    return std::string_view::npos;
  return end;
}

std::vector<StylePair> find_styling_pairs(std::string_view s) {
  std::vector<StylePair> pairs;
  const std::size_t n = s.size();
  if (std::none_of(s.begin(), s.end(), is_marker)) return pairs;
  std::vector<char> taken(n, 0);  // Closers already paired.
  auto opener_before_ok = [&](std::size_t i) {
    if (i == 0) return true;
    char p = s[i - 1];
    return is_space(p) || is_marker(p) || p == '(' || p == '[' || p == '{' || p == '"' || p == '\'';
  };
  auto closer_after_ok = [&](std::size_t k) {
    if (k + 1 == n) return true;
    char x = s[k + 1];
    return is_space(x) || is_marker(x) ||
           std::string_view(".,;:!?)]}\"'").find(x) != std::string_view::npos;
  };
  bool in_block = false;   // ```...```, may span lines.
  bool in_inline = false;  // `...`, ends at a newline.
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[i];
    if (c == '`') {
      if (s.compare(i, 3, "```") == 0) {
        in_block = !in_block;
        in_inline = false;
        i += 2;
      } else if (!in_block) {
        in_inline = !in_inline;
      }
      continue;
    }
    if (c == '\n') in_inline = false;
    if (in_block || in_inline || !is_marker(c) || taken[i]) continue;
    if (!opener_before_ok(i) || i + 1 >= n || is_space(s[i + 1]) || s[i + 1] == c) continue;
    const std::size_t limit = std::min(n, i + 1 + kMaxStyledSpan);
    for (std::size_t k = i + 1; k < limit && s[k] != '\n'; ++k) {
      if (s[k] == '`') {  // Step over an inline code span; a ``` block ends the search.
        std::size_t close = s.find_first_of("`\n", k + 1);
        if (s.compare(k, 3, "```") == 0 || close == std::string_view::npos || s[close] != '`')
          break;
        k = close;
        continue;
      }
      if (k > i + 1 && s[k] == c && !taken[k] && !is_space(s[k - 1]) && closer_after_ok(k)) {
        taken[k] = 1;
        pairs.push_back({i, k});
        break;
      }
    }
  }
  return pairs;
}

}  // namespace backscroll::ingest::slack
