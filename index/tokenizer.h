#pragma once
// Technical tokens: the rules that make ops text searchable the way engineers
// type it, beyond what Xapian's TermGenerator does on its own. index/TOKENS.md
// lists every rule with examples; this file is the one place that decides them.
//
// The TermGenerator (text_analysis.h) already splits "batch2.prod.example.com"
// into batch2 prod example com at consecutive positions, so the query side's
// phrase of the same parts matches; it keeps "10.0.3.17" and "disk_space"
// whole. What it cannot do, these functions add, from the raw text:
//
//   identifier parts  "OutOfMemoryError" -> text "Out Of Memory Error"
//                     "disk_space"       -> text "disk space"
//                     (indexed as text after the message, so "out of memory
//                     error" matches as words and as a phrase)
//   hex prefixes      "7cf4e0a9b1c2d3e4" -> terms 7cf4e0a 7cf4e0a9 ... 7cf4e0a9b1c2
//                     (7 to 12 characters, so short hashes find long ones)
//   IPv4 prefixes     "10.0.3.17"        -> terms 10.0 10.0.3
//   accent folding    "störung"          -> "storung" (fold_accents(), applied
//                     by the document builder to indexed words)
//
// Thread-safety: pure functions.

#include <string>
#include <string_view>
#include <vector>

namespace backscroll::index {

// Hex runs get prefixes of kMinHexPrefix..kMaxHexPrefix characters.
inline constexpr std::size_t kMinHexPrefix = 7;
inline constexpr std::size_t kMaxHexPrefix = 12;

// Splits one ASCII identifier at '_' and at case changes: before an upper-case
// letter that follows a lower-case letter or a digit ("outOf", "v2Api"), and
// before the last upper-case letter of a run followed by a lower-case one
// ("HTTPServer" -> "HTTP" "Server"). Digits never split ("ipv4", "batch2").
// Returns the parts when that changes anything, else an empty vector:
//   "OutOfMemoryError" -> {"Out", "Of", "Memory", "Error"}
//   "disk_space"       -> {"disk", "space"}
//   "__init__"         -> {"init"}
//   "deploy", "HTTP", "x" -> {}
std::vector<std::string_view> identifier_parts(std::string_view word);

// What find_technical_terms() adds to a message besides its text.
struct TechnicalTerms {
  // Identifier parts, one identifier per line, to index as text (positions,
  // stems) after the message's own text.
  std::string part_text;
  // Terms to add as they are, without positions: hex and IPv4 prefixes, lower case.
  std::vector<std::string> exact;

  void clear() {
    part_text.clear();
    exact.clear();
  }
  bool empty() const { return part_text.empty() && exact.empty(); }
};

// Scans `text` (UTF-8) and appends to `out`. Words are maximal runs of ASCII
// letters, digits and '_'; a run touching a non-ASCII byte ("Störung") is a
// word of some other script and left to the TermGenerator.
//   identifier parts: each word with identifier_parts()
//   hex prefixes:     each word of 8 to 64 hex digits with at least one digit
//                     and one letter: its prefixes of 7 to min(12, length - 1)
//   IPv4 prefixes:    each a.b.c.d (octets 0-255, not part of a longer dotted
//                     number): a.b and a.b.c
void find_technical_terms(std::string_view text, TechnicalTerms& out);

// Accent folding of one lower-case word: Latin letters with diacritics become
// their base letters ("störung" -> "storung", "café" -> "cafe", "ß" -> "ss",
// "æ" -> "ae", "œ" -> "oe", "ø" -> "o", "ł" -> "l"), combining marks
// (U+0300-U+036F) are dropped. Returns true and sets `out` when the word
// changes; false (and `out` unspecified) when there is nothing to fold.
bool fold_accents(std::string_view word, std::string& out);

}  // namespace backscroll::index
