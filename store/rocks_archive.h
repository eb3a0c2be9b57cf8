#pragma once
// Internal to store/: the RocksDB implementation of Archive. Writes live in
// rocks_archive.cc, reads in rocks_archive_read.cc, stats() in
// rocks_archive_stats.cc.
//
// Read-only archives use rocksdb::DB::OpenForReadOnly, which takes no lock and
// writes nothing, so they run beside a writer in another process. They see the
// database as it was at open; refresh() opens a fresh read-only instance and
// swaps it in (we chose reopening over a secondary instance because a secondary
// needs a directory of its own to write its logs into).

#include <rocksdb/snapshot.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "store/archive.h"
#include "store/archive_lock.h"
#include "store/rocks_db.h"

namespace backscroll::store {

// Reserved meta keys; put_meta and meta_updates may not write them.
inline constexpr std::string_view kFormatVersionKey = "format_version";
inline constexpr std::string_view kLastSequenceKey = "last_sequence";
// The archive format this code writes (meta "format_version", decimal). It also
// reads format 1 (a subset of 2) and stamps it 2 on the first writable open.
inline constexpr int kFormatVersion = 2;
inline constexpr int kOldestFormatVersion = 1;

class RocksArchive final : public Archive {
 public:
  [[nodiscard]] static core::Result<std::unique_ptr<Archive>> open(const std::filesystem::path& dir,
                                                                   OpenMode mode);

  core::Result<void> put_users(std::span<const core::User> users) override;
  core::Result<void> put_conversations(std::span<const core::Conversation> conversations) override;
  core::Result<UpsertCounts> upsert_messages(
      std::span<const core::Message> messages,
      const std::map<std::string, std::string>& meta_updates) override;
  core::Result<void> put_meta(const std::string& key, const std::string& value) override;

  core::Result<std::optional<core::Message>> get_message(const core::ConversationId& conversation,
                                                         const core::SlackTs& ts) const override;
  core::Result<void> scan_conversation(const core::ConversationId& conversation,
                                       std::optional<core::SlackTs> from,
                                       std::optional<core::SlackTs> to,
                                       const MessageVisitor& visit) const override;
  core::Result<void> scan_conversation_backward(const core::ConversationId& conversation,
                                                std::optional<core::SlackTs> before,
                                                const MessageVisitor& visit) const override;
  core::Result<std::vector<core::Message>> thread(const core::ConversationId& conversation,
                                                  const core::SlackTs& thread_ts) const override;
  core::Result<std::vector<core::Message>> message_versions(
      const core::ConversationId& conversation, const core::SlackTs& ts) const override;
  core::Result<void> for_each_message(const MessageVisitor& visit) const override;
  core::Result<void> for_each_change(std::uint64_t after,
                                     const ChangeVisitor& visit) const override;
  std::uint64_t last_sequence() const override { return last_sequence_.load(); }

  core::Result<std::optional<core::User>> get_user(const core::UserId& id) const override;
  core::Result<std::vector<core::User>> users() const override;
  core::Result<std::optional<core::Conversation>> get_conversation(
      const core::ConversationId& id) const override;
  core::Result<std::vector<core::Conversation>> conversations() const override;
  core::Result<std::optional<std::string>> get_meta(const std::string& key) const override;
  core::Result<ArchiveStats> stats() const override;

  core::Result<void> refresh() override;

 private:
  RocksArchive(std::filesystem::path dir, OpenMode mode) : dir_(std::move(dir)), mode_(mode) {}

  enum class Direction { kForward, kBackward };
  // Visits `family`'s entries in [lower, upper) ("" upper: no bound) in order;
  // `visit` returns false to stop, or an error that ends the scan. Checks the
  // iterator's status at the end.
  using RawVisitor =
      std::function<core::Result<bool>(std::string_view key, std::string_view value)>;
  core::Result<void> scan(Family family, const std::string& lower, const std::string& upper,
                          Direction direction, const RawVisitor& visit,
                          const rocksdb::Snapshot* snapshot = nullptr) const;
  core::Result<std::optional<std::string>> get_raw(Family family, std::string_view key) const;
  core::Result<void> scan_messages(const std::string& lower, const std::string& upper,
                                   Direction direction, const MessageVisitor& visit) const;
  core::Result<void> check_writable() const;
  core::Result<void> write(rocksdb::WriteBatch& batch, std::string_view what);

  std::filesystem::path dir_;
  OpenMode mode_;
  std::unique_ptr<ArchiveLock> lock_;  // Declared before db_: released after it closes.
  std::unique_ptr<RocksDb> db_;
  std::atomic<std::uint64_t> last_sequence_{0};
};

// Reads and checks the meta entries of a freshly opened database: the format
// version (kCorrupt when unknown or missing; a writable open of an empty
// database writes it, and of a format 1 database upgrades it) and the last
// sequence number, which it returns.
[[nodiscard]] core::Result<std::uint64_t> load_meta(RocksDb& db, OpenMode mode);

// Decoding with the entry's key in the error message.
[[nodiscard]] core::Result<core::Message> decode_message_at(std::string_view key,
                                                            std::string_view value);

}  // namespace backscroll::store
