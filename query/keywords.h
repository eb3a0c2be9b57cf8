#pragma once
// The query keywords ("in:", "from:", ...): the one list the lexer, the
// filters (filters.h), error messages and --help read. Each schema field with
// a keyword (index/schema.h kFields) appears here; a unit test checks it.
// Internal to query/.

#include <string_view>

namespace backscroll::query {

struct Keyword {
  std::string_view name;
  std::string_view example;  // For error messages.
  bool repeats_or;           // Repeats in one AND group mean any of them (else all).
  std::string_view help;     // One line for --help.
};

inline constexpr Keyword kKeywords[] = {
    {"in", "in:#general", true, "in:#channel in:@person in:@a,@b  in a channel, DM or group DM"},
    {"from", "from:@name", true, "from:@person from:botname  by a person (any name or id) or bot"},
    {"with", "with:@name", true, "with:@person  in threads or DMs that person took part in"},
    {"before", "before:2020-10-01", false, "before:DATE  before that day/month/year (exclusive)"},
    {"after", "after:2020-10-01", false, "after:DATE  after that day/month/year (exclusive)"},
    {"on", "on:2020-10-01", false, "on:DATE  on that day (or month, year)"},
    {"during", "during:2020-10", false, "during:DATE  during that month (or day, year)"},
    {"date", "date:2020-10-01..2020-10-31", false,
     "date:A..B  from A to B inclusive, either side optional"},
    {"is", "is:thread", false, "is:thread|reply|bot|edited"},
    {"has", "has:link", false, "has:link|file|reaction|pin|attachment  has::emoji-name:"},
    {"kind", "kind:bot", false, "kind:plain|bot|join|...  messages of one kind"},
};

// nullptr when `name` (compared case-insensitively) is not a keyword.
const Keyword* find_keyword(std::string_view name);

// DATE above: YYYY, YYYY-MM, YYYY-MM-DD, today or yesterday, in the local time zone.
inline constexpr std::string_view kDateHelp =
    "dates are YYYY, YYYY-MM, YYYY-MM-DD, today or yesterday, e.g. 2020-10-01";

}  // namespace backscroll::query
