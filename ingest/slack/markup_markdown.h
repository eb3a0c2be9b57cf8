#pragma once
// Slack mrkdwn to Markdown (CommonMark plus GFM's ~~strikethrough~~), for the
// documents backscroll makes from threads (query/markdown_document.h). The
// plain-text converter (markup.h) and this one share the scanning rules of
// markup_scan.h: the same control sequences, entities and styling pairs.
//
// Example, with U1 named "bastian" and C1 named "ops":
//   "*Disk full* on <#C1>, <@U1> see <https://x.io?a=1&amp;b=2|the doc> :fire:"
//   -> "**Disk full** on #ops, @bastian see [the doc](https://x.io?a=1&b=2) 🔥"
//
// Inline:
//   *bold* -> **bold**, _italic_ -> _italic_, ~strike~ -> ~~strike~~ (paired
//   as markup.h pairs them; unpaired markers are escaped: "2*3*4" -> "2\*3\*4").
//   A pair becomes Markdown only where CommonMark reads it as that pair (see
//   markdown_delimiters.h): of crossing pairs the later opened stays text, an
//   italic that cannot end before an emoji is written *italic*, and a pair that
//   would still be misread shows its markers escaped.
//   `code` kept verbatim (entities decoded, control sequences as their plain
//   text; a code span holding a backtick gets a longer fence; "``" is text)
//   <@U1> -> @name (the directory's current name, else the label, else the id;
//   also inside code, so anonymized names hold everywhere)
//   <#C1> -> #name (same order); <!here> -> @here; other <!...> as markup.h
//   <url|label> -> [label](url); <url> and <url|url> -> <url> (an autolink;
//   [url](url) when the url cannot be one); <mailto:a@b|a@b> -> <a@b>. In a
//   destination, what it cannot hold is percent-encoded as in markdown_link:
//   <https://x.io/a b|doc> -> [doc](https://x.io/a%20b).
//   :shortcode: -> its emoji (emoji.h) when known, else kept; skin tones apply
//   &amp; &lt; &gt; decoded; then characters Markdown would read as syntax are
//   backslash-escaped (see markdown_text.h): \ ` * _ ~ [ ] <, '_' unless
//   inside a word, '&' before a character reference ("&copy;" stays text), '!'
//   before a link; at the start of a line also what would begin a block:
//   "# " headings, "+ " and "- " items, '>', "1)" and "1." items, lines of only
//   '-' or '=' (rules, heading underlines)
// Blocks:
//   ```code``` (also mid-line) -> a fenced block on its own lines; a first
//   line that is one word ([A-Za-z0-9_+#.-], up to 32) followed by a newline
//   ("```python\n") is its language; else one leading and one trailing newline
//   of the code are dropped. An unclosed ``` is text.
//   &gt; quoted line -> "> quoted" (one space after the marker dropped);
//   &gt;&gt;&gt; quotes the rest of the text. A raw '>' is text.
//   lines starting "• ", "◦ ", "▪ ", "- ", "* " -> "- " list items (leading
//   spaces: nesting, two per level, a tab counting two, at most one level
//   deeper than the item before; an empty item does not nest); "1. " ordered
//   items are kept (they do not nest)
//   other line breaks inside a paragraph -> hard breaks ("\" at line end);
//   a blank line separates blocks of different kinds (">" inside a quote);
//   runs of blank lines -> one; leading and trailing blanks of a line dropped
// Malformed markup is escaped text, never dropped. The result has no leading
// or trailing blank lines and no trailing newline.

#include <string>
#include <string_view>

#include "ingest/name_directory.h"

namespace backscroll::ingest::slack {

// Markdown for the mrkdwn `text` of a message.
std::string mrkdwn_to_markdown(std::string_view mrkdwn, const NameDirectory& names);

// Markdown that shows `text` (already plain: attachment text, file names,
// people's names) literally: escaped as above, line breaks kept as hard breaks,
// emoji shortcodes converted.
std::string plain_to_markdown(std::string_view text);

// "[label](url)" for `label` already in Markdown; characters a link destination
// cannot hold (space, control characters, < > ( ) \) percent-encoded, and a
// '&' that would start a character reference written "&amp;".
std::string markdown_link(std::string_view label_markdown, std::string_view url);

}  // namespace backscroll::ingest::slack
