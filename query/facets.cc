#include "query/facets.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "core/calendar.h"
#include "index/schema.h"
#include "query/directory.h"

namespace backscroll::query {
namespace {

core::Day local_month_of(double seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  return core::Day{tm.tm_year + 1900, tm.tm_mon + 1, 1};
}

core::Day next_month(core::Day d) {
  return d.month == 12 ? core::Day{d.year + 1, 1, 1} : core::Day{d.year, d.month + 1, 1};
}

std::vector<FacetCount> top_values(const Xapian::ValueCountMatchSpy& spy,
                                   const std::function<std::string(const std::string&)>& name_of) {
  std::vector<FacetCount> out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
    out.push_back(FacetCount{*it, name_of(*it), it.get_termfreq()});
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  if (out.size() > kFacetLimit) out.resize(kFacetLimit);
  return out;
}

}  // namespace

MonthSpy::MonthSpy(double first, double last) {
  if (!(first <= last)) return;
  for (core::Day m = local_month_of(first);; m = next_month(m)) {
    const auto start = static_cast<double>(core::local_day_start(m));
    if (start > last) break;
    char name[16];
    std::snprintf(name, sizeof name, "%04d-%02d", m.year, m.month);
    starts_.push_back(start);
    names_.emplace_back(name);
  }
  by_index_.assign(starts_.size(), 0);
}

void MonthSpy::operator()(const Xapian::Document& doc, double) {
  const double t = Xapian::sortable_unserialise(doc.get_value(index::kSlotTime));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), t);
  if (it == starts_.begin()) {
    ++outside_;
    return;
  }
  ++by_index_[static_cast<std::size_t>(it - starts_.begin()) - 1];
}

std::vector<FacetCount> MonthSpy::counts() const {
  std::vector<FacetCount> out;
  for (std::size_t i = 0; i < names_.size(); ++i)
    if (by_index_[i]) out.push_back(FacetCount{names_[i], names_[i], by_index_[i]});
  return out;
}

FacetSpies::FacetSpies(const Xapian::Database& db)
    : conversations_(std::make_unique<Xapian::ValueCountMatchSpy>(index::kSlotConversation)),
      authors_(std::make_unique<Xapian::ValueCountMatchSpy>(index::kSlotAuthor)),
      months_(std::make_unique<MonthSpy>(
          Xapian::sortable_unserialise(db.get_value_lower_bound(index::kSlotTime)),
          Xapian::sortable_unserialise(db.get_value_upper_bound(index::kSlotTime)))) {}

void FacetSpies::add_to(Xapian::Enquire& enquire) {
  enquire.add_matchspy(conversations_.get());
  enquire.add_matchspy(authors_.get());
  enquire.add_matchspy(months_.get());
}

Facets FacetSpies::collect(const Directory& directory,
                           const std::function<std::string(const std::string&)>& bot_name) {
  Facets f;
  f.conversations = top_values(*conversations_, [&](const std::string& id) {
    return directory.conversation_name(core::ConversationId(id));
  });
  f.authors = top_values(*authors_, [&](const std::string& id) {
    if (directory.user(core::UserId(id)) == nullptr)
      if (std::string name = bot_name(id); !name.empty()) return name;
    return directory.user_name(core::UserId(id));
  });
  f.months = months_->counts();
  return f;
}

}  // namespace backscroll::query
