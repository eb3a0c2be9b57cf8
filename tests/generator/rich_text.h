#pragma once
// RichText: a message body held once and rendered twice, the way Slack does
// for human messages: as mrkdwn in `text` (with &amp; &lt; &gt; escaping and
// <@U…>, <#C…|name>, <url|label> control sequences) and as a `rich_text`
// block whose leaves are NOT entity-escaped.
// Example: the inline list [text "p99 > 2s on ", code "batch2", user U1]
// renders as "p99 &gt; 2s on `batch2` <@U1>" and as three block leaves
// {"type":"text","text":"p99 > 2s on "}, {"type":"text","text":"batch2",
// "style":{"code":true}}, {"type":"user","user_id":"U1"}.

#include <string>
#include <string_view>
#include <vector>

#include "core/json_writer.h"

namespace backscroll::generator {

struct Inline {
  enum class Kind { kText, kUser, kChannel, kLink, kEmoji, kBroadcast };
  Kind kind = Kind::kText;
  std::string text;    // kText: the text; kChannel: name; kLink: label (may be
                       // empty); kEmoji: shortcode; kBroadcast: "here"/"channel".
  std::string target;  // kUser/kChannel: the id; kLink: URL; kEmoji: unicode hex.
  bool bold = false;
  bool italic = false;
  bool code = false;
};

struct Paragraph {
  enum class Kind { kSection, kPreformatted, kQuote, kList };
  Kind kind = Kind::kSection;
  std::vector<Inline> inlines;             // kSection, kQuote.
  std::string code;                        // kPreformatted.
  std::vector<std::vector<Inline>> items;  // kList (bullets).
};

struct RichText {
  std::vector<Paragraph> paragraphs;
};

// Appends `s` with Slack's three escapes (& < >).
void append_escaped(std::string& out, std::string_view s);

// The mrkdwn `text` of a message.
std::string to_mrkdwn(const RichText& rt);

// Writes one {"type":"rich_text","block_id":…,"elements":[…]} value.
void write_rich_text_block(core::JsonWriter& w, const RichText& rt, std::string_view block_id);

}  // namespace backscroll::generator
