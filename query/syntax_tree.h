#pragma once
// Stage two of the query language: tokens (lexer.h) -> a syntax tree.
//
// Grammar (AND binds tighter than OR; juxtaposition is AND):
//   query   := or
//   or      := and ("OR" and)*
//   and     := unary (["AND"] unary)*
//   unary   := ("NOT" | "-") unary | "+" unary | primary
//   primary := "(" or ")" | word | wildcard | phrase | keyword:value
//
// Filters written as modifiers apply to the whole query, as in Slack: a
// filter (or -filter, NOT filter) at the top level, outside parentheses and
// not next to AND or OR, is taken out first and AND-ed with the rest:
//   deploy OR release -in:#ops   ->  (AND (OR deploy release) (NOT in:#ops))
//   from:@ann OR in:#ops         ->  (OR from:@ann in:#ops)
//   deploy OR (release -in:#ops) ->  (OR deploy (AND release (NOT in:#ops)))
//
// Errors (kBadQuery, with the column of the offending token): an operator
// with nothing on one side ("deploy AND", "OR deploy"), "-" or NOT with
// nothing after it, an unmatched "(" or ")", empty parentheses.
// Internal to query/.

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.h"
#include "query/lexer.h"

namespace backscroll::query {

enum class NodeKind { kAnd, kOr, kNot, kWord, kWildcard, kPhrase, kFilter };

struct Node {
  NodeKind kind;
  std::string text;            // Leaves: word, wildcard prefix, phrase, filter value.
  std::string keyword;         // kFilter: "in", "from", ...
  std::size_t column = 0;      // 1-based column of the node's first token.
  std::vector<Node> children;  // kAnd, kOr: two or more; kNot: one.
};

[[nodiscard]] core::Result<Node> parse_tokens(const std::vector<Token>& tokens);

// S-expression: (AND deploy (NOT in:#ops) "out of disk" deploy*).
std::string describe(const Node& node);

}  // namespace backscroll::query
