#pragma once
// The query language: query string -> Xapian::Query, in two printable stages
// (query_split.h: string -> text + filters, printed by describe(); then this:
// -> Xapian::Query, printed by get_description()).
//
//   deploy failed          both words (AND is the default); plain words are
//                          stemmed ("failed" also finds "failing")
//   "deploy failed"        the phrase, words exactly as written
//   deploy -staging        AND NOT; "-staging" alone means every message without it
//   deploy OR release      either; AND, NOT and parentheses as in Xapian
//   in:#ops  from:@ann     filters (field_processors.h lists every keyword);
//                          outside parentheses they apply to the whole query:
//                          "deploy OR release in:#ops" = (deploy OR release) in #ops
//   before:/after:/on:YYYY-MM-DD   local days; before/after exclude the day itself
//
// Shape: (free text, or MatchAll when there is none) FILTER (filters)
// AND_NOT (negated filters), e.g. "in:#ops" -> Query((<alldocuments> FILTER XCC3)).
//
// Errors are ErrorCode::kBadQuery, never an empty result: an empty query, an
// unknown conversation or person (with suggestions in the hint), a malformed
// date, a keyword without a value, and Xapian's syntax errors. When the error
// is tied to one filter, `where.column` is its 1-based column.
//
// Internal to query/ (it exposes Xapian); outside query/, Searcher::explain()
// prints a parsed query.

#include <xapian.h>

#include <string_view>

#include "core/result.h"

namespace backscroll::query {

class Directory;

struct ParsedQuery {
  Xapian::Query query;
  // True when the query has a word to match (not only filters and negations),
  // so ranking by relevance means something.
  bool has_words = false;
};

[[nodiscard]] core::Result<ParsedQuery> parse_query(std::string_view text,
                                                    const Directory& directory);

}  // namespace backscroll::query
