#include "server/api.h"

#include <cctype>
#include <charconv>

#include "core/json_writer.h"
#include "query/directory.h"
#include "query/filters.h"
#include "query/html_document.h"
#include "query/json.h"
#include "query/lexer.h"
#include "query/markdown_document.h"
#include "server/http_status.h"
#include "server/visible_stats.h"

namespace backscroll::server {
namespace {

constexpr std::size_t kMaxLimit = 1000;
constexpr std::size_t kMaxOffset = 100000;
constexpr std::size_t kMaxContext = 200;
constexpr int kStaleRetries = 2;

core::Unexpected bad_parameter(const std::string& message) {
  return core::fail(core::ErrorCode::kUsage, message);
}

const std::string* param(const Params& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

core::Result<std::size_t> size_param(const Params& params, const std::string& name,
                                     std::size_t fallback, std::size_t min, std::size_t max) {
  const std::string* text = param(params, name);
  if (!text) return fallback;
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max)
    return bad_parameter(name + " must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", not \"" + *text + "\"");
  return value;
}

// Absent: `fallback`.
core::Result<bool> flag_param(const Params& params, const std::string& name,
                              bool fallback = false) {
  const std::string* text = param(params, name);
  if (!text) return fallback;
  if (*text == "0" || *text == "false" || *text == "") return false;
  if (*text == "1" || *text == "true") return true;
  return bad_parameter(name + " must be 1 or 0, not \"" + *text + "\"");
}

core::Result<query::Sort> sort_param(const Params& params) {
  const std::string* text = param(params, "sort");
  if (!text || *text == "relevance") return query::Sort::kRelevance;
  if (*text == "newest") return query::Sort::kNewest;
  if (*text == "oldest") return query::Sort::kOldest;
  return bad_parameter("sort must be relevance, newest or oldest, not \"" + *text + "\"");
}

core::Result<query::SearchRequest> search_request(const Params& params) {
  query::SearchRequest request;
  const std::string* q = param(params, "q");
  if (!q) return bad_parameter("missing parameter q (the query)");
  request.query = *q;
  auto limit = size_param(params, "limit", 20, 1, kMaxLimit);
  if (!limit) return core::Unexpected{limit.error()};
  auto offset = size_param(params, "offset", 0, 0, kMaxOffset);
  if (!offset) return core::Unexpected{offset.error()};
  auto sort = sort_param(params);
  if (!sort) return core::Unexpected{sort.error()};
  auto facets = flag_param(params, "facets");
  if (!facets) return core::Unexpected{facets.error()};
  auto threads = flag_param(params, "threads");
  if (!threads) return core::Unexpected{threads.error()};
  auto recency = flag_param(params, "recency");
  if (!recency) return core::Unexpected{recency.error()};
  request.limit = *limit;
  request.offset = *offset;
  request.sort = *sort;
  request.facets = *facets;
  request.group_threads = *threads;
  request.recency = *recency;
  return request;
}

enum class ThreadFormat { kJson, kMarkdown, kHtml };

core::Result<ThreadFormat> format_param(const Params& params) {
  const std::string* text = param(params, "format");
  if (!text || *text == "json") return ThreadFormat::kJson;
  if (*text == "markdown") return ThreadFormat::kMarkdown;
  if (*text == "html") return ThreadFormat::kHtml;
  return bad_parameter("format must be json, markdown or html, not \"" + *text + "\"");
}

struct ThreadRequest {
  ThreadFormat format = ThreadFormat::kJson;
  query::DocumentOptions document;
  bool download = false;
};

core::Result<ThreadRequest> thread_request(const Params& params, const std::string& workspace_url) {
  auto format = format_param(params);
  if (!format) return core::Unexpected{format.error()};
  auto bots = flag_param(params, "bots", true);
  if (!bots) return core::Unexpected{bots.error()};
  auto anonymize = flag_param(params, "anonymize");
  if (!anonymize) return core::Unexpected{anonymize.error()};
  auto download = flag_param(params, "download");
  if (!download) return core::Unexpected{download.error()};
  return ThreadRequest{
      .format = *format,
      .document = {.workspace_url = workspace_url, .include_bots = *bots, .anonymize = *anonymize},
      .download = *download};
}

// "thread-C1-1601510500.000000.html". Ids and ts are [A-Za-z0-9.] already;
// anything else becomes '_' so the header stays a plain quoted string.
std::string download_name(const query::ThreadView& thread) {
  std::string name = "thread-" + thread.conversation.id.str() + "-" + thread.thread_ts.str();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
  return name + ".html";
}

// The HTML document may be opened straight from the API: it gets no network,
// no script, no framing (its own <meta> policy says the same, but a header
// also covers frame-ancestors).
constexpr const char* kDocumentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

// The Searcher resolves in: against the whole archive; a caller who sees less
// gets in: resolved among its own conversations first, so that naming a
// private channel fails exactly as naming one that does not exist, with hints
// drawn from visible names only.
core::Result<void> check_in_filters(std::string_view query, const View& view) {
  if (view.is_all()) return {};
  auto tokens = query::tokenize(query);
  if (!tokens) return {};  // The search reports the same error.
  for (const query::Token& token : *tokens) {
    if (token.kind != query::TokenKind::kFilter || token.keyword != "in") continue;
    try {
      auto resolved = query::resolve_filter("in", token.text, {.directory = view.directory()});
      if (!resolved) {
        core::Error error = resolved.error();
        if (!error.where.column) error.where.column = token.column;
        return core::Unexpected{std::move(error)};
      }
    } catch (const std::exception&) {
      // Xapian failed building a term: the search itself will report it.
    }
  }
  return {};
}

}  // namespace

Reply error_reply(const core::Error& error) {
  return {http_status_for(error.code), error_json(error.describe())};
}

Reply Api::search(const Caller& caller, const Params& params) const {
  auto request = search_request(params);
  if (!request) return error_reply(request.error());
  request->workspace_url = workspace_url_;
  std::shared_ptr<const Snapshot> snapshot = live_.current();
  for (int attempt = 0;; ++attempt) {
    const View& view = snapshot->view(caller);
    if (auto checked = check_in_filters(request->query, view); !checked)
      return error_reply(checked.error());
    if (snapshot->searchers->empty()) return error_reply(*snapshot->index_error);
    request->visible = view.ids();
    core::Result<query::SearchResult> result = [&] {
      SearcherPool::Lease searcher = snapshot->searchers->acquire();
      return searcher->search(*request);
    }();
    if (result) return {kStatusOk, query::to_json(*result)};
    // The index saw an ingest's commit that this archive snapshot predates.
    if (result.error().code != core::ErrorCode::kCorrupt || attempt == kStaleRetries)
      return error_reply(result.error());
    auto renewed = live_.renew(*snapshot);
    if (!renewed) return error_reply(result.error());
    snapshot = std::move(*renewed);
  }
}

Reply Api::thread(const Caller& caller, std::string_view conversation, std::string_view ts,
                  const Params& params) const {
  auto request = thread_request(params, workspace_url_);
  if (!request) return error_reply(request.error());
  std::shared_ptr<const Snapshot> snapshot = live_.current();
  const View& view = snapshot->view(caller);
  auto thread = query::load_thread(*snapshot->archive, view.directory(), conversation, ts);
  if (!thread) return error_reply(thread.error());
  if (!view.can_see(thread->conversation.id))  // Cannot happen: the directory is the view's.
    return error_reply(core::make_error(core::ErrorCode::kNotFound, "no such conversation"));
  if (request->format == ThreadFormat::kJson) return {kStatusOk, query::to_json(*thread)};
  std::string markdown = query::thread_markdown(*thread, view.directory(), request->document);
  if (request->format == ThreadFormat::kMarkdown)
    return {kStatusOk, std::move(markdown), "text/markdown; charset=utf-8"};
  Reply reply{kStatusOk, query::markdown_to_html_page(markdown), "text/html; charset=utf-8"};
  reply.headers.emplace_back("Content-Security-Policy", kDocumentPolicy);
  if (request->download)
    reply.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"" + download_name(*thread) + "\"");
  return reply;
}

Reply Api::context(const Caller& caller, std::string_view conversation, std::string_view ts,
                   const Params& params) const {
  auto before = size_param(params, "before", 5, 0, kMaxContext);
  if (!before) return error_reply(before.error());
  auto after = size_param(params, "after", 5, 0, kMaxContext);
  if (!after) return error_reply(after.error());
  std::shared_ptr<const Snapshot> snapshot = live_.current();
  const View& view = snapshot->view(caller);
  auto context =
      query::load_context(*snapshot->archive, view.directory(), conversation, ts, *before, *after);
  if (!context) return error_reply(context.error());
  if (!view.can_see(context->conversation.id))
    return error_reply(core::make_error(core::ErrorCode::kNotFound, "no such conversation"));
  return {kStatusOk, query::to_json(*context)};
}

Reply Api::conversations(const Caller& caller) const {
  std::shared_ptr<const Snapshot> snapshot = live_.current();
  const View& view = snapshot->view(caller);
  std::vector<const core::Conversation*> sorted;
  for (const core::Conversation& c : view.conversations()) sorted.push_back(&c);
  std::vector<std::string> names;
  std::stable_sort(sorted.begin(), sorted.end(), [&](const auto* a, const auto* b) {
    if (a->kind != b->kind) return a->kind < b->kind;
    return view.directory().conversation_name(a->id) < view.directory().conversation_name(b->id);
  });
  core::JsonWriter w;
  w.begin_object();
  w.key("conversations");
  w.begin_array();
  for (const core::Conversation* c : sorted) {
    w.begin_object();
    w.field("id", c->id.str());
    w.field("name", view.directory().conversation_name(c->id));
    w.field("kind", core::conversation_kind_name(c->kind));
    if (!c->topic.empty()) w.field("topic", c->topic);
    if (!c->purpose.empty()) w.field("purpose", c->purpose);
    if (c->archived) w.field("archived", true);
    w.field("members", static_cast<std::uint64_t>(c->members.size()));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return {kStatusOk, w.take()};
}

Reply Api::stats(const Caller& caller) const {
  std::shared_ptr<const Snapshot> snapshot = live_.current();
  const std::size_t index = caller.grant ? *caller.grant + 1 : 0;
  // One computation per snapshot and view: concurrent callers wait for it.
  std::lock_guard lock(snapshot->stats_mutex);
  if (auto it = snapshot->stats_json.find(index); it != snapshot->stats_json.end())
    return {kStatusOk, it->second};
  auto stats = visible_stats(*snapshot->archive, snapshot->view(caller));
  if (!stats) return error_reply(stats.error());
  std::string json = query::to_json(*stats);
  snapshot->stats_json[index] = json;
  return {kStatusOk, json};
}

Reply Api::health() const {
  std::shared_ptr<const Snapshot> snapshot = live_.current();
  core::JsonWriter w;
  w.begin_object();
  w.field("status", "ok");
  w.field("index", snapshot->searchers->empty() ? "missing" : "ready");
  w.end_object();
  return {kStatusOk, w.take()};
}

}  // namespace backscroll::server
