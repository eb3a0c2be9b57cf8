#include "ingest/ingest.h"

#include <map>
#include <utility>

#include "ingest/day_file_record.h"
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

// Day-file records read from the archive by the KnownDayFile check, so the
// writing pass can count a known file's messages without reading it again.
class KnownFiles {
 public:
  explicit KnownFiles(const store::Archive& archive) : archive_(archive) {}

  core::Result<bool> check(const core::ConversationId& conversation, const std::string& name,
                           std::uint64_t hash) {
    auto value = archive_.get_meta(day_file_key(conversation, name));
    if (!value) return core::Unexpected{std::move(value.error())};
    if (!*value) return false;
    std::optional<DayFileRecord> record = decode_day_file_record(**value);
    if (!record || record->hash != hash) return false;  // Unreadable: parse it again.
    last_ = *record;
    return true;
  }
  // The record of the file check() last said was known.
  const DayFileRecord& last() const { return last_; }

  ExportSource::KnownDayFile callback() {
    return [this](const core::ConversationId& c, const std::string& n, std::uint64_t h) {
      return check(c, n, h);
    };
  }

 private:
  const store::Archive& archive_;
  DayFileRecord last_;
};

// The strict mode's first pass: reads every day file that is not known,
// collecting errors, writing nothing.
// Stores the users `file` knows only from profile snapshots and adds them to
// `names`, so later messages resolve their mentions. Users already named are left
// as they are (an export's users.json or an earlier ingest wins).
core::Result<void> add_profile_users(store::Archive& archive, std::vector<core::User>& users,
                                     NameDirectory& names) {
  std::erase_if(users, [&](const core::User& u) { return names.user_name(u.id.value) != nullptr; });
  if (users.empty()) return {};
  for (const core::User& u : users) names.add_user(u);
  return archive.put_users(users);
}

core::Result<void> check_day_files(ExportSource& source, const NameDirectory& names,
                                   KnownFiles& known, const IngestOptions& options,
                                   IngestReport& report) {
  IngestProgress state;
  state.bytes_total = source.message_bytes_total();
  state.checking = true;
  return source.read_messages(
      names,
      [&](DayFile&& file) -> core::Result<void> {
        ++report.files;
        if (file.known) ++report.files_known;
        if (file.error) report.errors.push_back(std::move(*file.error));
        state.bytes_done += file.bytes;
        state.current_file = std::move(file.file);
        if (options.progress) options.progress(state);
        return {};
      },
      known.callback());
}

}  // namespace

core::Result<IngestReport> ingest_export(store::Archive& archive, const std::filesystem::path& path,
                                         const ProgressCallback& progress) {
  IngestOptions options;
  options.progress = progress;
  return ingest_export(archive, path, options);
}

core::Result<IngestReport> ingest_export(store::Archive& archive, const std::filesystem::path& path,
                                         const IngestOptions& options) {
  auto source = open_export_source(path, options.limits);
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
  KnownFiles known(archive);

  if (options.strict) {
    if (auto r = check_day_files(**source, names, known, options, report); !r)
      return core::Unexpected{r.error()};
    if (!report.errors.empty()) {
      report.written = false;
      return report;
    }
    report.files = report.files_known = 0;  // Counted again by the writing pass.
  }

  if (auto r = archive.put_users(meta->users); !r) return core::Unexpected{r.error()};
  if (auto r = archive.put_conversations(meta->conversations); !r)
    return core::Unexpected{r.error()};
  meta->users.clear();
  meta->users.shrink_to_fit();

  std::vector<core::Message> batch;
  std::map<std::string, std::string> records;  // Day-file records of the batch's files.
  batch.reserve(kBatchMessages);
  auto flush = [&]() -> core::Result<void> {
    if (batch.empty() && records.empty()) return {};
    auto counts = archive.upsert_messages(batch, records);
    if (!counts) return core::Unexpected{counts.error()};
    report.counts += *counts;
    batch.clear();
    records.clear();
    return {};
  };

  IngestProgress state;
  state.bytes_total = (*source)->message_bytes_total();
  core::Result<void> pass = (*source)->read_messages(
      names,
      [&](DayFile&& file) -> core::Result<void> {
        ++report.files;
        for (std::string& w : file.warnings) report.warnings.push_back(file.file + ": " + w);
        if (file.error) {
          report.errors.push_back(std::move(*file.error));
        } else if (file.known) {
          ++report.files_known;
          report.counts.unchanged += known.last().messages;
          report.skipped += known.last().skipped;
        } else {
          // Written before the file's messages: a crash in between re-reads the file.
          if (auto r = add_profile_users(archive, file.profile_users, names); !r) return r;
          report.skipped += file.skipped;
          DayFileRecord record{file.content_hash, file.messages.size(), file.skipped};
          records[day_file_key(file.conversation, file.name)] = encode_day_file_record(record);
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
        if (options.progress) options.progress(state);
        return {};
      },
      known.callback());
  if (!pass) return core::Unexpected{pass.error()};
  if (auto r = flush(); !r) return core::Unexpected{r.error()};
  return report;
}

}  // namespace backscroll::ingest
