#include "query/recency.h"

#include <algorithm>
#include <cmath>

#include "index/schema.h"

namespace backscroll::query {

RecencySource::RecencySource(double now, double max_weight)
    : Xapian::ValuePostingSource(index::kSlotTime), now_(now), max_weight_(max_weight) {}

double RecencySource::get_weight() const {
  const double age = std::max(0.0, now_ - Xapian::sortable_unserialise(get_value()));
  return max_weight_ * std::exp2(-age / kRecencyHalfLifeSeconds);
}

RecencySource* RecencySource::clone() const { return new RecencySource(now_, max_weight_); }

void RecencySource::init(const Xapian::Database& db) {
  Xapian::ValuePostingSource::init(db);
  set_maxweight(max_weight_);
}

std::string RecencySource::get_description() const {
  return "recency(max " + std::to_string(max_weight_) + ", half-life 30 days)";
}

Xapian::Query with_recency(const Xapian::Query& query, std::int64_t now, double max_weight) {
  auto* source = new RecencySource(static_cast<double>(now), max_weight);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
}

}  // namespace backscroll::query
