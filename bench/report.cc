#include "bench/report.h"

#include <cstdio>

namespace backscroll::bench {
namespace {

constexpr std::uint64_t kGiB = 1024ULL * 1024 * 1024;

std::string format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

// 1234567 -> "1,234,567"
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string verdict(bool met) { return met ? "met" : "**missed**"; }

double ratio(std::uint64_t a, std::uint64_t b) {
  return b == 0 ? 0 : static_cast<double>(a) / static_cast<double>(b);
}

std::string micros(double us) { return us < 100 ? format("%.1f", us) : format("%.0f", us); }

void print_ingest(const MacroResults& r, std::ostream& out) {
  const ChildRun& first = r.first_ingest;
  const ChildRun& second = r.second_ingest;
  const double rate = first.wall_seconds > 0 ? r.messages / first.wall_seconds : 0;
  const std::uint64_t both = r.store_bytes + r.index_bytes;
  const double rerun = first.wall_seconds > 0 ? second.wall_seconds / first.wall_seconds : 0;
  out << "### Ingest (`backscroll ingest` as a child process, fresh archive)\n\n"
      << "| Figure | Value | Target | Status |\n|---|---|---|---|\n"
      << "| First ingest, wall time | " << format("%.1f s", first.wall_seconds) << " ("
      << grouped(static_cast<std::uint64_t>(rate)) << " messages/s; CPU user "
      << format("%.1f s", first.user_seconds) << ", sys " << format("%.1f s", first.system_seconds)
      << ") | ≤ 45 s for 1M | "
      << (r.messages >= 1000000 ? verdict(first.wall_seconds <= 45) : "(1M run)") << " |\n"
      << "| Peak RSS (ru_maxrss) | " << human_bytes(first.peak_rss_bytes) << " | ≤ 1 GiB | "
      << verdict(first.peak_rss_bytes <= kGiB) << " |\n"
      << "| Archive (RocksDB, `store/`) | " << human_bytes(r.store_bytes) << " ("
      << format("%.3f", ratio(r.store_bytes, r.export_bytes)) << "× export) | | |\n"
      << "| Index (Xapian, `index/`) | " << human_bytes(r.index_bytes) << " ("
      << format("%.3f", ratio(r.index_bytes, r.export_bytes)) << "× export) | | |\n"
      << "| Archive + index vs export JSON (" << human_bytes(r.export_bytes) << ") | "
      << human_bytes(both) << " = " << format("%.3f", ratio(both, r.export_bytes))
      << "× | ≤ 0.5× | " << verdict(ratio(both, r.export_bytes) <= 0.5) << " |\n"
      << "| Unchanged re-run, wall time | " << format("%.2f s", second.wall_seconds) << " = "
      << format("%.3f", rerun) << "× first (peak RSS " << human_bytes(second.peak_rss_bytes)
      << ") | < 0.2× | " << verdict(rerun < 0.2) << " |\n\n"
      << "First run printed: `" << r.first_output << "`  \n"
      << "Re-run printed: `" << r.second_output << "`\n\n";
}

// The facets pass: the same queries with SearchRequest::facets.
void print_facets(const MacroResults& r, std::ostream& out) {
  const ClassFigures& all = r.backscroll_facets[kClassCount];
  if (all.micros.empty()) return;
  out << "### Search with facets (same queries, `facets = true`: counts by conversation, "
         "author and month over the whole result set; µs)\n\n"
      << "| Class | Queries | p50 | p90 | p99 | max | p50 vs without facets | hits/query |\n"
      << "|---|---|---|---|---|---|---|---|\n";
  for (std::size_t c = 0; c <= kClassCount; ++c) {
    const ClassFigures& b = r.backscroll_facets[c];
    if (b.micros.empty()) continue;
    const LatencySummary s = summarize(b.micros);
    const LatencySummary plain = summarize(r.backscroll[c].micros);
    const std::string name = c == kClassCount
                                 ? "**all**"
                                 : std::string("`") + query_class_name(kAllQueryClasses[c]) + "`";
    out << "| " << name << " | " << s.count << " | " << micros(s.p50) << " | " << micros(s.p90)
        << " | " << micros(s.p99) << " | " << micros(s.max) << " | "
        << format("%.2f×", plain.p50 > 0 ? s.p50 / plain.p50 : 0) << " | "
        << format("%.1f", static_cast<double>(b.hits) / s.count) << " |\n";
  }
  const LatencySummary s = summarize(all.micros);
  out << "\nTarget (with facets, all queries): p99 " << micros(s.p99)
      << " µs vs ≤ 10000 µs: " << verdict(s.p99 <= 10000) << ". Errors: " << all.errors << ".\n\n";
}

}  // namespace

void print_search(const MacroResults& r, std::ostream& out) {
  const std::size_t n = r.backscroll[kClassCount].micros.size();
  out << "### Search (in-process, limit " << r.limit << ", snippets; " << n
      << " queries timed after one untimed warm-up pass; µs)\n\n"
      << "| Class | Queries | backscroll p50 | p90 | p99 | max | FTS5 p50 | p90 | p99 | max | "
         "p50 ratio bs/FTS5 | p99 ratio | hits/query bs / FTS5 | zero-hit queries bs / FTS5 |\n"
      << "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t c = 0; c <= kClassCount; ++c) {
    const ClassFigures& b = r.backscroll[c];
    const ClassFigures& f = r.fts5[c];
    if (b.micros.empty()) continue;
    const LatencySummary bs = summarize(b.micros);
    const LatencySummary fs = summarize(f.micros);
    const std::string name = c == kClassCount
                                 ? "**all**"
                                 : std::string("`") + query_class_name(kAllQueryClasses[c]) + "`";
    out << "| " << name << " | " << bs.count << " | " << micros(bs.p50) << " | " << micros(bs.p90)
        << " | " << micros(bs.p99) << " | " << micros(bs.max) << " | " << micros(fs.p50) << " | "
        << micros(fs.p90) << " | " << micros(fs.p99) << " | " << micros(fs.max) << " | "
        << format("%.2f", fs.p50 > 0 ? bs.p50 / fs.p50 : 0) << " | "
        << format("%.2f", fs.p99 > 0 ? bs.p99 / fs.p99 : 0) << " | "
        << format("%.1f", static_cast<double>(b.hits) / bs.count) << " / "
        << format("%.1f", fs.count ? static_cast<double>(f.hits) / fs.count : 0) << " | "
        << b.zero_hit_queries << " / " << f.zero_hit_queries << " |\n";
  }
  const ClassFigures& all = r.backscroll[kClassCount];
  const LatencySummary s = summarize(all.micros);
  out << "\nTargets (backscroll, all queries): p50 " << micros(s.p50)
      << " µs vs ≤ 200 µs: " << verdict(s.p50 <= 200) << "; p99 " << micros(s.p99)
      << " µs vs ≤ 2000 µs: " << verdict(s.p99 <= 2000) << ". Errors: backscroll " << all.errors
      << ", FTS5 " << r.fts5[kClassCount].errors << ".\n\n"
      << "Searcher::open " << format("%.1f ms", r.searcher_open_seconds * 1000)
      << "; query set drawn from " << grouped(r.distinct_words)
      << " distinct words (archive scan with searchable_text: " << format("%.1f s", r.scan_seconds)
      << ").\n\n";
  print_facets(r, out);
}

void print_markdown(const MacroResults& r, std::ostream& out) {
  const Machine& m = r.machine;
  out << "## Macro benchmark: " << grouped(r.messages) << " messages\n\n"
      << "- Machine: " << m.cpus << " CPUs (" << m.cpu_model << "), " << human_bytes(m.ram_bytes)
      << " RAM, " << m.kernel << "; built with " << m.compiler << "; SQLite " << r.sqlite_version
      << "\n"
      << "- Command: `" << r.command << "`\n"
      << "- Export: `" << r.export_path << "`, " << human_bytes(r.export_bytes) << " of JSON ("
      << (r.export_generated ? "generated by backscroll-genexport --seed 42 in " +
                                   format("%.1f s", r.generate_seconds)
                             : std::string("reused"))
      << ")\n"
      << "- Load average (1/5/15 min) before ingest: " << r.load_at_ingest
      << "; before backscroll search: " << r.load_at_search << "; before FTS5: " << r.load_at_fts5
      << "\n\n";
  print_ingest(r, out);
  print_search(r, out);
  const double insert_rate = r.fts5_insert_seconds > 0 ? r.messages / r.fts5_insert_seconds : 0;
  out << "### Peer: SQLite FTS5 (`porter unicode61`, same texts)\n\n"
      << "Insert of " << grouped(r.messages)
      << " searchable texts in one transaction: " << format("%.1f s", r.fts5_insert_seconds) << " ("
      << grouped(static_cast<std::uint64_t>(insert_rate)) << " messages/s), optimize "
      << format("%.1f s", r.fts5_optimize_seconds) << ", database " << human_bytes(r.fts5_bytes)
      << " (" << format("%.3f", ratio(r.fts5_bytes, r.export_bytes))
      << "× export). Words ANDed, phrase quoted, filters as `conversation_id = ?` / "
         "`user_id = ?` on UNINDEXED columns, `ORDER BY rank LIMIT 20` with `snippet()`.\n\n";
  out << "Example queries:";
  for (const std::string& e : r.examples) out << " `" << e << "`";
  out << "\n";
}

}  // namespace backscroll::bench
