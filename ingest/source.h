#pragma once
// ExportSource: the seam between chat-export formats and the archive. A source
// reads one export and yields, in the archive's own model (core/model.h), first
// its users and conversations, then its messages in batches, one per source file
// (for Slack: one day file of one conversation). Slack is the only source today;
// Mattermost, Discord, Telegram or IRC sources implement the same interface.
//
// A source reports problems at two levels. A problem with one file (not JSON,
// wrong types) is that file's DayFile::error: its messages are dropped (all or
// nothing per file) and the other files still go in. A problem with the export as
// a whole (missing path, not a zip) is the error of open_export_source() or of
// the read call.
//
// Usage (what ingest_export() does):
//   auto source = open_export_source(path);        // Result<unique_ptr<ExportSource>>
//   auto meta = (*source)->read_metadata();         // users, conversations, warnings
//   NameDirectory names; ... add meta's users and conversations ...
//   (*source)->read_messages(names, [&](DayFile&& file) { ...; return Result<void>{}; });
//
// Not thread-safe; call read_metadata() once, then read_messages().

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "ingest/export_files.h"
#include "ingest/name_directory.h"

namespace backscroll::ingest {

struct SourceMetadata {
  std::vector<core::User> users;
  // Every conversation the messages will refer to, including ones the source had
  // to make up (a Slack folder missing from the metadata files).
  std::vector<core::Conversation> conversations;
  std::vector<core::Error> errors;    // Unreadable metadata files (kBadInput).
  std::vector<std::string> warnings;  // E.g. "users.json is missing: ...".
};

// The messages of one source file.
struct DayFile {
  std::string file;                   // Path inside the export, e.g. "general/2020-10-01.json".
  std::uint64_t bytes = 0;            // Size of the file, for progress.
  core::ConversationId conversation;  // Whose messages these are.
  std::string name;                   // The file's name in its folder, e.g. "2020-10-01.json".
  std::uint64_t content_hash = 0;     // content_hash() of its bytes; 0 when unreadable.
  // True when the KnownDayFile check said this content is archived already: the
  // file was not parsed and `messages` is empty.
  bool known = false;
  std::vector<core::Message> messages;  // Empty when `error` is set.
  // Authors missing from the NameDirectory given to read_messages() that the
  // file knows only from a message's `user_profile` snapshot (Slack Connect
  // guests, users missing from users.json): one User each, from the first such
  // message. Empty when `error` is set.
  std::vector<core::User> profile_users;
  std::uint64_t skipped = 0;         // Entries not archived (no ts, message_changed, ...).
  std::optional<core::Error> error;  // kBadInput with where.source/file/offset.
  std::vector<std::string> warnings;
};

class ExportSource {
 public:
  virtual ~ExportSource() = default;

  // The export's path, as given.
  virtual const std::filesystem::path& path() const = 0;
  // Total size in bytes of the message files read_messages() will read.
  virtual std::uint64_t message_bytes_total() const = 0;

  // Reads users and conversations. Per-file problems go into the result's
  // errors/warnings; the returned error means the export cannot be read at all.
  [[nodiscard]] virtual core::Result<SourceMetadata> read_metadata() = 0;

  // Reads every message file in one pass and calls `visit` once per file, in the
  // export's order, with the file's messages or its error. `names` resolves ids in
  // markup. A visitor error stops the pass and is returned; otherwise an error
  // means the export broke mid-way (a truncated zip). Requires read_metadata()
  // first; may be called again (a validation pass, then the real one).
  // `known`, when set, is asked before parsing each readable file; when it says
  // the content is archived already the file is handed over unparsed
  // (DayFile::known); its error stops the pass.
  using DayFileVisitor = std::function<core::Result<void>(DayFile&&)>;
  using KnownDayFile = std::function<core::Result<bool>(
      const core::ConversationId& conversation, const std::string& name, std::uint64_t hash)>;
  [[nodiscard]] virtual core::Result<void> read_messages(const NameDirectory& names,
                                                         const DayFileVisitor& visit,
                                                         const KnownDayFile& known = {}) = 0;
};

// Opens the export at `path` (a Slack zip or folder) with the given limits on
// entry sizes. Errors: kNotFound when the path does not exist, kBadInput when it
// is not a zip archive nor a folder, kStorage when it cannot be read.
[[nodiscard]] core::Result<std::unique_ptr<ExportSource>> open_export_source(
    const std::filesystem::path& path, const ExportLimits& limits = {});

}  // namespace backscroll::ingest
