#include "query/index_lookups.h"

#include <set>

#include "index/schema.h"
#include "index/terms.h"
#include "store/archive.h"

namespace backscroll::query {

std::vector<std::string> IndexLookups::bot_names() const {
  std::vector<std::string> names;
  const std::string prefix(index::kBotNamePrefix);
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t)
    names.push_back((*t).substr(prefix.size()));
  return names;
}

std::string IndexLookups::bot_name(const std::string& id) {
  if (auto it = bot_name_of_id_.find(id); it != bot_name_of_id_.end()) return it->second;
  std::string name;
  const std::string term = index::boolean_term(index::kAuthorPrefix, id);
  if (auto posting = db_.postlist_begin(term); posting != db_.postlist_end(term)) {
    auto key = index::parse_document_data(db_.get_document(*posting).get_data());
    if (key) {
      auto message = archive_.get_message(key->conversation, key->ts);
      if (message && *message) name = (*message)->author_name;
    }
  }
  bot_name_of_id_.emplace(id, name);
  return name;
}

std::vector<std::string> IndexLookups::threads_of(const core::UserId& person) const {
  Xapian::Enquire enquire(db_);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER,
                    Xapian::Query(index::boolean_term(index::kAuthorPrefix, person.str())),
                    Xapian::Query(index::boolean_term(index::kIsPrefix, "thread"))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
  std::set<std::string> threads;
  const std::string prefix(index::kThreadPrefix);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto t = db_.termlist_begin(*it);
    t.skip_to(prefix);
    if (t != db_.termlist_end(*it) && (*t).starts_with(prefix)) threads.insert(*t);
  }
  return {threads.begin(), threads.end()};
}

}  // namespace backscroll::query
