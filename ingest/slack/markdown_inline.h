#pragma once
// Slack mrkdwn (or plain text) to Markdown inline content, one line at a time
// (internal to ingest/). markup_markdown.cc splits the text into lines and code
// blocks and asks this for each line's content and each block's code.
//
// Preparing "*Hi* <@U1>_x_" finds the control sequence (masked() reads
// "*Hi* xxxxx_x_", the same length, so code and lines are found on text where no
// control sequence can hide a backtick or a newline) and the styling pairs on
// the masked text: the two '*' pair; the '_' do not, as a letter precedes the
// first. line(0, 13), with U1 named "bastian", then gives "**Hi** @bastian_x\_"
// (a '_' between letters stays as it is: CommonMark does not read it).
//
// Styling pairs become Markdown delimiters only where CommonMark reads them as
// the same pair: pairs that cross another pair are dropped (the later opened),
// and a delimiter that would fuse with a neighbouring one of the same character
// or whose neighbours keep CommonMark from opening or closing there (an
// "_italic_" against an emoji, say) is retried as "*italic*" and otherwise
// shown as an escaped marker. Characters outside ASCII whose class (space,
// punctuation, other) is not known count as either punctuation or other, and a
// delimiter must work in both readings.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/name_directory.h"
#include "ingest/slack/markup_scan.h"

namespace backscroll::ingest::slack {

class InlineMarkdown {
 public:
  // Prepares mrkdwn: control sequences, entities, styling pairs, `code` spans
  // and emoji shortcodes. `mrkdwn` and `names` must outlive this.
  InlineMarkdown(std::string_view mrkdwn, const NameDirectory& names);
  // Prepares plain text, where only emoji shortcodes are markup. `text` must
  // outlive this.
  explicit InlineMarkdown(std::string_view text);

  // The text with each control sequence replaced by as many letters.
  std::string_view masked() const { return masked_; }

  // Markdown for text[b, e), a line or the part of one between code blocks:
  // leading and trailing whitespace trimmed, escaped as at the start of a line.
  // Empty when nothing but whitespace is there.
  std::string line(std::size_t b, std::size_t e) const;

  // text[b, e) as code shows it: control sequences as plain text (names as in
  // line()), entities decoded, everything else verbatim.
  std::string code(std::size_t b, std::size_t e) const;

 private:
  struct Piece;
  void add_pieces(std::size_t b, std::size_t e, std::vector<Piece>& pieces) const;
  void add_control(const Control& control, std::vector<Piece>& pieces) const;
  // Appends to the last piece when it is text, else as a new text piece.
  static void append_text(std::vector<Piece>& pieces, std::string_view s);
  // The end of a known emoji shortcode starting at the ':' at `i` (before `e`)
  // and the emoji, or {i, ""}.
  std::pair<std::size_t, std::string> emoji_at(std::size_t i, std::size_t e) const;
  // The control sequence starting at `i`: its '>' position, or npos.
  std::size_t control_at(std::size_t i) const;
  std::string name_of(const Control& control) const;

  std::string_view text_;
  const NameDirectory* names_ = nullptr;  // Null for plain text.
  std::string masked_;
  std::vector<std::pair<std::size_t, std::size_t>> controls_;  // '<' and '>' positions.
  std::vector<StylePair> pairs_;  // Properly nested pairs, ordered by opener.
  std::vector<int> pair_at_;      // Per position: index into pairs_, or -1. Empty: no pairs.
};

}  // namespace backscroll::ingest::slack
