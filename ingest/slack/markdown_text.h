#pragma once
// Markdown for literal text, code and links (internal to ingest/): the escaping
// rules of markup_markdown.h in one place. All output is CommonMark that shows
// exactly the given text (or code, or link), whatever characters it holds.
//
//   append_escaped_text("# 2*3 [x] snake_case", true, out) -> "\# 2\*3 \[x\] snake_case"
//   append_code_span("a`b", out) -> "``a`b``"
//   append_link("the doc", "https://x.io/a b", out) -> "[the doc](https://x.io/a%20b)"

#include <string>
#include <string_view>

namespace backscroll::ingest::slack {

// Appends `text` so that Markdown shows it literally: '\' '`' '*' '[' ']' '<' '~'
// always get a backslash, '_' unless between two ASCII letters or digits, '&'
// when it would start a character reference ("&copy;" "&#169;"). With
// `line_start`, what would begin a block also gets one: a '#' run followed by a
// space or the end, '+' or '-' followed by a space or the end, '>', a run of
// only '-' or only '=' (a rule or heading underline), and the '.' or ')' of
// "1." / "1)" followed by a space or the end. A carriage return becomes a space.
void append_escaped_text(std::string_view text, bool line_start, std::string& out);

// A run of backticks longer than any in `code`, and at least `shortest` long:
// a fence that `code` cannot close.
std::string code_fence(std::string_view code, std::size_t shortest);

// Appends a code span showing `code` (one line) verbatim: the fence is one
// backtick longer than the longest backtick run inside, and a space pads both
// sides when the code starts or ends with a backtick, or starts and ends with a
// space. Empty code appends nothing.
void append_code_span(std::string_view code, std::string& out);

// Appends `url` as a link destination: space, control characters, '<', '>',
// '(', ')' and '\' percent-encoded (so no angle brackets are needed and no
// parenthesis ends the link early), and a '&' that would start a character
// reference written "&amp;" (percent-encoding it would change a query string).
// "https://x.io/a b?q=(1)" -> "https://x.io/a%20b?q=%281%29"
void append_link_destination(std::string_view url, std::string& out);

// Appends "[label](url)", the label escaped with append_escaped_text.
void append_link(std::string_view label, std::string_view url, std::string& out);

// Appends an autolink "<url>" when CommonMark reads `url` as one (a scheme, ':',
// no space, control character, '<', '>' or character reference); for "mailto:"
// URLs "<address>" when the address is one CommonMark recognizes. Otherwise
// appends append_link(url, url) (the address without "mailto:" as label).
void append_autolink(std::string_view url, std::string& out);

}  // namespace backscroll::ingest::slack
