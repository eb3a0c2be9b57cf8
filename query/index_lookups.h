#pragma once
// Lookups the query filters need from the index itself, not the Directory:
//
//   - Bot names (from:pagerduty). A bot message's author id is often a bot id
//     (B...) with no user behind it; people know it by the name it posts
//     under (Message::author_name), which the index keeps as an XB term
//     (index::bot_name_term). has_term() tells whether a name was ever used;
//     bot_names() lists them for suggestions.
//   - Bot names for facets: the name a bot author id posts as, from the first
//     message indexed under it (loaded from the archive), cached per id.
//   - Thread participation (with:@person): the XT terms of threads in which
//     the person posted, read from the termlists of that person's thread
//     messages (XA<id> AND XIthread).
//
// Xapian errors propagate as exceptions (the Searcher translates them).
// Internal to query/. Not thread-safe (one per Searcher, under its mutex).

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"

namespace backscroll::store {
class Archive;
}

namespace backscroll::query {

class IndexLookups {
 public:
  IndexLookups(const Xapian::Database& db, const store::Archive& archive)
      : db_(db), archive_(archive) {}

  bool has_term(const std::string& term) const { return db_.term_exists(term); }
  // Every bot name in the index (lower case), for suggestions.
  std::vector<std::string> bot_names() const;
  // The name bot author `id` posts as; "" when unknown or unreadable.
  std::string bot_name(const std::string& id);
  // XT terms of the threads `person` posted in.
  std::vector<std::string> threads_of(const core::UserId& person) const;

 private:
  const Xapian::Database& db_;
  const store::Archive& archive_;
  std::map<std::string, std::string> bot_name_of_id_;
};

}  // namespace backscroll::query
