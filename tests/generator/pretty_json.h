#pragma once
// Re-indents compact JSON (as core::JsonWriter produces it) in the layout of
// official Slack exports: 4-space indentation, one member per line, ": "
// after keys, empty containers kept as "[]" / "{}". core::JsonWriter stays the
// one JSON writer; this only moves whitespace.
// Example: {"a":[1,{}],"b":"x"} at indent 1 becomes
//     {
//         "a": [
//             1,
//             {}
//         ],
//         "b": "x"
//     }

#include <string>
#include <string_view>

namespace backscroll::generator {

// Appends `compact` re-indented, its first line indented by `indent` levels
// (no leading newline, no trailing newline). Input must be valid compact JSON.
void append_pretty(std::string& out, std::string_view compact, int indent);

}  // namespace backscroll::generator
