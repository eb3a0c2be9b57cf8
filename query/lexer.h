#pragma once
// Stage one of the query language: the query string cut into tokens, each
// with its 1-based column (for errors and --explain).
//
//   deploy* OR "out of disk" -in:#ops from:"Ann Lee" (a AND NOT b)
//   -> [word deploy*] [OR] [phrase out of disk] [-] [in:#ops] [from:Ann Lee]
//      [(] [word a] [AND] [NOT] [word b] [)]
//
// Rules:
//   - Tokens are separated by whitespace; '(' and ')' are tokens of their own
//     wherever they appear outside quotes.
//   - "..." is a phrase; an unterminated quote is an error at its column.
//   - '-' or '+' at the start of a token (followed by something) is a token of
//     its own: `-word`, `-in:#ops`, `-(a OR b)`. Inside a word it is part of it
//     (`feature/dat-220`).
//   - AND, OR, NOT in capitals are operators; in lower case they are words.
//   - keyword:value for a keyword in kKeywords (case-insensitive) is a filter;
//     the value may be quoted (`from:"Ann Lee"`). A keyword with no value is an
//     error. Any other word with a colon is a word (`http://x`, `foo:bar`).
//   - A word ending in '*' is a wildcard (prefix before the '*').
// Internal to query/.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace backscroll::query {

enum class TokenKind {
  kWord,
  kWildcard,  // text: the prefix, without '*'.
  kPhrase,    // text: inside the quotes.
  kFilter,    // keyword + text (the value, quotes removed).
  kAnd,
  kOr,
  kNot,
  kMinus,
  kPlus,
  kOpen,
  kClose,
};

struct Token {
  TokenKind kind;
  std::string text;
  std::string keyword;     // kFilter only: the keyword as in kKeywords ("in").
  std::size_t column = 0;  // 1-based byte column of the token's first character.
};

// kBadQuery (with column) for an unterminated quote and a keyword without a value.
[[nodiscard]] core::Result<std::vector<Token>> tokenize(std::string_view query);

// One line: "[word deploy*] [OR] [phrase out of disk] [-] [in:#ops]".
std::string describe(const std::vector<Token>& tokens);

}  // namespace backscroll::query
