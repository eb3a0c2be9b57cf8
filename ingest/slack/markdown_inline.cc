#include "ingest/slack/markdown_inline.h"

#include <algorithm>

#include "ingest/slack/emoji.h"
#include "ingest/slack/markdown_delimiters.h"
#include "ingest/slack/markdown_text.h"
#include "ingest/slack/markup.h"

namespace backscroll::ingest::slack {
namespace {

bool is_shortcode_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '+' || c == '-' || c == '\'';
}

// Drops the pairs that cross another (the later opened), so the rest nest.
std::vector<StylePair> nested_pairs(const std::vector<StylePair>& pairs) {
  std::vector<std::pair<std::size_t, std::size_t>> events;  // Position, pair index.
  events.reserve(pairs.size() * 2);
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    events.emplace_back(pairs[p].open, p);
    events.emplace_back(pairs[p].close, p);
  }
  std::sort(events.begin(), events.end());
  std::vector<char> dropped(pairs.size(), 0);
  std::vector<std::size_t> open;
  for (auto [pos, p] : events) {
    if (dropped[p]) continue;
    if (pos == pairs[p].open) {
      open.push_back(p);
      continue;
    }
    while (open.back() != p) {
      dropped[open.back()] = 1;
      open.pop_back();
    }
    open.pop_back();
  }
  std::vector<StylePair> kept;
  for (std::size_t p = 0; p < pairs.size(); ++p)
    if (!dropped[p]) kept.push_back(pairs[p]);
  return kept;
}

}  // namespace

struct InlineMarkdown::Piece {
  enum class Kind { kText, kMarkdown, kDelimiter } kind = Kind::kText;
  std::string s;  // text: not yet escaped; markdown: final.
  std::size_t pair = 0;
  bool open = false;
  char marker = '\0';
};

InlineMarkdown::InlineMarkdown(std::string_view text) : text_(text), masked_(text) {}

InlineMarkdown::InlineMarkdown(std::string_view mrkdwn, const NameDirectory& names)
    : text_(mrkdwn), names_(&names), masked_(mrkdwn) {
  for (std::size_t lt = mrkdwn.find('<'); lt != std::string_view::npos;
       lt = mrkdwn.find('<', lt + 1)) {
    std::size_t end = control_end(mrkdwn, lt);
    if (end == std::string_view::npos) continue;
    controls_.emplace_back(lt, end);
    std::fill(masked_.begin() + static_cast<std::ptrdiff_t>(lt),
              masked_.begin() + static_cast<std::ptrdiff_t>(end) + 1, 'x');
    lt = end;
  }
  pairs_ = nested_pairs(find_styling_pairs(masked_));
  if (pairs_.empty()) return;
  pair_at_.assign(mrkdwn.size(), -1);
  for (std::size_t p = 0; p < pairs_.size(); ++p) {
    pair_at_[pairs_[p].open] = static_cast<int>(p);
    pair_at_[pairs_[p].close] = static_cast<int>(p);
  }
}

std::size_t InlineMarkdown::control_at(std::size_t i) const {
  auto it = std::lower_bound(controls_.begin(), controls_.end(),
                             std::pair<std::size_t, std::size_t>(i, 0));
  return it != controls_.end() && it->first == i ? it->second : std::string_view::npos;
}

void InlineMarkdown::append_text(std::vector<Piece>& pieces, std::string_view s) {
  if (pieces.empty() || pieces.back().kind != Piece::Kind::kText) pieces.emplace_back();
  pieces.back().s += s;
}

std::string InlineMarkdown::name_of(const Control& c) const {
  const std::string* known = c.kind == ControlKind::kUser ? names_->user_name(c.target)
                                                          : names_->conversation_name(c.target);
  if (known != nullptr && !known->empty()) return *known;
  std::string_view label = c.label;
  if (c.kind == ControlKind::kUser && label.starts_with('@')) label.remove_prefix(1);
  return label.empty() ? std::string(c.target) : decoded(label);
}

std::pair<std::size_t, std::string> InlineMarkdown::emoji_at(std::size_t i, std::size_t e) const {
  constexpr std::size_t kLongest = 100;
  std::size_t k = i + 1;
  while (k < e && k - i <= kLongest && is_shortcode_char(text_[k])) ++k;
  if (k == i + 1 || k >= e || text_[k] != ':') return {i, {}};
  constexpr std::string_view kTone = ":skin-tone-";
  std::string_view after = text_.substr(k + 1, std::min(e, text_.size()) - (k + 1));
  if (after.size() >= kTone.size() + 2 && after.starts_with(kTone) &&
      after[kTone.size() + 1] == ':')
    k += kTone.size() + 2;  // ":+1::skin-tone-2:" is one shortcode.
  if (!pair_at_.empty())
    for (std::size_t j = i; j <= k; ++j)
      if (pair_at_[j] >= 0) return {i, {}};  // A styling marker wins.
  std::optional<std::string> emoji = emoji_for(text_.substr(i + 1, k - i - 1));
  if (!emoji) return {i, {}};
  return {k + 1, std::move(*emoji)};
}

void InlineMarkdown::add_control(const Control& c, std::vector<Piece>& pieces) const {
  switch (c.kind) {
    case ControlKind::kUser:
      append_text(pieces, "@" + name_of(c));
      return;
    case ControlKind::kConversation:
      append_text(pieces, "#" + name_of(c));
      return;
    case ControlKind::kSpecial:
    case ControlKind::kLabelOnly: {
      std::string s;
      append_control_text(c, *names_, s, nullptr);
      append_text(pieces, s);
      return;
    }
    case ControlKind::kLink: {
      Piece link{Piece::Kind::kMarkdown};
      std::string url = decoded(c.target);
      std::string label = c.has_label ? decoded(c.label) : std::string();
      if (label.empty() || label == url || (url.starts_with("mailto:") && label == url.substr(7)))
        append_autolink(url, link.s);
      else
        append_link(label, url, link.s);
      pieces.push_back(std::move(link));
      return;
    }
  }
}

void InlineMarkdown::add_pieces(std::size_t b, std::size_t e, std::vector<Piece>& pieces) const {
  const bool mrkdwn = names_ != nullptr;
  std::size_t i = b;
  while (i < e) {
    const char c = text_[i];
    if (mrkdwn && c == '<') {
      std::size_t end = control_at(i);
      if (end != std::string_view::npos) {
        add_control(parse_control(text_.substr(i + 1, end - i - 1)), pieces);
        i = end + 1;
        continue;
      }
    } else if (mrkdwn && c == '`') {
      if (text_.compare(i, 3, "```") == 0) {  // Unclosed: text.
        append_text(pieces, "```");
        i += 3;
        continue;
      }
      std::size_t close = masked_.find_first_of("`\n", i + 1);
      if (close != std::string::npos && masked_[close] == '`' &&
          masked_.compare(close, 3, "```") != 0) {
        if (close == i + 1) {  // "``": text, as the styling rules read it.
          append_text(pieces, "``");
        } else {
          Piece span{Piece::Kind::kMarkdown};
          append_code_span(code(i + 1, close), span.s);
          if (!span.s.empty()) pieces.push_back(std::move(span));
        }
        i = close + 1;
        continue;
      }
    } else if (mrkdwn && c == '&') {
      Entity entity = entity_at(text_.substr(i, e - i));
      if (entity.size > 0) {
        append_text(pieces, std::string_view(&entity.ch, 1));
        i += entity.size;
        continue;
      }
    } else if (c == ':') {
      auto [end, emoji] = emoji_at(i, e);
      if (end != i) {
        append_text(pieces, emoji);
        i = end;
        continue;
      }
    } else if (!pair_at_.empty() && pair_at_[i] >= 0) {
      const auto p = static_cast<std::size_t>(pair_at_[i]);
      pieces.push_back({Piece::Kind::kDelimiter, {}, p, pairs_[p].open == i, c});
      ++i;
      continue;
    }
    append_text(pieces, std::string_view(&text_[i], 1));
    ++i;
  }
}

std::string InlineMarkdown::line(std::size_t b, std::size_t e) const {
  std::vector<Piece> pieces;
  add_pieces(b, e, pieces);
  constexpr std::string_view kBlank = " \t\r";
  if (!pieces.empty() && pieces.front().kind == Piece::Kind::kText) {
    std::string& s = pieces.front().s;
    s.erase(0, std::min(s.size(), s.find_first_not_of(kBlank)));
    if (s.empty()) pieces.erase(pieces.begin());
  }
  if (!pieces.empty() && pieces.back().kind == Piece::Kind::kText) {
    std::string& s = pieces.back().s;
    std::size_t last = s.find_last_not_of(kBlank);
    s.resize(last == std::string::npos ? 0 : last + 1);
    if (s.empty()) pieces.pop_back();
  }
  std::vector<DelimiterSlot> slots;
  slots.reserve(pieces.size());
  for (std::size_t j = 0; j < pieces.size(); ++j) {
    Piece& piece = pieces[j];
    DelimiterSlot slot;
    if (piece.kind == Piece::Kind::kDelimiter) {
      slot.is_delimiter = true;
      slot.pair = piece.pair;
      slot.open = piece.open;
      slot.marker = piece.marker;
    } else if (piece.kind == Piece::Kind::kText) {
      append_escaped_text(piece.s, j == 0, slot.markdown);
    } else {
      slot.markdown = std::move(piece.s);
    }
    slots.push_back(std::move(slot));
  }
  return join_with_delimiters(slots);
}

std::string InlineMarkdown::code(std::size_t b, std::size_t e) const {
  std::string out;
  std::size_t i = b;
  while (i < e) {
    const char c = text_[i];
    if (c == '<' && names_ != nullptr) {
      std::size_t end = control_at(i);
      if (end != std::string_view::npos && end < e) {
        Control control = parse_control(text_.substr(i + 1, end - i - 1));
        if (control.kind == ControlKind::kUser) {
          out += '@' + name_of(control);
        } else if (control.kind == ControlKind::kConversation) {
          out += '#' + name_of(control);
        } else {
          append_control_text(control, *names_, out, nullptr);
        }
        i = end + 1;
        continue;
      }
    }
    if (c == '&' && names_ != nullptr) {
      Entity entity = entity_at(text_.substr(i, e - i));
      if (entity.size > 0) {
        out += entity.ch;
        i += entity.size;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace backscroll::ingest::slack
