// backscroll search QUERY...: full-text search with Slack-style operators.

#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "app/render_text.h"
#include "query/json.h"

namespace backscroll::app {
namespace {

void describe(po::options_description& o, po::positional_options_description& p) {
  o.add_options()
      ("json", "print one JSON object: {query, total, hits}")
      ("limit", po::value<std::size_t>()->default_value(20), "hits to show")
      ("offset", po::value<std::size_t>()->default_value(0), "hits to skip")
      ("sort", po::value<std::string>()->default_value("relevance"), "relevance, newest or oldest")
      ("query", po::value<std::vector<std::string>>()->required(), "the query");
  p.add("query", -1);
}

core::Result<query::Sort> parse_sort(const std::string& s) {
  if (s == "relevance") return query::Sort::kRelevance;
  if (s == "newest") return query::Sort::kNewest;
  if (s == "oldest") return query::Sort::kOldest;
  return core::fail(core::ErrorCode::kUsage,
                    "--sort must be relevance, newest or oldest, not '" + s + "'");
}

int run(const Invocation& inv, const po::variables_map& vm, const store::Archive& archive) {
  query::SearchRequest request;
  for (const std::string& word : vm["query"].as<std::vector<std::string>>())
    request.query += (request.query.empty() ? "" : " ") + word;
  request.limit = vm["limit"].as<std::size_t>();
  request.offset = vm["offset"].as<std::size_t>();
  auto sort = parse_sort(vm["sort"].as<std::string>());
  if (!sort) return report_error(inv.err, sort.error());
  request.sort = *sort;

  auto searcher = query::Searcher::open(archive, index_dir(inv.global));
  if (!searcher) return report_error(inv.err, searcher.error());
  auto result = (*searcher)->search(request);
  if (!result) return report_error(inv.err, result.error());
  if (vm.count("json"))
    inv.out << query::to_json(*result) << '\n';
  else
    render_search(inv.out, *result, request.offset, inv.out_is_terminal);
  return kExitOk;
}

}  // namespace

const Command kSearchCommand{
    "search", "search the archive", "[options] QUERY...", describe, run, nullptr,
    "Query syntax: words (all must match), \"a phrase\", -word, a OR b,\n"
    "in:#channel, from:@person, before:YYYY-MM-DD, after:YYYY-MM-DD (both exclusive),\n"
    "on:YYYY-MM-DD, is:thread. Days are in the time zone of --tz or TZ (UTC by default).\n"};

}  // namespace backscroll::app
