#pragma once
// Facets: counts of the whole result set by conversation, author and local
// month, gathered by match spies while Xapian matches (internal to query/).
//
// Conversations and authors use Xapian::ValueCountMatchSpy on their value
// slots. Months come from the time slot: MonthSpy maps each matching
// message's time to its local month ("2020-10", in the TZ of the process)
// through a sorted table of month starts, built once per spy.

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "query/search.h"

namespace backscroll::query {

class Directory;

class MonthSpy : public Xapian::MatchSpy {
 public:
  // Months from the one containing `first` to the one containing `last`
  // (epoch seconds).
  MonthSpy(double first, double last);
  void operator()(const Xapian::Document& doc, double weight) override;
  // Months with hits, chronological.
  std::vector<FacetCount> counts() const;

 private:
  std::vector<double> starts_;  // Local month starts (epoch seconds), ascending.
  std::vector<std::string> names_;
  std::vector<std::uint64_t> by_index_;
  std::uint64_t outside_ = 0;  // Times before the first month (none in a consistent index).
};

// The spies for one search; register them with add_to() before get_mset().
class FacetSpies {
 public:
  explicit FacetSpies(const Xapian::Database& db);
  void add_to(Xapian::Enquire& enquire);
  // `bot_name` names authors the Directory does not know ("" if unknown).
  Facets collect(const Directory& directory,
                 const std::function<std::string(const std::string&)>& bot_name);

 private:
  std::unique_ptr<Xapian::ValueCountMatchSpy> conversations_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> authors_;
  std::unique_ptr<MonthSpy> months_;
};

}  // namespace backscroll::query
