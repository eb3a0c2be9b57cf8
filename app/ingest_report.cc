#include "app/ingest_report.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "core/json_writer.h"

namespace backscroll::app {
namespace {

void write_error(core::JsonWriter& w, const core::Error& e) {
  w.begin_object();
  w.field("code", core::error_code_name(e.code));
  if (!e.where.source.empty()) w.field("source", e.where.source);
  if (!e.where.file.empty()) w.field("file", e.where.file);
  if (e.where.offset) w.field("offset", *e.where.offset);
  w.field("reason", e.message);
  if (!e.hint.empty()) w.field("hint", e.hint);
  w.end_object();
}

void write_counts(core::JsonWriter& w, const store::UpsertCounts& c, std::uint64_t skipped,
                  std::uint64_t files, std::uint64_t files_unchanged) {
  w.field("new", c.added);
  w.field("updated", c.updated);
  w.field("unchanged", c.unchanged);
  w.field("skipped", skipped);
  w.field("files", files);
  w.field("files_unchanged", files_unchanged);
}

}  // namespace

std::string ingest_report_json(const IngestRun& run) {
  store::UpsertCounts counts;
  std::uint64_t skipped = 0, files = 0, files_unchanged = 0, errors = run.errors.size(),
                warnings = 0;
  for (const ingest::IngestReport& r : run.exports) {
    counts += r.counts;
    skipped += r.skipped;
    files += r.files;
    files_unchanged += r.files_known;
    errors += r.errors.size();
    warnings += r.warnings.size();
  }
  core::JsonWriter w;
  w.begin_object();
  w.field("ok", run.exit_code == 0);
  w.field("exit_code", run.exit_code);
  w.field("started", run.started);
  w.field("duration_seconds", run.seconds);
  w.field("indexed", run.indexed);
  w.key("totals");
  w.begin_object();
  write_counts(w, counts, skipped, files, files_unchanged);
  w.field("errors", errors);
  w.field("warnings", warnings);
  w.end_object();
  w.key("exports");
  w.begin_array();
  for (const ingest::IngestReport& r : run.exports) {
    w.begin_object();
    w.field("source", r.source);
    w.field("written", r.written);
    w.field("users", r.users);
    w.field("conversations", r.conversations);
    write_counts(w, r.counts, r.skipped, r.files, r.files_known);
    w.key("errors");
    w.begin_array();
    for (const core::Error& e : r.errors) write_error(w, e);
    w.end_array();
    w.key("warnings");
    w.begin_array();
    for (const std::string& s : r.warnings) w.value(s);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("errors");
  w.begin_array();
  for (const core::Error& e : run.errors) write_error(w, e);
  w.end_array();
  w.end_object();
  return w.take() + "\n";
}

core::Result<void> write_report_file(const std::filesystem::path& file, const std::string& json) {
  std::filesystem::path tmp = file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << json;
    out.flush();
    if (!out)
      return core::fail(core::ErrorCode::kStorage,
                        "cannot write report " + tmp.string() + ": " + std::strerror(errno));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec)
    return core::fail(core::ErrorCode::kStorage,
                      "cannot write report " + file.string() + ": " + ec.message());
  return {};
}

}  // namespace backscroll::app
