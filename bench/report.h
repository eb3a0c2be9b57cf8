#pragma once
// The macro benchmark's figures and their Markdown form (for bench/RESULTS.md).

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "bench/child_process.h"
#include "bench/latency.h"
#include "bench/machine.h"
#include "bench/query_set.h"

namespace backscroll::bench {

// One engine's search figures for one class of queries (or all of them).
struct ClassFigures {
  std::vector<double> micros;  // One per query, in run order.
  std::uint64_t hits = 0;      // Hits returned (<= limit per query), summed.
  std::size_t zero_hit_queries = 0;
  std::size_t errors = 0;
};

inline constexpr std::size_t kClassCount = std::size(kAllQueryClasses);
// Index kClassCount holds every query.
using EngineFigures = std::array<ClassFigures, kClassCount + 1>;

struct MacroResults {
  Machine machine;
  std::string command;
  std::string sqlite_version;
  std::string load_at_ingest;  // load_average() before each phase.
  std::string load_at_search;
  std::string load_at_fts5;

  std::string export_path;
  bool export_generated = false;
  double generate_seconds = 0;
  std::uint64_t export_bytes = 0;  // All files of the export (JSON).
  std::uint64_t messages = 0;      // In the archive after ingest.

  ChildRun first_ingest;
  ChildRun second_ingest;
  std::string first_output;  // The ingest command's summary line.
  std::string second_output;
  std::uint64_t store_bytes = 0;
  std::uint64_t index_bytes = 0;

  double scan_seconds = 0;  // for_each_message + searchable_text + sampling.
  std::size_t distinct_words = 0;
  double searcher_open_seconds = 0;
  std::size_t limit = 20;
  std::vector<std::string> examples;  // A few queries of each class, as backscroll gets them.
  EngineFigures backscroll;
  // The same queries with SearchRequest::facets (conversation, author and
  // month counts over the whole result set), warm-up and timed like the rest.
  EngineFigures backscroll_facets;

  double fts5_insert_seconds = 0;
  double fts5_optimize_seconds = 0;
  std::uint64_t fts5_bytes = 0;
  EngineFigures fts5;
};

void print_markdown(const MacroResults& r, std::ostream& out);
// The search tables alone (with facets), for macro_bench --search-only.
void print_search(const MacroResults& r, std::ostream& out);

}  // namespace backscroll::bench
