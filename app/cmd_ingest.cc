// backscroll ingest PATH...: reads Slack exports into the archive, then brings
// the index up to date with the archive's change log. Made for cron: quiet on
// success with --quiet, a JSON report with --report, a progress bar only on a
// terminal, warnings and errors through the log on stderr.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <ostream>

#include "app/commands.h"
#include "app/exit_code.h"
#include "app/ingest_report.h"
#include "app/log.h"
#include "app/progress_bar.h"
#include "core/calendar.h"
#include "index/index.h"
#include "ingest/ingest.h"

namespace backscroll::app {
namespace {

void describe(po::options_description& o, po::positional_options_description& p) {
  o.add_options()("path", po::value<std::vector<std::string>>()->required(),
                  "a Slack export: a .zip or an unpacked folder")(
      "quiet,q", "print nothing when everything went well (warnings only with --log-level)")(
      "strict", "write nothing from an export that has any malformed file")(
      "report", po::value<std::string>()->value_name("FILE"),
      "write a JSON report (counts, errors, duration) to FILE")(
      "log-level", po::value<std::string>()->value_name("LEVEL"),
      "debug, info, warning (default), error or off");
  p.add("path", -1);
}

// The one-line summary, on stdout when all went well, else on stderr.
void print_summary(std::ostream& out, const IngestRun& run, std::uint64_t problems) {
  store::UpsertCounts counts;
  std::uint64_t skipped = 0, files = 0;
  for (const ingest::IngestReport& r : run.exports) {
    counts += r.counts;
    skipped += r.skipped;
    files += r.files;
  }
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f s", run.seconds);
  out << "ingest: " << counts.added << " new, " << counts.updated << " updated, "
      << counts.unchanged << " unchanged, " << skipped << " skipped messages from " << files
      << " day files; " << run.indexed << " indexed";
  if (problems) out << "; " << problems << (problems == 1 ? " error" : " errors");
  if (counts.added == 0 && counts.updated == 0 && problems == 0) out << "; nothing changed";
  out << " (" << elapsed << ")\n";
}

// Ingests one export; returns the number of problems it had.
std::uint64_t ingest_one(const std::string& path, store::Archive& archive, bool strict,
                         bool show_progress, const Invocation& inv, Log& log, IngestRun& run) {
  ProgressBar checking(inv.err, show_progress, "checking ", ProgressBar::Unit::kBytes);
  ProgressBar ingesting(inv.err, show_progress, "ingesting", ProgressBar::Unit::kBytes);
  ingest::IngestOptions options;
  options.strict = strict;
  options.progress = [&](const ingest::IngestProgress& p) {
    if (p.checking) {
      checking.update(p.bytes_done, p.bytes_total);
    } else {
      checking.finish();
      ingesting.update(p.bytes_done, p.bytes_total);
    }
  };
  auto report = ingest::ingest_export(archive, path, options);
  checking.finish();
  ingesting.finish();
  if (!report) {
    log.error(report.error());
    run.errors.push_back(report.error());
    return 1;
  }
  for (const std::string& w : report->warnings) log.warning(path + ": " + w);
  for (const core::Error& e : report->errors) log.error(e);
  if (!report->written) {
    core::Error refused = core::make_error(
        core::ErrorCode::kBadInput, "--strict: nothing written from this export (" +
                                        std::to_string(report->errors.size()) + " bad files)");
    refused.where.source = path;
    log.error(refused);
  }
  log.debug(path + ": " + std::to_string(report->files) + " day files, " +
            std::to_string(report->files_known) + " unchanged since the last ingest (not parsed)");
  std::uint64_t problems = report->errors.size();
  run.exports.push_back(std::move(*report));
  return problems;
}

int run(const Invocation& inv, const po::variables_map& vm, store::Archive& archive) {
  const auto started = std::chrono::steady_clock::now();
  const bool quiet = vm.count("quiet") > 0;
  LogLevel level = quiet ? LogLevel::kError : LogLevel::kWarning;
  if (vm.count("log-level")) {
    auto parsed = parse_log_level(vm["log-level"].as<std::string>());
    if (!parsed) return report_error(inv.err, parsed.error());
    level = *parsed;
  }
  Log log(inv.err, level);
  const bool show_progress = inv.err_is_terminal && !quiet;
  IngestRun run;
  run.started = core::format_iso_utc(std::int64_t{std::time(nullptr)} * 1000000);
  std::uint64_t problems = 0;
  int exit_code = kExitOk;
  for (const std::string& path : vm["path"].as<std::vector<std::string>>())
    problems += ingest_one(path, archive, vm.count("strict") > 0, show_progress, inv, log, run);
  if (problems) exit_code = kExitFailure;

  // Index whatever the archive holds now, even after a partial failure: what
  // was archived must be searchable, and store and index must agree.
  {
    ProgressBar indexing(inv.err, show_progress, "indexing ", ProgressBar::Unit::kItems);
    auto indexed = index::catch_up(
        archive, index_dir(inv.global),
        [&](std::uint64_t done, std::uint64_t total) { indexing.update(done, total); });
    indexing.finish();
    if (indexed) {
      run.indexed = indexed->applied;
    } else {
      log.error(indexed.error());
      run.errors.push_back(indexed.error());
      ++problems;
      exit_code = std::max(exit_code, exit_code_for(indexed.error()));
    }
  }

  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.exit_code = exit_code;
  if (vm.count("report")) {
    if (auto written = write_report_file(vm["report"].as<std::string>(), ingest_report_json(run));
        !written) {
      log.error(written.error());
      ++problems;
      exit_code = kExitFailure;
    }
  }
  if (problems == 0 && quiet) return exit_code;
  print_summary(problems ? inv.err : inv.out, run, problems);
  return exit_code;
}

}  // namespace

const Command kIngestCommand{
    "ingest",
    "read Slack exports (.zip or folder) into the archive and index them",
    "[options] PATH...",
    describe,
    nullptr,
    run,
    "Incremental: day files unchanged since the last ingest are not read again, so\n"
    "re-ingesting an export changes nothing, quickly, and says so.\n"
    "Exit codes: 0 ok; 1 when any file could not be read (the others are still\n"
    "ingested; with --strict that export writes nothing), the archive is locked by\n"
    "another process, or a write failed; 2 usage error.\n"};

}  // namespace backscroll::app
