#include "query/json.h"

#include "core/calendar.h"
#include "core/json_writer.h"

namespace backscroll::query {
namespace {

void write_hit(core::JsonWriter& w, const Hit& hit, bool with_snippet) {
  const core::Message& m = hit.message;
  w.begin_object();
  w.field("conversation_id", m.conversation_id.str());
  w.field("conversation", hit.conversation);
  w.field("ts", m.ts.str());
  w.field("user_id", m.user_id.str());
  w.field("user", hit.user);
  w.field("time", core::format_iso_utc(m.ts.micros()));
  if (m.thread_ts) w.field("thread_ts", m.thread_ts->str());
  if (!hit.permalink.empty()) w.field("permalink", hit.permalink);
  // Attachment-only bot posts have an empty `text`: show what search sees.
  w.field("text", m.text.empty() ? core::searchable_text(m) : m.text);
  if (with_snippet) w.field("snippet", hit.snippet);
  w.field("kind", core::message_kind_name(m.kind));
  if (m.is_thread_parent()) w.field("reply_count", static_cast<std::uint64_t>(m.reply_count));
  if (m.edited_ts) w.field("edited", true);
  if (!m.files.empty()) {
    w.key("files");
    w.begin_array();
    for (const core::FileRef& f : m.files)
      w.value(!f.name.empty() ? f.name : !f.title.empty() ? f.title : f.id);
    w.end_array();
  }
  if (!m.reactions.empty()) {
    w.key("reactions");
    w.begin_array();
    for (const core::Reaction& r : m.reactions) {
      w.begin_object();
      w.field("name", r.name);
      w.field("count", static_cast<std::uint64_t>(r.count));
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

void write_counts(core::JsonWriter& w, std::string_view key,
                  const std::map<std::string, std::uint64_t>& counts) {
  w.key(key);
  w.begin_object();
  for (const auto& [name, count] : counts) w.field(name, count);
  w.end_object();
}

void write_time(core::JsonWriter& w, std::string_view key, const std::optional<core::SlackTs>& ts) {
  w.key(key);
  if (ts)
    w.value(core::format_iso_utc(ts->micros()));
  else
    w.null();
}

void write_facet(core::JsonWriter& w, std::string_view key, std::string_view value_key,
                 const std::vector<FacetCount>& counts, bool with_name) {
  w.key(key);
  w.begin_array();
  for (const FacetCount& c : counts) {
    w.begin_object();
    w.field(value_key, c.value);
    if (with_name) w.field("name", c.name);
    w.field("count", c.count);
    w.end_object();
  }
  w.end_array();
}

void write_threads(core::JsonWriter& w, const std::vector<ThreadGroup>& groups) {
  w.key("threads");
  w.begin_array();
  for (const ThreadGroup& g : groups) {
    w.begin_object();
    w.field("conversation_id", g.conversation.str());
    if (g.thread_ts) w.field("thread_ts", g.thread_ts->str());
    w.key("hits");
    w.begin_array();
    for (std::size_t i : g.hits) w.value(static_cast<std::uint64_t>(i));
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string to_json(const SearchResult& result) {
  core::JsonWriter w;
  w.begin_object();
  w.field("query", result.query);
  w.field("total", result.total);
  if (!result.total_exact) w.field("total_estimated", true);
  w.key("hits");
  w.begin_array();
  for (const Hit& hit : result.hits) write_hit(w, hit, true);
  w.end_array();
  if (result.facets) {
    w.key("facets");
    w.begin_object();
    write_facet(w, "conversations", "conversation_id", result.facets->conversations, true);
    write_facet(w, "users", "user_id", result.facets->authors, true);
    write_facet(w, "months", "month", result.facets->months, false);
    w.end_object();
  }
  if (result.threads) write_threads(w, *result.threads);
  w.end_object();
  return w.take();
}

std::string to_json(const ContextView& context) {
  core::JsonWriter w;
  w.begin_object();
  w.field("conversation_id", context.conversation.id.str());
  w.field("conversation", context.conversation_name);
  w.field("ts", context.target.str());
  w.field("in_thread", context.in_thread);
  w.key("messages");
  w.begin_array();
  for (const Hit& hit : context.messages) write_hit(w, hit, false);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string to_json(const ThreadView& thread) {
  core::JsonWriter w;
  w.begin_object();
  w.field("conversation_id", thread.conversation.id.str());
  w.field("conversation", thread.conversation_name);
  w.field("thread_ts", thread.thread_ts.str());
  w.key("messages");
  w.begin_array();
  for (const Hit& hit : thread.messages) write_hit(w, hit, false);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string to_json(const store::ArchiveStats& stats) {
  core::JsonWriter w;
  w.begin_object();
  w.field("messages", stats.messages);
  w.field("conversations", stats.conversations);
  w.field("users", stats.users);
  w.field("threads", stats.threads);
  write_time(w, "first_time", stats.first);
  write_time(w, "last_time", stats.last);
  write_counts(w, "messages_by_kind", stats.messages_by_kind);
  write_counts(w, "conversations_by_kind", stats.conversations_by_kind);
  w.end_object();
  return w.take();
}

}  // namespace backscroll::query
