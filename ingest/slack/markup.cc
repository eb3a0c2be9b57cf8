#include "ingest/slack/markup.h"

#include <algorithm>

#include "ingest/slack/markup_scan.h"

namespace backscroll::ingest::slack {
namespace {

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

void strip_styling_from(std::string& s, std::size_t from) {
  std::vector<StylePair> pairs = find_styling_pairs(std::string_view(s).substr(from));
  if (pairs.empty()) return;
  std::vector<char> removed(s.size() - from, 0);
  for (const StylePair& p : pairs) {
    removed[p.open] = 1;
    removed[p.close] = 1;
  }
  std::size_t w = from;
  for (std::size_t r = from; r < s.size(); ++r)
    if (!removed[r - from]) s[w++] = s[r];
  s.resize(w);
}

}  // namespace

void append_control_text(const Control& c, const NameDirectory& names, std::string& out,
                         std::vector<std::string>* links) {
  switch (c.kind) {
    case ControlKind::kUser:
      out += '@';
      if (c.has_label && !c.label.empty()) {
        append_decoded(c.label.starts_with('@') ? c.label.substr(1) : c.label, out);
      } else if (const std::string* name = names.user_name(c.target)) {
        out += *name;
      } else {
        out.append(c.target);
      }
      return;
    case ControlKind::kConversation:
      out += '#';
      if (c.has_label && !c.label.empty()) {
        append_decoded(c.label, out);
      } else if (const std::string* name = names.conversation_name(c.target)) {
        out += *name;
      } else {
        out.append(c.target);
      }
      return;
    case ControlKind::kSpecial:
      append_special(c.target, c.label, c.has_label, out);
      return;
    case ControlKind::kLabelOnly:  // "<|label>": keep the label.
      append_decoded(c.label, out);
      return;
    case ControlKind::kLink:
      append_link(c.target, c.label, c.has_label, out, links);
      return;
  }
}

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
    std::size_t end = control_end(in, lt);
    if (end == std::string_view::npos) {
      out += '<';  // Malformed: keep the bracket as text.
      i = lt + 1;
      continue;
    }
    append_control_text(parse_control(in.substr(lt + 1, end - lt - 1)), names, out, links);
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
