#pragma once
// The recency boost (SearchRequest::recency): a posting source on the time
// slot adding weight kRecencyWeight * 2^(-age / 30 days) to each matching
// message, age counted back from `now` (messages after `now` get the full
// weight). Combined as `query AND_MAYBE recency`, so it only reorders
// matches. Internal to query/.

#include <xapian.h>

#include <cstdint>
#include <string>

namespace backscroll::query {

inline constexpr double kRecencyHalfLifeSeconds = 30.0 * 86400;

class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(double now, double max_weight);
  double get_weight() const override;
  RecencySource* clone() const override;
  std::string name() const override { return "backscroll::RecencySource"; }
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

 private:
  double now_;
  double max_weight_;
};

// `query` AND_MAYBE a RecencySource.
Xapian::Query with_recency(const Xapian::Query& query, std::int64_t now, double max_weight);

}  // namespace backscroll::query
