#pragma once
// Stage one of the query language: the query string split into its free text,
// for Xapian's QueryParser, and its top-level filters, which apply to the
// whole query (so "deploy OR release in:#ops" means both words in #ops, not
// "deploy, or release in #ops" as Xapian alone would read it).
//
//   deploy OR release in:#ops -from:"Ann Lee"
//   -> text: [deploy] [OR] [release]   filters: in:#ops  -from:Ann Lee
//
// Items are separated by whitespace outside double quotes. An item is a filter
// when it is keyword:value (optionally preceded by '-' to exclude or '+') for a
// keyword in kKeywords, outside parentheses; a quoted value loses its quotes.
// Everything else is text, passed on unchanged. Stage two (parser.h) turns
// this into a Xapian::Query.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace backscroll::query {

struct Filter {
  std::string keyword;  // "in", "from", ...
  std::string value;    // "#ops", "Ann Lee"
  bool negated = false;
  std::size_t column = 0;  // 1-based column of the item in the query.
};

struct SplitQuery {
  std::vector<std::string> text;  // Free-text items in order.
  std::vector<Filter> filters;    // Top-level filters in order.
};

// kBadQuery for an empty query and for a keyword without a value ("in:"),
// which would otherwise silently become the word "in".
[[nodiscard]] core::Result<SplitQuery> split_query(std::string_view query);

// One line, e.g. `text: [deploy] [OR] [release] filters: in:#ops -from:Ann Lee`.
std::string describe(const SplitQuery& split);

}  // namespace backscroll::query
