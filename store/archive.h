#pragma once
// The archive: backscroll's source of truth, a RocksDB database. Everything
// RocksDB stays inside store/; this header exposes only core types.
//
// Column families (layouts in store/FORMAT.md):
//   messages       conversation id, 0x00, ts micros (8 bytes BE) -> Message
//   threads        conversation id, 0x00, thread_ts micros, ts micros -> ""
//   conversations  conversation id -> Conversation
//   users          user id -> User
//   changelog      sequence number (8 bytes BE) -> message key
//   versions       message key, edited/ts micros (8 bytes BE) -> a previous
//                  version of the message (format 2)
//   meta           bookkeeping: format version, last sequence number, and
//                  named entries for ingest (e.g. content hashes of day files)
//
// The archive loses nothing: an upsert never deletes a message; an edit keeps
// the replaced version in `versions`; Slack's tombstone over an archived message
// only marks it deleted; a renamed user or conversation keeps its former names
// (rules in store/merge.h).
//
// Every upsert that adds or changes a message appends a changelog entry in the
// same WriteBatch, so the index can catch up from the last sequence number it
// committed, and a crash at any point leaves the archive whole.
//
// Thread-safety: all const methods may be called concurrently. Writes must come
// from one thread at a time. A writable archive holds an exclusive lock on the
// directory (a second writer gets ErrorCode::kLocked naming the holder's pid);
// read-only opens never take it and may run beside a writer.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"

namespace backscroll::store {

enum class OpenMode {
  kReadOnly,  // Never writes, never locks; sees the state at open (or last refresh()).
  kWritable,  // Creates the archive if missing; takes the write lock.
};

struct UpsertCounts {
  std::uint64_t added = 0;      // New (conversation, ts).
  std::uint64_t updated = 0;    // Stored before, now different: replaced, re-logged.
  std::uint64_t unchanged = 0;  // Byte-identical to what is stored: nothing written.
  UpsertCounts& operator+=(const UpsertCounts& o);
};

struct ArchiveStats {
  std::uint64_t messages = 0;
  std::uint64_t conversations = 0;
  std::uint64_t users = 0;
  std::optional<core::SlackTs> first;  // Earliest message ts, none when empty.
  std::optional<core::SlackTs> last;
  std::map<std::string, std::uint64_t> messages_by_kind;  // message_kind_name -> count
  std::map<std::string, std::uint64_t> conversations_by_kind;
  std::uint64_t threads = 0;   // Distinct (conversation, thread_ts) with a reply or parent.
  std::uint64_t last_sequence = 0;
};

// Visitor for scans; return false to stop early.
using MessageVisitor = std::function<bool(const core::Message&)>;
// Changelog visitor: the entry's sequence number and the message's current state.
using ChangeVisitor = std::function<bool(std::uint64_t sequence, const core::Message&)>;

class Archive {
 public:
  virtual ~Archive() = default;

  // Opens (kWritable: creates) the archive in `dir`. Errors: kLocked when another
  // process holds the write lock (hint names its pid), kStorage for I/O problems,
  // kCorrupt when the format version is unknown or data does not decode,
  // kNotFound when opening read-only an archive that does not exist.
  [[nodiscard]] static core::Result<std::unique_ptr<Archive>> open(
      const std::filesystem::path& dir, OpenMode mode);

  // --- writes (kWritable only; kUsage error otherwise) ---
  // Upserts all in one WriteBatch (all or nothing). A stored user or
  // conversation whose name changes keeps the old one in former_names.
  [[nodiscard]] virtual core::Result<void> put_users(std::span<const core::User> users) = 0;
  [[nodiscard]] virtual core::Result<void> put_conversations(
      std::span<const core::Conversation> conversations) = 0;
  // Upserts messages in one WriteBatch: unchanged ones write nothing; added and
  // updated ones are stored, their thread entry kept, and a changelog entry
  // appended for each. A stored message is combined with the incoming copy as
  // store/merge.h says (edits keep the previous version, a tombstone marks it
  // deleted, an older copy does not replace a later edit); "unchanged" then
  // means the combination equals what is stored. `meta_updates` (key -> value) go into the same batch, so
  // ingest can record "this day file is done" atomically with its messages.
  // A (conversation, ts) given more than once counts once and its last copy
  // wins, so added + updated + unchanged = number of distinct keys. Changelog
  // entries follow the input order. Errors: kUsage for an empty or NUL-containing
  // conversation id or a reserved meta key ("format_version", "last_sequence").
  [[nodiscard]] virtual core::Result<UpsertCounts> upsert_messages(
      std::span<const core::Message> messages,
      const std::map<std::string, std::string>& meta_updates = {}) = 0;
  [[nodiscard]] virtual core::Result<void> put_meta(const std::string& key,
                                                    const std::string& value) = 0;

  // --- reads ---
  [[nodiscard]] virtual core::Result<std::optional<core::Message>> get_message(
      const core::ConversationId& conversation, const core::SlackTs& ts) const = 0;
  // Messages of one conversation in ts order, from `from` (inclusive) to `to`
  // (exclusive), either bound optional.
  [[nodiscard]] virtual core::Result<void> scan_conversation(
      const core::ConversationId& conversation, std::optional<core::SlackTs> from,
      std::optional<core::SlackTs> to, const MessageVisitor& visit) const = 0;
  // Same, newest first, starting strictly before `before` (all when nullopt).
  [[nodiscard]] virtual core::Result<void> scan_conversation_backward(
      const core::ConversationId& conversation, std::optional<core::SlackTs> before,
      const MessageVisitor& visit) const = 0;
  // The stored parent (if any) and replies of a thread, in ts order.
  [[nodiscard]] virtual core::Result<std::vector<core::Message>> thread(
      const core::ConversationId& conversation, const core::SlackTs& thread_ts) const = 0;
  // The previous versions of a message (see upsert_messages), oldest first;
  // empty when it was never edited.
  [[nodiscard]] virtual core::Result<std::vector<core::Message>> message_versions(
      const core::ConversationId& conversation, const core::SlackTs& ts) const = 0;
  // Every message, in key order.
  [[nodiscard]] virtual core::Result<void> for_each_message(const MessageVisitor& visit) const = 0;
  // Changelog entries with sequence > `after`, in order, with the message's
  // current state.
  [[nodiscard]] virtual core::Result<void> for_each_change(std::uint64_t after,
                                                           const ChangeVisitor& visit) const = 0;
  virtual std::uint64_t last_sequence() const = 0;

  [[nodiscard]] virtual core::Result<std::optional<core::User>> get_user(
      const core::UserId& id) const = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::User>> users() const = 0;
  [[nodiscard]] virtual core::Result<std::optional<core::Conversation>> get_conversation(
      const core::ConversationId& id) const = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Conversation>> conversations() const = 0;
  [[nodiscard]] virtual core::Result<std::optional<std::string>> get_meta(
      const std::string& key) const = 0;
  [[nodiscard]] virtual core::Result<ArchiveStats> stats() const = 0;

  // Read-only archives: pick up what a writer committed since open (no-op for
  // a writable archive). Reopens the database; not to be called concurrently
  // with any other method. On error the archive keeps its previous view.
  [[nodiscard]] virtual core::Result<void> refresh() = 0;
};

}  // namespace backscroll::store
