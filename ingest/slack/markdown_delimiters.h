#pragma once
// Turning Slack's styling pairs into Markdown emphasis delimiters that
// CommonMark (with GFM's "~~") pairs exactly as Slack did (internal to ingest/).
//
// A line arrives as slots: finished Markdown and the markers of styling pairs,
// which nest properly. Each pair becomes "**bold**", "_italic_" or
// "~~strike~~" when CommonMark's flanking rules, applied to the characters that
// end up beside each delimiter, let its opener open and its closer close, no
// delimiter touches another of the same character (they would fuse into one
// run), and an opener inside a pair of the same character cannot close that
// pair instead. An italic that fails is retried as "*italic*"; a pair that
// still fails shows its markers as escaped text ("\*"). Repeats until stable.
//
//   {'_' open, "b", '_' close, ","}  -> "_b_,"
//   {'_' open, "b", '_' close, "🔥"} -> "*b*🔥" ('_' cannot close before a letter-like character)
//   {'*' open, "a", '*' close, '*' open, "b", '*' close} -> "\*a\***b**" (no "****")
//
// The characters beside a delimiter are found as cmark-gfm finds them: for '*'
// and '_' it looks past any '~' (the strikethrough extension's character), so
// "**.,**~~b~~" has no closer before "~~b" ({'*' open, ".,", '*' close, '~'
// open, "b", '~' close} -> "\*.,\*~~b~~"). Their classes: the start of the
// line, ASCII whitespace and Unicode space separators are spaces, ASCII
// punctuation is punctuation; the end of the line may be a space or the '\'
// of a hard break, and any other non-ASCII character may be punctuation or not
// (CommonMark versions differ on symbols such as emoji). A delimiter must work
// in every reading.

#include <cstddef>
#include <string>
#include <vector>

namespace backscroll::ingest::slack {

struct DelimiterSlot {
  bool is_delimiter = false;
  std::string markdown;  // Not a delimiter: finished Markdown.
  std::size_t pair = 0;  // Delimiter: its pair's id (any number, same for both ends).
  bool open = false;     // Delimiter: the pair's opener.
  char marker = '\0';    // Delimiter: '*', '_' or '~'.
};

// The slots' Markdown, joined. A '!' right before a "[link]" is escaped so it
// does not make an image. A pair with only one end among the slots is text.
std::string join_with_delimiters(const std::vector<DelimiterSlot>& slots);

}  // namespace backscroll::ingest::slack
