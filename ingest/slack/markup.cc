#include "ingest/slack/markup.h"

#include <algorithm>

namespace backscroll::ingest::slack {
namespace {

bool is_marker(char c) { return c == '*' || c == '_' || c == '~'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Appends `text` with &amp; &lt; &gt; decoded.
void append_decoded(std::string_view text, std::string& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      return;
    }
    out.append(text.substr(i, amp - i));
    std::string_view rest = text.substr(amp);
    if (rest.starts_with("&amp;")) {
      out += '&';
      i = amp + 5;
    } else if (rest.starts_with("&lt;")) {
      out += '<';
      i = amp + 4;
    } else if (rest.starts_with("&gt;")) {
      out += '>';
      i = amp + 4;
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

void add_link(std::string url, std::vector<std::string>* links) {
  if (links == nullptr || url.empty()) return;
  if (std::find(links->begin(), links->end(), url) == links->end())
    links->push_back(std::move(url));
}

// "here", "channel", "everyone" with an optional "^..." suffix.
bool is_broadcast(std::string_view command) {
  std::string_view word = command.substr(0, command.find('^'));
  return word == "here" || word == "channel" || word == "everyone";
}

void append_special(std::string_view command, std::string_view label, bool has_label,
                    std::string& out) {
  if (is_broadcast(command)) {
    out += '@';
    out.append(command.substr(0, command.find('^')));
  } else if (command.starts_with("subteam^")) {
    if (has_label && !label.empty()) {
      if (!label.starts_with('@')) out += '@';
      append_decoded(label, out);
    } else {
      out += '@';
      out.append(command.substr(8));
    }
  } else if (command.starts_with("date^")) {
    if (has_label) {
      append_decoded(label, out);
    } else {
      std::string_view rest = command.substr(5);
      out.append(rest.substr(0, rest.find('^')));
    }
  } else if (has_label && !label.empty()) {
    append_decoded(label, out);
  } else {
    out.append(command);
  }
}

void append_link(std::string_view target, std::string_view label, bool has_label, std::string& out,
                 std::vector<std::string>* links) {
  std::string url = decoded(target);
  std::string shown = url;
  if (shown.starts_with("mailto:")) shown.erase(0, 7);
  std::string text = has_label ? decoded(label) : std::string();
  auto without_scheme = [](std::string_view u) {
    std::size_t p = u.find("://");
    return p == std::string_view::npos ? u : u.substr(p + 3);
  };
  if (text.empty() || text == url || text == shown || text == without_scheme(url)) {
    out += shown;
  } else {
    out += text;
    out += " (";
    out += shown;
    out += ')';
  }
  add_link(std::move(url), links);
}

// `inner` is the text between '<' and '>', not empty.
void append_control(std::string_view inner, const NameDirectory& names, std::string& out,
                    std::vector<std::string>* links) {
  std::size_t bar = inner.find('|');
  bool has_label = bar != std::string_view::npos;
  std::string_view target = has_label ? inner.substr(0, bar) : inner;
  std::string_view label = has_label ? inner.substr(bar + 1) : std::string_view();
  switch (target.empty() ? '\0' : target.front()) {
    case '@': {
      std::string_view id = target.substr(1);
      out += '@';
      if (has_label && !label.empty()) {
        append_decoded(label.starts_with('@') ? label.substr(1) : label, out);
      } else if (const std::string* name = names.user_name(id)) {
        out += *name;
      } else {
        out.append(id);
      }
      return;
    }
    case '#': {
      std::string_view id = target.substr(1);
      out += '#';
      if (has_label && !label.empty()) {
        append_decoded(label, out);
      } else if (const std::string* name = names.conversation_name(id)) {
        out += *name;
      } else {
        out.append(id);
      }
      return;
    }
    case '!':
      append_special(target.substr(1), label, has_label, out);
      return;
    default:
      if (target.empty()) {  // "<|label>": keep the label.
        append_decoded(label, out);
        return;
      }
      append_link(target, label, has_label, out, links);
  }
}

void strip_styling_from(std::string& s, std::size_t from) {
  const std::size_t n = s.size();
  if (std::none_of(s.begin() + static_cast<std::ptrdiff_t>(from), s.end(), is_marker)) return;
  std::vector<char> removed(n - from, 0);
  auto is_removed = [&](std::size_t k) { return removed[k - from] != 0; };
  auto opener_before_ok = [&](std::size_t i) {
    if (i == from) return true;
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
  for (std::size_t i = from; i < n; ++i) {
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
    if (in_block || in_inline || !is_marker(c) || is_removed(i)) continue;
    if (!opener_before_ok(i) || i + 1 >= n || is_space(s[i + 1]) || s[i + 1] == c) continue;
    for (std::size_t k = i + 1; k < n && s[k] != '\n'; ++k) {
      if (s[k] == '`') {  // Step over an inline code span; a ``` block ends the search.
        std::size_t close = s.find_first_of("`\n", k + 1);
        if (s.compare(k, 3, "```") == 0 || close == std::string::npos || s[close] != '`') break;
        k = close;
        continue;
      }
      if (k > i + 1 && s[k] == c && !is_removed(k) && !is_space(s[k - 1]) && closer_after_ok(k)) {
        removed[i - from] = 1;
        removed[k - from] = 1;
        break;
      }
    }
  }
  std::size_t w = from;
  for (std::size_t r = from; r < n; ++r)
    if (!removed[r - from]) s[w++] = s[r];
  s.resize(w);
}

}  // namespace

void append_mrkdwn_text(std::string_view in, const NameDirectory& names, std::string& out,
                        std::vector<std::string>* links) {
  const std::size_t start = out.size();
  std::size_t i = 0;
  while (i < in.size()) {
    std::size_t lt = in.find('<', i);
    if (lt == std::string_view::npos) {
      append_decoded(in.substr(i), out);
      break;
    }
    append_decoded(in.substr(i, lt - i), out);
    std::size_t end = in.find_first_of("<>\n", lt + 1);
    if (end == std::string_view::npos || in[end] != '>' || end == lt + 1) {
      out += '<';  // Malformed: keep the bracket as text.
      i = lt + 1;
      continue;
    }
    append_control(in.substr(lt + 1, end - lt - 1), names, out, links);
    i = end + 1;
  }
  strip_styling_from(out, start);
}

std::string mrkdwn_to_text(std::string_view mrkdwn, const NameDirectory& names,
                           std::vector<std::string>* links) {
  std::string out;
  append_mrkdwn_text(mrkdwn, names, out, links);
  return out;
}

void strip_styling(std::string& text) { strip_styling_from(text, 0); }

}  // namespace backscroll::ingest::slack
