#pragma once
// The query language: query string -> Xapian::Query, in printable stages
//   1. tokens        (lexer.h)        [word deploy] [OR] [in:#ops]
//   2. syntax tree   (syntax_tree.h)  (OR deploy in:#ops)
//   3. resolution    (filters.h, free_text.h): each filter to ids and time
//      ranges, each word to the index's terms
//   4. the Xapian query, as get_description() prints it.
//
//   deploy failed          both words (AND is the default); words are matched
//                          by their stem ("failed" also finds "failing")
//   "deploy failed"        the phrase, words exactly as written
//   deploy -staging        AND NOT; "-staging" alone means every message without it
//   deploy OR release      either; AND, OR, NOT and parentheses; AND binds tighter
//   deploy*                every word starting with "deploy"
//   -in:#ops  -from:@ann   '-' (or NOT) before anything excludes it
//   in:, from:, with:, before:, after:, on:, during:, date:, is:, has:, kind:
//                          filters (filters.h lists their meaning)
//
// Compilation: in an AND group, words and phrases are AND-ed and rank the
// results (BM25); filters and groups without words only filter (OP_FILTER,
// no weight); negations are subtracted (AND_NOT). A group with nothing but
// negations starts from every message. Repeats of in:, from: or with: in one
// AND group mean any of them: "in:#ops in:#general" is either channel. In an
// OR group, filters count with weight 0.
//
//   deploy OR release in:#ops  -> Query((Zdeploy@1 OR (Zreleas@2 FILTER XCC3)))
//   (deploy OR release) in:#ops -> Query(((Zdeploy@1 OR Zreleas@2) FILTER XCC3))
//
// Errors are ErrorCode::kBadQuery with `where.column` set when one place in
// the query is at fault: an empty query, a syntax error (syntax_tree.h), an
// unknown conversation or person (with suggestions in the hint), a malformed
// date, a keyword without a value, a query with nothing to search for ("***").
//
// Internal to query/ (it exposes Xapian); outside query/, Searcher::explain()
// prints the stages.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "query/filters.h"

namespace backscroll::query {

class Directory;
class FreeText;

struct ParsedQuery {
  Xapian::Query query;
  // True when the query has a word to match (not only filters and negations),
  // so ranking by relevance means something.
  bool has_words = false;
  std::string tokens;                 // Stage 1, printed.
  std::string syntax;                 // Stage 2, printed.
  std::vector<std::string> resolved;  // Stage 3: one line per filter and word.
};

// `free_text` is reused between calls (it holds a TermGenerator).
[[nodiscard]] core::Result<ParsedQuery> parse_query(std::string_view text,
                                                    const FilterContext& context,
                                                    FreeText& free_text);

// Convenience for tests and tools: no index lookups, now = the current time.
[[nodiscard]] core::Result<ParsedQuery> parse_query(std::string_view text,
                                                    const Directory& directory);

}  // namespace backscroll::query
