// backscroll search QUERY...: full-text search with Slack-style operators.

#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "app/render_text.h"
#include "core/calendar.h"
#include "query/json.h"

namespace backscroll::app {
namespace {

// clang-format off
void describe(po::options_description& o, po::positional_options_description& p) {
  o.add_options()
      ("json", "print one JSON object: {query, total, hits, ...} (query/JSON.md)")
      ("limit", po::value<std::size_t>()->default_value(20), "hits to show")
      ("offset", po::value<std::size_t>()->default_value(0), "hits to skip")
      ("sort", po::value<std::string>()->default_value("relevance"), "relevance, newest or oldest")
      ("recency", "rank recent messages higher (relevance sort)")
      ("facets", "count all matches by conversation, person and month")
      ("threads", "group the hits by thread")
      ("explain", "print how the query was understood, stage by stage, and search nothing")
      ("workspace-url", po::value<std::string>(),
       "https://NAME.slack.com: add Slack permalinks (also config key workspace-url)")
      ("now", po::value<std::string>(),
       "YYYY-MM-DD or epoch seconds that today/yesterday mean (default: now)")
      ("query", po::value<std::vector<std::string>>()->required(), "the query");
  p.add("query", -1);
}
// clang-format on

core::Result<query::Sort> parse_sort(const std::string& s) {
  if (s == "relevance") return query::Sort::kRelevance;
  if (s == "newest") return query::Sort::kNewest;
  if (s == "oldest") return query::Sort::kOldest;
  return core::fail(core::ErrorCode::kUsage,
                    "--sort must be relevance, newest or oldest, not '" + s + "'");
}

core::Result<std::int64_t> parse_now(const std::string& s) {
  if (auto day = core::parse_day(s)) return core::local_day_start(*day) + 12 * 3600;
  try {
    std::size_t used = 0;
    const long long seconds = std::stoll(s, &used);
    if (used == s.size()) return static_cast<std::int64_t>(seconds);
  } catch (const std::exception&) {
  }
  return core::fail(core::ErrorCode::kUsage,
                    "--now must be YYYY-MM-DD or epoch seconds, not '" + s + "'");
}

core::Result<query::SearchRequest> make_request(const Invocation& inv,
                                                const po::variables_map& vm) {
  query::SearchRequest request;
  for (const std::string& word : vm["query"].as<std::vector<std::string>>())
    request.query += (request.query.empty() ? "" : " ") + word;
  request.limit = vm["limit"].as<std::size_t>();
  request.offset = vm["offset"].as<std::size_t>();
  auto sort = parse_sort(vm["sort"].as<std::string>());
  if (!sort) return core::Unexpected{sort.error()};
  request.sort = *sort;
  request.recency = vm.count("recency") > 0;
  request.facets = vm.count("facets") > 0;
  request.group_threads = vm.count("threads") > 0;
  request.workspace_url =
      vm.count("workspace-url") ? vm["workspace-url"].as<std::string>() : inv.global.workspace_url;
  if (vm.count("now")) {
    auto now = parse_now(vm["now"].as<std::string>());
    if (!now) return core::Unexpected{now.error()};
    request.now = *now;
  }
  return request;
}

int run(const Invocation& inv, const po::variables_map& vm, const store::Archive& archive) {
  auto request = make_request(inv, vm);
  if (!request) return report_error(inv.err, request.error());
  auto searcher = query::Searcher::open(archive, index_dir(inv.global));
  if (!searcher) return report_error(inv.err, searcher.error());
  if (vm.count("explain")) {
    auto explanation = (*searcher)->explain(*request);
    if (!explanation) return report_error(inv.err, explanation.error());
    render_explanation(inv.out, *explanation);
    return kExitOk;
  }
  auto result = (*searcher)->search(*request);
  if (!result) return report_error(inv.err, result.error());
  if (vm.count("json"))
    inv.out << query::to_json(*result) << '\n';
  else
    render_search(inv.out, *result, request->offset, inv.out_is_terminal);
  return kExitOk;
}

}  // namespace

const Command kSearchCommand{
    "search",
    "search the archive",
    "[options] QUERY...",
    describe,
    run,
    nullptr,
    "Query syntax (README.md has the full table):\n"
    "  disk full            both words (stemmed)       \"out of disk\"   the phrase\n"
    "  deploy*              words starting with deploy a OR b, a AND b, NOT a, -a, ( )\n"
    "  in:#channel in:@person in:@a,@b     from:@person from:botname    with:@person\n"
    "  before:DATE after:DATE (exclusive)  on:DATE during:DATE  date:A..B (inclusive)\n"
    "    DATE = YYYY, YYYY-MM, YYYY-MM-DD, today or yesterday, days in --tz or TZ (UTC)\n"
    "  has:link|file|reaction|pin|attachment  has::emoji:  is:thread|reply|bot|edited\n"
    "  kind:plain|bot|...   '-' or NOT before any filter excludes it (-in:#random)\n"
    "A query starting with '-' needs -- first: backscroll search -- '-in:#random lunch'.\n"
    "Exit code 2 for a malformed query, with the column at fault.\n"};

}  // namespace backscroll::app
