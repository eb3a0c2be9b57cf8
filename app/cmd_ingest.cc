// backscroll ingest PATH...: reads Slack exports into the archive, then brings
// the index up to date with the archive's change log.

#include <chrono>
#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "index/index.h"
#include "ingest/ingest.h"

namespace backscroll::app {
namespace {

void describe(po::options_description& o, po::positional_options_description& p) {
  o.add_options()("path", po::value<std::vector<std::string>>()->required(),
                  "a Slack export: a .zip or an unpacked folder")(
      "quiet,q", "print nothing when everything went well");
  p.add("path", -1);
}

int run(const Invocation& inv, const po::variables_map& vm, store::Archive& archive) {
  auto started = std::chrono::steady_clock::now();
  store::UpsertCounts counts;
  std::uint64_t skipped = 0, files = 0, problems = 0;
  for (const std::string& path : vm["path"].as<std::vector<std::string>>()) {
    auto report = ingest::ingest_export(archive, path);
    if (!report) {
      report_error(inv.err, report.error());
      ++problems;
      continue;
    }
    counts += report->counts;
    skipped += report->skipped;
    files += report->files;
    for (const std::string& w : report->warnings) inv.err << "backscroll: warning: " << w << '\n';
    for (const core::Error& e : report->errors) report_error(inv.err, e);
    problems += report->errors.size();
  }

  // Index whatever the archive holds now, even after a partial failure: what
  // was archived must be searchable, and store and index must agree.
  auto indexed = index::catch_up(archive, index_dir(inv.global));
  if (!indexed) return report_error(inv.err, indexed.error());

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (problems == 0 && vm.count("quiet")) return kExitOk;
  std::ostream& out = problems ? inv.err : inv.out;
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f s", seconds);
  out << "ingest: " << counts.added << " new, " << counts.updated << " updated, "
      << counts.unchanged << " unchanged, " << skipped << " skipped messages from " << files
      << " day files; " << indexed->applied << " indexed";
  if (problems) out << "; " << problems << (problems == 1 ? " error" : " errors");
  if (counts.added == 0 && counts.updated == 0 && problems == 0) out << "; nothing changed";
  out << " (" << elapsed << ")\n";
  return problems ? kExitFailure : kExitOk;
}

}  // namespace

const Command kIngestCommand{
    "ingest", "read Slack exports (.zip or folder) into the archive and index them",
    "[options] PATH...", describe, nullptr, run,
    "Re-ingesting an export changes nothing and says so. Exit code 1 when any file\n"
    "could not be read (the others are still ingested).\n"};

}  // namespace backscroll::app
