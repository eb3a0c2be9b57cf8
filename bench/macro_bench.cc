// macro_bench: backscroll end to end on a generated Slack export, against
// SQLite FTS5 on the same texts, printing Markdown for bench/RESULTS.md.
//
//   macro_bench --messages 1000000 --work /tmp/bench-1m [--queries 1000]
//               [--export PATH] [--seed 42]
//   macro_bench --work /tmp/bench-1m --search-only   # step 4 alone, on WORK/archive
//
// Steps:
//   1. WORK/export: backscroll-genexport --messages N --seed S (kept between
//      runs; --export PATH uses an existing export instead).
//   2. `backscroll --archive WORK/archive ingest EXPORT` on a fresh archive, as
//      a child process: wall time, CPU time, peak RSS; then store and index sizes.
//   3. The same command again: the unchanged re-run.
//   4. In-process: the archive opened read-only; one scan of every message
//      collects the FTS5 rows and the query set (query_set.h); a
//      query::Searcher runs every query once untimed, then once timed; then
//      the same again with facets (SearchRequest::facets).
//   5. SQLite FTS5 in WORK/fts5.db: insert (one transaction), optimize, then
//      the same queries, warm-up and timed, as in fts5_peer.h.
// WORK/queries.txt lists the queries (class, tab, backscroll query).
// --search-only runs step 4 alone on the archive a full run left in WORK and
// prints only its tables: for trying a change to search quickly, not for
// RESULTS.md (no peer in the same run).
// Progress goes to stderr, the Markdown report to stdout.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bench/child_process.h"
#include "bench/fts5_peer.h"
#include "bench/latency.h"
#include "bench/machine.h"
#include "bench/query_set.h"
#include "bench/report.h"
#include "core/model.h"
#include "query/search.h"
#include "store/archive.h"

namespace {

namespace bench = backscroll::bench;
namespace core = backscroll::core;
namespace fs = std::filesystem;
namespace query = backscroll::query;
namespace store = backscroll::store;
using Clock = std::chrono::steady_clock;

constexpr const char* kUsage =
    "usage: macro_bench --work DIR (--messages N | --export PATH | --search-only) [--queries Q] "
    "[--seed S]\n";
constexpr const char* kFilterChannel = "ops-alerts";

struct Options {
  std::uint64_t messages = 0;
  fs::path work;
  std::optional<fs::path> export_path;
  std::size_t queries = 1000;
  std::uint64_t seed = 42;
  std::string command;
  bool search_only = false;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "macro_bench: %s\n", what.c_str());
  std::exit(1);
}
[[noreturn]] void die(const std::string& what, const core::Error& error) {
  die(what + ": " + error.describe());
}

std::optional<Options> parse_options(int argc, char** argv) {
  Options o;
  o.command = "macro_bench";
  for (int i = 1; i < argc; ++i) o.command += std::string(" ") + argv[i];
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--search-only") {
      o.search_only = true;
      continue;
    }
    if (i + 1 >= argc) return std::nullopt;
    const std::string value = argv[++i];
    if (arg == "--messages") {
      o.messages = std::strtoull(value.c_str(), nullptr, 10);
    } else if (arg == "--work") {
      o.work = value;
    } else if (arg == "--export") {
      o.export_path = value;
    } else if (arg == "--queries") {
      o.queries = std::strtoull(value.c_str(), nullptr, 10);
    } else if (arg == "--seed") {
      o.seed = std::strtoull(value.c_str(), nullptr, 10);
    } else {
      return std::nullopt;
    }
  }
  if (o.work.empty() || (o.messages == 0 && !o.export_path && !o.search_only) || o.queries == 0)
    return std::nullopt;
  return o;
}

// Step 1: the export, generated unless present.
fs::path prepare_export(const Options& o, bench::MacroResults& r) {
  if (o.export_path) {
    if (!fs::exists(*o.export_path)) die("no export at " + o.export_path->string());
    return *o.export_path;
  }
  const fs::path out = o.work / "export";
  if (fs::exists(out)) return out;
  const fs::path partial = o.work / "export.partial";
  fs::remove_all(partial);
  std::fprintf(stderr, "generating %llu messages into %s\n",
               static_cast<unsigned long long>(o.messages), out.c_str());
  auto run = bench::run_child({GENEXPORT_BIN, "--messages", std::to_string(o.messages), "--seed",
                               std::to_string(o.seed), partial.string()},
                              o.work / "manifest.json", o.work / "genexport.err");
  if (!run) die("backscroll-genexport", run.error());
  if (run->exit_code != 0)
    die("backscroll-genexport failed: " + bench::read_small_file(o.work / "genexport.err"));
  fs::rename(partial, out);
  r.export_generated = true;
  r.generate_seconds = run->wall_seconds;
  return out;
}

// Steps 2 and 3: one `backscroll ingest` run; its last output line.
bench::ChildRun ingest(const Options& o, const fs::path& export_path, const std::string& name,
                       std::string& summary) {
  std::fprintf(stderr, "%s: backscroll ingest %s\n", name.c_str(), export_path.c_str());
  const fs::path out = o.work / (name + ".out"), err = o.work / (name + ".err");
  auto run = bench::run_child(
      {BACKSCROLL_BIN, "--archive", (o.work / "archive").string(), "ingest", export_path.string()},
      out, err);
  if (!run) die("backscroll ingest", run.error());
  if (run->exit_code != 0)
    die(name + " failed (exit " + std::to_string(run->exit_code) + ", signal " +
        std::to_string(run->signal) + "): " + bench::read_small_file(err));
  summary = bench::read_small_file(out);
  while (!summary.empty() && summary.back() == '\n') summary.pop_back();
  std::fprintf(stderr, "%s: %.1f s, peak RSS %s: %s\n", name.c_str(), run->wall_seconds,
               bench::human_bytes(run->peak_rss_bytes).c_str(), summary.c_str());
  return *run;
}

std::size_t class_index(bench::QueryClass c) { return static_cast<std::size_t>(c); }

// Runs every query through `search` (returns hits, or an error) once untimed,
// then once timed.
template <typename Search>
void time_queries(const std::vector<bench::BenchQuery>& queries, const char* engine,
                  Search&& search, bench::EngineFigures& figures) {
  for (const bench::BenchQuery& q : queries) (void)search(q);
  std::size_t reported = 0;
  for (const bench::BenchQuery& q : queries) {
    const auto start = Clock::now();
    auto hits = search(q);
    const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    for (bench::ClassFigures* f : {&figures[class_index(q.query_class)], &figures.back()}) {
      f->micros.push_back(us);
      if (!hits) {
        ++f->errors;
        continue;
      }
      f->hits += *hits;
      if (*hits == 0) ++f->zero_hit_queries;
    }
    if (!hits && reported++ < 5)
      std::fprintf(stderr, "%s: query %s failed: %s\n", engine, bench::backscroll_query(q).c_str(),
                   hits.error().describe().c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse_options(argc, argv);
  if (!options) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const Options& o = *options;
  fs::create_directories(o.work);
  bench::MacroResults r;
  r.machine = bench::describe_machine();
  r.command = o.command;
  r.sqlite_version = bench::sqlite_version();

  if (o.search_only) {
    if (!fs::exists(o.work / "archive")) die("no archive in " + o.work.string());
  } else {
    const fs::path export_path = prepare_export(o, r);
    r.export_path = export_path.string();
    r.export_bytes = bench::tree_bytes(export_path);
    fs::remove_all(o.work / "archive");
    r.load_at_ingest = bench::load_average();
    r.first_ingest = ingest(o, export_path, "ingest-1", r.first_output);
    r.store_bytes = bench::tree_bytes(o.work / "archive" / "store");
    r.index_bytes = bench::tree_bytes(o.work / "archive" / "index");
    r.second_ingest = ingest(o, export_path, "ingest-2", r.second_output);
  }

  // Step 4: read the archive back: FTS5 rows and the query set.
  auto archive = store::Archive::open(o.work / "archive" / "store", store::OpenMode::kReadOnly);
  if (!archive) die("open archive", archive.error());
  auto users = (*archive)->users();
  if (!users) die("users", users.error());
  auto conversations = (*archive)->conversations();
  if (!conversations) die("conversations", conversations.error());
  core::ConversationId channel;
  for (const core::Conversation& c : *conversations)
    if (c.name == kFilterChannel) channel = c.id;
  if (channel.empty()) std::fprintf(stderr, "no #%s: no in: queries\n", kFilterChannel);
  std::unordered_map<std::string, int> handles;
  for (const core::User& u : *users) ++handles[u.name];
  std::unordered_map<core::UserId, std::string> people;
  for (const core::User& u : *users)
    if (!u.is_bot && !u.deleted) people[u.id] = handles[u.name] == 1 ? u.name : u.id.str();

  bench::CorpusSampler sampler(o.seed, channel, people);
  std::vector<bench::Fts5Row> rows;
  auto scan_start = Clock::now();
  auto scanned = (*archive)->for_each_message([&](const core::Message& m) {
    std::string text = core::searchable_text(m);
    sampler.add(m, text);
    rows.push_back({std::move(text), m.conversation_id.str(), m.user_id.str()});
    return true;
  });
  if (!scanned) die("scan archive", scanned.error());
  r.scan_seconds = seconds_since(scan_start);
  r.messages = rows.size();
  r.distinct_words = sampler.distinct_words();
  const std::vector<bench::BenchQuery> queries = sampler.make_queries(o.queries, kFilterChannel);
  {
    std::ofstream list(o.work / "queries.txt");  // For reruns and profiling by hand.
    for (const bench::BenchQuery& q : queries)
      list << bench::query_class_name(q.query_class) << '\t' << bench::backscroll_query(q) << '\n';
  }
  for (bench::QueryClass c : bench::kAllQueryClasses) {
    int shown = 0;
    for (const bench::BenchQuery& q : queries)
      if (q.query_class == c && shown++ < 2) r.examples.push_back(bench::backscroll_query(q));
  }
  std::fprintf(stderr, "%zu messages scanned in %.1f s; %zu queries\n", rows.size(), r.scan_seconds,
               queries.size());

  r.load_at_search = bench::load_average();
  const auto open_start = Clock::now();
  auto searcher = query::Searcher::open(**archive, o.work / "archive" / "index");
  if (!searcher) die("open searcher", searcher.error());
  r.searcher_open_seconds = seconds_since(open_start);
  time_queries(
      queries, "backscroll",
      [&](const bench::BenchQuery& q) -> core::Result<std::size_t> {
        auto result = (*searcher)->search({.query = bench::backscroll_query(q), .limit = r.limit});
        if (!result) return core::Unexpected{result.error()};
        return result->hits.size();
      },
      r.backscroll);
  std::fprintf(stderr, "backscroll: the same queries with facets\n");
  time_queries(
      queries, "backscroll+facets",
      [&](const bench::BenchQuery& q) -> core::Result<std::size_t> {
        auto result = (*searcher)->search(
            {.query = bench::backscroll_query(q), .limit = r.limit, .facets = true});
        if (!result) return core::Unexpected{result.error()};
        if (!result->facets)
          return core::fail(core::ErrorCode::kInternal, "facets requested but not returned");
        return result->hits.size();
      },
      r.backscroll_facets);
  searcher->reset();
  if (o.search_only) {
    std::cout << "Load average before search: " << r.load_at_search << "\n\n";
    bench::print_search(r, std::cout);
    return 0;
  }

  // Step 5: the peer.
  r.load_at_fts5 = bench::load_average();
  std::fprintf(stderr, "fts5: inserting %zu rows\n", rows.size());
  const fs::path fts5_file = o.work / "fts5.db";
  auto peer = bench::Fts5Peer::create(fts5_file);
  if (!peer) die("fts5", peer.error());
  const auto insert_start = Clock::now();
  if (auto done = (*peer)->insert(rows); !done) die("fts5 insert", done.error());
  r.fts5_insert_seconds = seconds_since(insert_start);
  rows.clear();
  rows.shrink_to_fit();
  const auto optimize_start = Clock::now();
  if (auto done = (*peer)->optimize(); !done) die("fts5 optimize", done.error());
  r.fts5_optimize_seconds = seconds_since(optimize_start);
  r.fts5_bytes = bench::tree_bytes(fts5_file) + bench::tree_bytes(fts5_file.string() + "-wal");
  time_queries(
      queries, "fts5", [&](const bench::BenchQuery& q) { return (*peer)->search(q, r.limit); },
      r.fts5);

  bench::print_markdown(r, std::cout);
  return 0;
}
