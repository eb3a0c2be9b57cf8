#include "ingest/ingest.h"

#include <utility>

#include "ingest/name_directory.h"
#include "ingest/source.h"

namespace backscroll::ingest {
namespace {

// Fills `names` from the archive first, so the export's own metadata wins.
core::Result<void> add_archive_names(const store::Archive& archive, NameDirectory& names) {
  auto users = archive.users();
  if (!users) return core::Unexpected{users.error()};
  for (const core::User& u : *users) names.add_user(u);
  auto conversations = archive.conversations();
  if (!conversations) return core::Unexpected{conversations.error()};
  for (const core::Conversation& c : *conversations) names.add_conversation(c);
  return {};
}

}  // namespace

core::Result<IngestReport> ingest_export(store::Archive& archive, const std::filesystem::path& path,
                                         const ProgressCallback& progress) {
  auto source = open_export_source(path);
  if (!source) return core::Unexpected{source.error()};
  IngestReport report;
  report.source = path.string();

  auto meta = (*source)->read_metadata();
  if (!meta) return core::Unexpected{meta.error()};
  report.errors = std::move(meta->errors);
  report.warnings = std::move(meta->warnings);
  report.users = meta->users.size();
  report.conversations = meta->conversations.size();

  NameDirectory names;
  if (auto r = add_archive_names(archive, names); !r) return core::Unexpected{r.error()};
  for (const core::User& u : meta->users) names.add_user(u);
  for (const core::Conversation& c : meta->conversations) names.add_conversation(c);
  if (auto r = archive.put_users(meta->users); !r) return core::Unexpected{r.error()};
  if (auto r = archive.put_conversations(meta->conversations); !r)
    return core::Unexpected{r.error()};
  meta->users.clear();
  meta->users.shrink_to_fit();

  std::vector<core::Message> batch;
  batch.reserve(kBatchMessages);
  auto flush = [&]() -> core::Result<void> {
    if (batch.empty()) return {};
    auto counts = archive.upsert_messages(batch);
    if (!counts) return core::Unexpected{counts.error()};
    report.counts += *counts;
    batch.clear();
    return {};
  };

  IngestProgress state;
  state.bytes_total = (*source)->message_bytes_total();
  core::Result<void> pass =
      (*source)->read_messages(names, [&](DayFile&& file) -> core::Result<void> {
        ++report.files;
        report.skipped += file.skipped;
        for (std::string& w : file.warnings) report.warnings.push_back(file.file + ": " + w);
        if (file.error) {
          report.errors.push_back(std::move(*file.error));
        } else {
          if (batch.empty() && file.messages.size() >= kBatchMessages) {
            batch = std::move(file.messages);
          } else {
            for (core::Message& m : file.messages) batch.push_back(std::move(m));
          }
          if (batch.size() >= kBatchMessages) {
            if (auto r = flush(); !r) return r;
          }
        }
        state.bytes_done += file.bytes;
        state.current_file = std::move(file.file);
        if (progress) progress(state);
        return {};
      });
  if (!pass) return core::Unexpected{pass.error()};
  if (auto r = flush(); !r) return core::Unexpected{r.error()};
  return report;
}

}  // namespace backscroll::ingest
