#pragma once
// The scanning rules of Slack mrkdwn, shared by the plain-text converter
// (markup.h) and the Markdown one (markup_markdown.h), so both read a message
// the same way: the three entities, control sequences ("<...>") and which
// styling markers pair up. Internal to ingest/.
//
// Example: in "*hi* <@U1|bo> &amp; _x"
//   control_end(text, 5) -> 12 (the '>'), and parse_control("@U1|bo") ->
//   {kind user, target "U1", label "bo", has_label true};
//   entity_at("&amp; _x") -> {'&', 5};
//   find_styling_pairs(text) -> {{0, 3}}: the two '*' pair, the lone '_' does not.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace backscroll::ingest::slack {

// An entity Slack escapes: the character it stands for and its length in bytes.
struct Entity {
  char ch = '\0';
  std::size_t size = 0;  // 0: no entity.
};

// The entity (&amp; &lt; &gt;, nothing else) at the start of `text`, or size 0.
Entity entity_at(std::string_view text);

// Appends `text` with &amp; &lt; &gt; decoded; any other '&' stays as it is.
void append_decoded(std::string_view text, std::string& out);
std::string decoded(std::string_view text);

enum class ControlKind {
  kUser,          // <@U1> <@U1|name>: target is the user id.
  kConversation,  // <#C1> <#C1|name>: target is the conversation id.
  kSpecial,       // <!here> <!subteam^S1|@team>: target is the command after '!'.
  kLink,          // <https://x.io|label> <mailto:a@b>: target is the URL.
  kLabelOnly,     // <|label>: no target.
};

// One control sequence. The views point into the text given to parse_control
// and are not entity-decoded.
struct Control {
  ControlKind kind = ControlKind::kLink;
  std::string_view target;
  std::string_view label;  // After the first '|'; empty when there is none.
  bool has_label = false;
};

// Parses the text between '<' and '>' of a well-formed control sequence.
Control parse_control(std::string_view inner);

// For the '<' at `lt` in `text`, the position of the '>' that closes its control
// sequence, or npos when the '<' is malformed and stays text: no '>' follows, or
// another '<' or a newline comes first, or the sequence is empty ("<>").
std::size_t control_end(std::string_view text, std::size_t lt);

// A styling marker ('*', '_' or '~') at `open` and the same marker closing it at
// `close`, on the same line.
struct StylePair {
  std::size_t open = 0;
  std::size_t close = 0;
};

// The styling markers of `text` that pair up, ordered by opener. The rules (see
// markup.h): an opener follows the start, whitespace, an opening bracket or
// quote, or another marker, and precedes a non-space other than itself; its
// closer is the first same marker later on the line that follows a non-space and
// precedes the end, whitespace, closing punctuation or another marker. Nothing
// inside `code` or ```code``` pairs, and no pair spans a code span. Pairs may
// cross ("*a _b* c_" gives both). A closer is looked for at most
// kMaxStyledSpan bytes after its opener, so a long line full of openers costs
// linear time, not quadratic (a 40 KB line of "*a " took 0.5 s).
inline constexpr std::size_t kMaxStyledSpan = 1000;
std::vector<StylePair> find_styling_pairs(std::string_view text);

}  // namespace backscroll::ingest::slack
