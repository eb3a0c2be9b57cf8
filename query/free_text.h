#pragma once
// Free text of a query -> Xapian queries. Words and phrases go through
// index::TextQuery (index/text_query.h), configured with the index's language,
// so queries are tokenized by exactly the rules the index was built with
// (stemming, CJK n-grams, technical tokens, case and accent folding); query/
// has no tokenization rules of its own. This adds wildcards:
//
//   deploy*  -> WILDCARD OR deploy   every indexed word with that prefix, at
//               most kMaxWildcardTerms of them (more is a kBadQuery error
//               raised when the search runs, see search.cc)
//
// A text with no indexable word ("***", "-") gives an empty Xapian::Query.
// Internal to query/. Not thread-safe: one FreeText per thread.

#include <xapian.h>

#include <string_view>

#include "core/result.h"
#include "index/language.h"
#include "index/text_query.h"

namespace backscroll::query {

inline constexpr Xapian::termcount kMaxWildcardTerms = 1000;

class FreeText {
 public:
  explicit FreeText(const index::Language& language = index::Language()) : text_(language) {}

  // `position` numbers query terms (as Xapian's QueryParser does: 1, 2, ...);
  // each call advances it past the terms it used.
  Xapian::Query word(std::string_view text, Xapian::termpos& position) {
    return text_.word(text, position);
  }
  Xapian::Query phrase(std::string_view text, Xapian::termpos& position) {
    return text_.phrase(text, position);
  }
  // kBadQuery when the prefix is not exactly one indexed word ("a.b*").
  core::Result<Xapian::Query> wildcard(std::string_view prefix, Xapian::termpos& position);

 private:
  index::TextQuery text_;
};

}  // namespace backscroll::query
