#pragma once
// Text analysis: the ONE place that decides how free text becomes terms. The
// document builder configures its TermGenerator here and query/ configures its
// QueryParser or TermGenerator here, so what is indexed and what is searched
// always agree. The rules for technical tokens (host names, hashes, camelCase,
// accents) are in tokenizer.h; index/TOKENS.md lists all rules with examples;
// text_query.h turns query words into queries under the same rules.
//
//   - Stemmer: the index's language (language.h; English by default).
//     "disks" is indexed as "disks" (with positions, for phrases) and as the
//     stem "Zdisk" (without positions).
//   - Stem strategy: STEM_SOME on both sides: unstemmed terms are kept, stems
//     carry Xapian's "Z" prefix; words starting with a digit get no stem.
//   - Case: everything lower-cased (Unicode), by Xapian.
//   - CJK: spans of Chinese, Japanese and Korean characters are split into
//     unigrams (with positions) and bigrams (FLAG_CJK_NGRAM), since they have no
//     spaces between words.
//   - Words longer than kMaxWordLength bytes are not indexed (base64, hashes).
//
// Thread-safety: the functions are pure; each thread configures its own
// TermGenerator / QueryParser (Xapian objects are not shared between threads).

#include <xapian.h>

#include <string>
#include <string_view>

#include "core/result.h"
#include "index/language.h"

namespace backscroll::index {

inline constexpr unsigned kMaxWordLength = 64;

// The stemmer for free text in `language`.
Xapian::Stem make_stemmer(const Language& language = Language());

// Sets stemmer, stemming strategy, CJK n-gram flag and maximum word length.
void configure_term_generator(Xapian::TermGenerator& generator,
                              const Language& language = Language());

// Sets stemmer and stemming strategy on a query parser. The parser's flags are
// passed to parse_query(), not stored: OR kQueryParserFlags into them.
void configure_query_parser(Xapian::QueryParser& parser, const Language& language = Language());
inline constexpr unsigned kQueryParserFlags = Xapian::QueryParser::FLAG_CJK_NGRAM;

// Whether STEM_SOME gives `term` (lower case) a "Z" stem: when it starts with
// a letter (not a digit or a symbol), as Xapian decides it.
bool gets_stem(std::string_view term);

// Adds `term` to `doc` without positions (wdf 1), and its "Z" stem when
// gets_stem(term): an extra term that matches a query word exactly as a word
// indexed from text would.
void add_unpositioned_word(Xapian::Document& doc, const std::string& term,
                           const Xapian::Stem& stemmer);

// The language the index `db` (open_reader()) was built with, from its
// kMetaLanguage metadata, for configuring the query side. kCorrupt, with a
// hint to run `backscroll reindex`, when the index has another schema version
// (kMetaSchemaVersion) or no language recorded; Xapian errors are translated.
[[nodiscard]] core::Result<Language> index_language(const Xapian::Database& db);

}  // namespace backscroll::index
