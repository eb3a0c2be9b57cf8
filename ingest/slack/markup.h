#pragma once
// Slack mrkdwn to plain text. The scanning rules (control sequences, entities,
// styling pairs) live in markup_scan.h, shared with the Markdown converter
// (markup_markdown.h).
//
// Control sequences in angle brackets are resolved first, then the three entities
// Slack escapes (&amp; &lt; &gt;) are decoded (nothing else: "&quot;" stays), then
// styling markers are removed. Example, with U1 named "bastian":
//   "*Hi* <@U1>, see <https://x.io?a=1&amp;b=2|the doc> &lt;3"
//   -> "Hi @bastian, see the doc (https://x.io?a=1&b=2) <3", links {"https://x.io?a=1&b=2"}
//
// Control sequences:
//   <@U1> -> "@" + user's shown name (unknown id: "@U1");  <@U1|name> -> "@name"
//   <#C1> -> "#" + conversation name (unknown: "#C1");      <#C1|name> -> "#name"
//   <!here> <!channel> <!everyone> (also <!here|here>)      -> "@here" ...
//   <!subteam^S1|@team> -> "@team" (no label: "@S1")
//   <!date^1392734382^{date_short}|Feb 18> -> "Feb 18" (no label: the epoch digits)
//   other <!word|label> -> label, else "word"
//   <url|label> -> "label (url)"; <url> and <url|url> -> "url"
//   <mailto:a@b|a@b> -> "a@b"; <mailto:a@b|Mail> -> "Mail (a@b)"
// Malformed markup is kept as text: "<" without ">", "<>", and a "<" followed by
// another "<" or a newline before any ">".
//
// Styling: *bold*, _italic_ and ~strike~ markers are removed when they come in
// pairs at word boundaries on one line (an opener follows the start, whitespace, an
// opening bracket or quote, or another marker, and precedes a non-space; a closer
// mirrors it, at most 1,000 bytes further: markup_scan.h), and never inside `code`. So "~*_random_*~" -> "random", while
// "snake_case_name", "2*3*4", "a * b" and ":white_check_mark:" stay as they are.
// Backticks are kept (they are harmless for search).

#include <string>
#include <string_view>
#include <vector>

#include "ingest/name_directory.h"
#include "ingest/slack/markup_scan.h"

namespace backscroll::ingest::slack {

// Appends the plain text of `mrkdwn` to `out`. URLs of links go to `links` (when not
// null), entity-decoded, each once.
void append_mrkdwn_text(std::string_view mrkdwn, const NameDirectory& names, std::string& out,
                        std::vector<std::string>* links);

// Appends the plain text of one control sequence, as listed above; a link's URL
// goes to `links` as in append_mrkdwn_text.
void append_control_text(const Control& control, const NameDirectory& names, std::string& out,
                         std::vector<std::string>* links);

// Convenience form of append_mrkdwn_text.
std::string mrkdwn_to_text(std::string_view mrkdwn, const NameDirectory& names,
                           std::vector<std::string>* links = nullptr);

// Removes paired styling markers in `text` (see the file comment), in place.
void strip_styling(std::string& text);

}  // namespace backscroll::ingest::slack
