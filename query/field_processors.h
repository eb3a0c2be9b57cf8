#pragma once
// Query keywords (internal to query/): the filter each "keyword:value" means.
//
//   in:#ops           -> XC<conversation id>          (via Directory)
//   from:@bastian     -> XA<user id> [OR XA<id> ...]   (every matching person)
//   is:thread         -> XIthread    (also reply, bot, edited)
//   has:link          -> XHlink      (also file, reaction, attachment, pin)
//   kind:bot          -> XKbot       (any message_kind_name)
//   after:2020-10-01  -> VALUE_GE time >= local start of 2020-10-02
//   before:2020-10-01 -> VALUE_LE time <  local start of 2020-10-01
//   on:2020-10-01     -> VALUE_RANGE [start of 10-01, start of 10-02)
//
// before/after are exclusive of the named day, as in Slack. Days are local
// (core::local_day_start). Repeats of in: or from: mean any of them (OR);
// repeats of the other keywords must all hold (AND).
//
// The parser applies top-level filters itself (parser.cc). Filters nested in
// parentheses reach Xapian's QueryParser, which calls the FieldProcessors
// registered by add_field_processors(); on bad input these record the
// core::Error in a ParseErrorSlot, then throw Xapian::QueryParserError so
// Xapian stops, and the parser reports the recorded error with its hint.

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"

namespace backscroll::query {

class Directory;

struct Keyword {
  std::string_view name;
  std::string_view example;  // For error messages and --help.
  bool repeats_or;           // Repeats OR together (else AND).
};
inline constexpr Keyword kKeywords[] = {
    {"in", "in:#general", true},
    {"from", "from:@name", true},
    {"before", "before:2020-10-01", false},
    {"after", "after:2020-10-01", false},
    {"on", "on:2020-10-01", false},
    {"is", "is:thread", false},
    {"has", "has:link", false},
    {"kind", "kind:bot", false},
};
const Keyword* find_keyword(std::string_view name);

// The filter `keyword:value` means. kBadQuery for an unknown name, a malformed
// date or a value outside a keyword's list; kInternal for an unknown keyword.
[[nodiscard]] core::Result<Xapian::Query> filter_query(std::string_view keyword,
                                                       const std::string& value,
                                                       const Directory& directory);

struct ParseErrorSlot {
  std::optional<core::Error> error;
  std::string keyword;  // The keyword whose value failed, e.g. "in".
  std::string value;    // The value as Xapian passed it.
};

// Registers every keyword on `parser` as a boolean prefix. `directory` and
// `slot` must outlive every parse_query() call on `parser`.
void add_field_processors(Xapian::QueryParser& parser, const Directory& directory,
                          ParseErrorSlot& slot);

}  // namespace backscroll::query
