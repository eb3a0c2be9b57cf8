#pragma once
// Emoji shortcodes (Slack's names without colons) to Unicode, from the table
// of Debian's node-emoji package (gemoji names, as Slack uses them), embedded
// at build time. Thread-safe: the table is built once, on first use.
//
//   emoji_for("fire") -> "🔥";  emoji_for("+1::skin-tone-2") -> "👍🏻"
//   emoji_for("partyparrot") -> nullopt (a custom emoji)

#include <optional>
#include <string>
#include <string_view>

namespace backscroll::ingest::slack {

// The emoji for `shortcode` (no colons), or nullopt when the name is unknown.
// A "::skin-tone-N" suffix (N = 2..6) adds the modifier U+1F3FB..U+1F3FF after
// the base emoji's first code point, where Unicode puts it; for one-code-point
// emoji that is appending ("👍🏻"), and "v::skin-tone-3" gives "✌🏼" (the base's
// variation selector U+FE0F gives way). Any other suffix: nullopt.
std::optional<std::string> emoji_for(std::string_view shortcode);

}  // namespace backscroll::ingest::slack
