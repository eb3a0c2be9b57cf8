#include "query/field_processors.h"

#include <cmath>
#include <limits>
#include <vector>

#include "core/calendar.h"
#include "core/model.h"
#include "index/schema.h"
#include "index/terms.h"
#include "query/directory.h"
#include "query/suggest.h"

namespace backscroll::query {
namespace {

core::Unexpected bad_query(std::string message, std::string hint = "") {
  core::Error e = core::make_error(core::ErrorCode::kBadQuery, std::move(message));
  e.hint = std::move(hint);
  return core::Unexpected{std::move(e)};
}

std::string time_value(double seconds) { return Xapian::sortable_serialise(seconds); }
// The largest time strictly before `seconds` (the slot holds fractional seconds).
double just_before(std::int64_t seconds) {
  return std::nextafter(static_cast<double>(seconds), -std::numeric_limits<double>::infinity());
}

core::Result<Xapian::Query> date_query(std::string_view keyword, const std::string& value) {
  std::optional<core::Day> day = core::parse_day(value);
  if (!day)
    return bad_query("bad date in " + std::string(keyword) + ":" + value,
                     "dates are written YYYY-MM-DD, e.g. 2020-10-01");
  const std::int64_t start = core::local_day_start(*day);
  const std::int64_t next = core::local_day_start(core::next_day(*day));
  const unsigned slot = index::kSlotTime;
  if (keyword == "before")
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, time_value(just_before(start)));
  if (keyword == "after")
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, time_value(static_cast<double>(next)));
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, time_value(static_cast<double>(start)),
                       time_value(just_before(next)));
}

// A keyword whose values are a fixed list (is:, has:, kind:).
core::Result<Xapian::Query> listed_value_query(std::string_view keyword, std::string_view prefix,
                                               const std::vector<std::string>& allowed,
                                               const std::string& value) {
  const std::string folded = fold_case(value);
  for (const std::string& a : allowed)
    if (a == folded) return Xapian::Query(index::boolean_term(prefix, a));
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return bad_query("unknown " + std::string(keyword) + ":" + value, "expected one of: " + list);
}

std::vector<std::string> message_kind_names() {
  std::vector<std::string> names;
  for (int k = 0; k <= static_cast<int>(core::MessageKind::kOther); ++k)
    names.push_back(core::message_kind_name(static_cast<core::MessageKind>(k)));
  return names;
}

// Adapts filter_query() to Xapian's throwing FieldProcessor interface.
class Processor : public Xapian::FieldProcessor {
 public:
  Processor(std::string keyword, const Directory& directory, ParseErrorSlot& slot)
      : keyword_(std::move(keyword)), directory_(directory), slot_(slot) {}

  Xapian::Query operator()(const std::string& value) override {
    core::Result<Xapian::Query> q = filter_query(keyword_, value, directory_);
    if (q) return *q;
    slot_.error = q.error();
    slot_.keyword = keyword_;
    slot_.value = value;
    throw Xapian::QueryParserError(q.error().message);
  }

 private:
  std::string keyword_;
  const Directory& directory_;
  ParseErrorSlot& slot_;
};

}  // namespace

const Keyword* find_keyword(std::string_view name) {
  for (const Keyword& k : kKeywords)
    if (k.name == name) return &k;
  return nullptr;
}

core::Result<Xapian::Query> filter_query(std::string_view keyword, const std::string& value,
                                         const Directory& directory) {
  if (keyword == "in") {
    auto id = directory.find_conversation(value);
    if (!id) return core::Unexpected{id.error()};
    return Xapian::Query(index::boolean_term(index::kConversationPrefix, id->str()));
  }
  if (keyword == "from") {
    auto ids = directory.find_users(value);
    if (!ids) return core::Unexpected{ids.error()};
    std::vector<Xapian::Query> terms;
    for (const core::UserId& id : *ids)
      terms.emplace_back(index::boolean_term(index::kAuthorPrefix, id.str()));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
  if (keyword == "before" || keyword == "after" || keyword == "on")
    return date_query(keyword, value);
  if (keyword == "is")
    return listed_value_query("is", index::kIsPrefix, {"thread", "reply", "bot", "edited"}, value);
  if (keyword == "has")
    return listed_value_query("has", index::kHasPrefix,
                              {"link", "file", "reaction", "attachment", "pin"}, value);
  if (keyword == "kind")
    return listed_value_query("kind", index::kKindPrefix, message_kind_names(), value);
  return core::fail(core::ErrorCode::kInternal, "no filter for keyword " + std::string(keyword));
}

void add_field_processors(Xapian::QueryParser& parser, const Directory& directory,
                          ParseErrorSlot& slot) {
  for (const Keyword& k : kKeywords) {
    std::string name(k.name);
    parser.add_boolean_prefix(name, (new Processor(name, directory, slot))->release());
  }
}

}  // namespace backscroll::query
