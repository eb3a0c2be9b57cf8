#pragma once
// What each keyword:value (keywords.h) means as a Xapian query, with a line
// saying how it was resolved (for --explain). Internal to query/.
//
//   in:#ops            -> XC<id>                      channel by id, name or former name
//   in:@ann            -> XC<dm> ...                  the DMs with that person
//   in:@ann,@bastian   -> XC<id> ...                  DMs and group DMs with all of them
//   from:@ann          -> XA<id> [OR ...]             every person matching (directory.h),
//   from:pagerduty     -> XBpagerduty                 else a bot by the name it posts under
//   with:@ann          -> XC<dm or group dm> OR XT<thread> ...   where ann took part
//   before:/after:/on:/during:/date:   -> VALUE_LE / VALUE_GE / VALUE_RANGE on the time slot
//   is:thread|reply|bot|edited         -> XI<value>
//   has:link|file|reaction|attachment|pin -> XH<value>;  has::tada: -> XR<tada>
//   kind:bot                           -> XK<value>
//
// Errors (kBadQuery): an unknown conversation or person (close names in the
// hint), a malformed date, a value outside a keyword's list; the archive's
// errors when bot names are looked up. Xapian errors propagate as exceptions.

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace backscroll::query {

class Directory;
class IndexLookups;

struct FilterContext {
  const Directory& directory;
  std::int64_t now = 0;             // Epoch seconds: what today/yesterday are relative to.
  IndexLookups* lookups = nullptr;  // None: no bot names, with: covers DMs only.
};

struct ResolvedFilter {
  Xapian::Query query;
  std::string explanation;  // e.g. "in:#ops -> conversation C3 (#ops)"
};

[[nodiscard]] core::Result<ResolvedFilter> resolve_filter(std::string_view keyword,
                                                          const std::string& value,
                                                          const FilterContext& context);

}  // namespace backscroll::query
