#pragma once
// Snippets. A Hit's snippet is HTML: the message text escaped (&amp; &lt;
// &gt;), cut to about 200 bytes around the best match ("…" where cut), with
// <mark>…</mark> around matched words. Terminals want it plain.

#include <string>
#include <string_view>

namespace backscroll::query {

inline constexpr std::string_view kMarkStart = "<mark>";
inline constexpr std::string_view kMarkEnd = "</mark>";
inline constexpr std::string_view kSnippetOmit = "…";
inline constexpr std::size_t kSnippetBytes = 200;

// Decodes HTML entities (&amp; &lt; &gt; &quot; &#39; &#NN; &#xNN;) and turns
// marks into ANSI bold ("\x1b[1m" … "\x1b[0m") when `ansi`, or removes them.
std::string snippet_to_terminal(std::string_view snippet, bool ansi);

}  // namespace backscroll::query
