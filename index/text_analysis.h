#pragma once
// Text analysis: the ONE place that decides how free text becomes terms. The
// document builder configures its TermGenerator here and query/ configures its
// QueryParser here, so what is indexed and what is searched always agree.
//
//   - Stemmer: English (Snowball). "disks" is indexed as "disks" (with
//     positions, for phrases) and as the stem "Zdisk" (without positions).
//   - Stem strategy: STEM_SOME on both sides: unstemmed terms are kept, stems
//     carry Xapian's "Z" prefix; the query parser stems plain words and matches
//     quoted phrases and capitalised words exactly.
//   - CJK: spans of Chinese, Japanese and Korean characters are split into
//     unigrams (with positions) and bigrams (FLAG_CJK_NGRAM), since they have no
//     spaces between words.
//   - Words longer than kMaxWordLength bytes are not indexed (base64, hashes).
//
// Thread-safety: the functions are pure; each thread configures its own
// TermGenerator / QueryParser (Xapian objects are not shared between threads).

#include <xapian.h>

namespace backscroll::index {

inline constexpr const char* kStemLanguage = "english";
inline constexpr unsigned kMaxWordLength = 64;

// The stemmer used for free text.
Xapian::Stem make_stemmer();

// Sets stemmer, stemming strategy, CJK n-gram flag and maximum word length.
void configure_term_generator(Xapian::TermGenerator& generator);

// Sets stemmer and stemming strategy on a query parser. The parser's flags are
// passed to parse_query(), not stored: OR kQueryParserFlags into them.
void configure_query_parser(Xapian::QueryParser& parser);
inline constexpr unsigned kQueryParserFlags = Xapian::QueryParser::FLAG_CJK_NGRAM;

}  // namespace backscroll::index
