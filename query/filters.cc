#include "query/filters.h"

#include <cmath>
#include <limits>
#include <vector>

#include "core/model.h"
#include "index/schema.h"
#include "index/terms.h"
#include "query/date_range.h"
#include "query/directory.h"
#include "query/index_lookups.h"
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

Xapian::Query any_term(std::string_view prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const std::string& v : values) terms.emplace_back(index::boolean_term(prefix, v));
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::vector<std::string> ids_of(const std::vector<core::ConversationId>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(id.str());
  return out;
}

core::Result<ResolvedFilter> in_people(const std::string& value, const Directory& directory) {
  std::vector<std::string> names;
  for (std::size_t start = 0; start <= value.size();) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    std::string name = value.substr(start, comma - start);
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    if (!name.empty()) names.push_back(name);
    start = comma + 1;
  }
  std::vector<core::UserId> people;
  for (const std::string& name : names) {
    auto ids = directory.find_users(name);
    if (!ids) return core::Unexpected{ids.error()};
    if (names.size() > 1 && ids->size() > 1)
      return bad_query(name + " names " + std::to_string(ids->size()) + " people in in:" + value,
                       "use their handles or ids");
    people.insert(people.end(), ids->begin(), ids->end());
  }
  std::vector<core::ConversationId> found;
  if (names.size() == 1) {
    for (const core::UserId& p : people)
      for (const auto& id : directory.dms_with(p)) found.push_back(id);
  } else {
    found = directory.direct_conversations_with(people);
  }
  if (found.empty())
    return bad_query("no direct messages with " + value,
                     names.size() == 1 ? "" : "no DM or group DM has all of them");
  const std::vector<std::string> ids = ids_of(found);
  return ResolvedFilter{any_term(index::kConversationPrefix, ids),
                        "in:" + value + " -> conversations " + join(ids)};
}

core::Result<ResolvedFilter> from_filter(const std::string& value, const FilterContext& ctx) {
  auto ids = ctx.directory.find_users(value);
  if (ids) {
    std::vector<std::string> values;
    for (const core::UserId& id : *ids) values.push_back(id.str());
    return ResolvedFilter{any_term(index::kAuthorPrefix, values),
                          "from:" + value + " -> authors " + join(values)};
  }
  if (!ctx.lookups) return core::Unexpected{ids.error()};
  const std::string bare = value.starts_with('@') ? value.substr(1) : value;
  const std::string term = index::bot_name_term(bare);
  if (ctx.lookups->has_term(term))
    return ResolvedFilter{Xapian::Query(term), "from:" + value + " -> bot name " + term};
  core::Error error = ids.error();
  if (error.hint.empty()) {
    std::vector<std::string> close = closest_names(bare, ctx.lookups->bot_names());
    for (std::size_t i = 0; i < close.size(); ++i)
      error.hint += (i ? ", @" : "did you mean @") + close[i];
    if (!close.empty()) error.hint += "?";
  }
  return core::Unexpected{std::move(error)};
}

core::Result<ResolvedFilter> with_filter(const std::string& value, const FilterContext& ctx) {
  auto ids = ctx.directory.find_users(value);
  if (!ids) return core::Unexpected{ids.error()};
  std::vector<std::string> conversations, threads;
  for (const core::UserId& id : *ids) {
    for (const auto& c : ctx.directory.direct_conversations_with({id}))
      conversations.push_back(c.str());
    if (ctx.lookups)
      for (std::string& t : ctx.lookups->threads_of(id))
        threads.push_back(t.substr(index::kThreadPrefix.size()));
  }
  std::vector<Xapian::Query> parts;
  if (!conversations.empty()) parts.push_back(any_term(index::kConversationPrefix, conversations));
  if (!threads.empty()) parts.push_back(any_term(index::kThreadPrefix, threads));
  Xapian::Query q = parts.empty() ? Xapian::Query::MatchNothing
                    : parts.size() == 1
                        ? parts.front()
                        : Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  return ResolvedFilter{q, "with:" + value + " -> " + std::to_string(conversations.size()) +
                               " direct conversations, " + std::to_string(threads.size()) +
                               " threads"};
}

core::Result<ResolvedFilter> date_filter(std::string_view keyword, const std::string& value,
                                         std::int64_t now) {
  auto range = date_filter_range(keyword, value, now);
  if (!range) return core::Unexpected{range.error()};
  const unsigned slot = index::kSlotTime;
  Xapian::Query q;
  if (range->start && range->end)
    q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
                      time_value(static_cast<double>(*range->start)),
                      time_value(just_before(*range->end)));
  else if (range->start)
    q = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot,
                      time_value(static_cast<double>(*range->start)));
  else
    q = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, time_value(just_before(*range->end)));
  return ResolvedFilter{q, std::string(keyword) + ":" + value + " -> time in " + describe(*range)};
}

// A keyword whose values are a fixed list (is:, has:, kind:).
core::Result<ResolvedFilter> listed_value(std::string_view keyword, std::string_view prefix,
                                          const std::vector<std::string>& allowed,
                                          const std::string& value) {
  const std::string folded = fold_case(value);
  for (const std::string& a : allowed)
    if (a == folded) {
      std::string term = index::boolean_term(prefix, a);
      return ResolvedFilter{Xapian::Query(term),
                            std::string(keyword) + ":" + value + " -> " + term};
    }
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return bad_query("unknown " + std::string(keyword) + ":" + value, "expected one of: " + list);
}

// has::tada: or has::+1::skin-tone-2: -> XRtada, XR+1 (index::reaction_term).
core::Result<ResolvedFilter> reaction_filter(const std::string& value) {
  const std::string term = index::reaction_term(value);
  if (term.size() == index::kReactionPrefix.size())
    return bad_query("bad emoji in has:" + value, "write it as in Slack, e.g. has::tada:");
  return ResolvedFilter{Xapian::Query(term), "has:" + value + " -> " + term};
}

std::vector<std::string> message_kind_names() {
  std::vector<std::string> names;
  for (int k = 0; k <= static_cast<int>(core::MessageKind::kOther); ++k)
    names.push_back(core::message_kind_name(static_cast<core::MessageKind>(k)));
  return names;
}

}  // namespace

core::Result<ResolvedFilter> resolve_filter(std::string_view keyword, const std::string& value,
                                            const FilterContext& ctx) {
  if (keyword == "in") {
    if (value.starts_with('@') || value.find(',') != std::string::npos)
      return in_people(value, ctx.directory);
    auto id = ctx.directory.find_conversation(value);
    if (!id) return core::Unexpected{id.error()};
    return ResolvedFilter{Xapian::Query(index::boolean_term(index::kConversationPrefix, id->str())),
                          "in:" + value + " -> conversation " + id->str() + " (" +
                              ctx.directory.conversation_name(*id) + ")"};
  }
  if (keyword == "from") return from_filter(value, ctx);
  if (keyword == "with") return with_filter(value, ctx);
  if (keyword == "before" || keyword == "after" || keyword == "on" || keyword == "during" ||
      keyword == "date")
    return date_filter(keyword, value, ctx.now);
  if (keyword == "is")
    return listed_value("is", index::kIsPrefix, {"thread", "reply", "bot", "edited"}, value);
  if (keyword == "has") {
    if (value.starts_with(':')) return reaction_filter(value);
    return listed_value("has", index::kHasPrefix, {"link", "file", "reaction", "attachment", "pin"},
                        value);
  }
  if (keyword == "kind")
    return listed_value("kind", index::kKindPrefix, message_kind_names(), value);
  return core::fail(core::ErrorCode::kInternal, "no filter for keyword " + std::string(keyword));
}

}  // namespace backscroll::query
