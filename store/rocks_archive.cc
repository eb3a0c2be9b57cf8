#include "store/rocks_archive.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <vector>

#include "store/codec.h"
#include "store/keys.h"
#include "store/merge.h"

namespace backscroll::store {
namespace {

bool is_known_format(const std::string& version) {
  for (int v = kOldestFormatVersion; v <= kFormatVersion; ++v)
    if (version == std::to_string(v)) return true;
  return false;
}

bool is_reserved_meta(std::string_view key) {
  return key == kFormatVersionKey || key == kLastSequenceKey;
}

core::Unexpected reserved_meta(std::string_view key) {
  return core::fail(core::ErrorCode::kUsage,
                    "meta key \"" + std::string(key) + "\" is reserved for the archive itself");
}

std::string be64_string(std::uint64_t v) {
  std::string out;
  put_be64(out, v);
  return out;
}

}  // namespace

core::Result<std::uint64_t> load_meta(RocksDb& db, OpenMode mode) {
  rocksdb::ColumnFamilyHandle* meta = db.cf(Family::kMeta);
  std::string version;
  rocksdb::Status s = db.db().Get(rocksdb::ReadOptions(), meta, kFormatVersionKey, &version);
  if (s.IsNotFound()) {
    if (mode != OpenMode::kWritable)
      return core::fail(core::ErrorCode::kCorrupt, "archive has no format version");
    // A brand-new database: stamp it, unless it already holds messages.
    std::unique_ptr<rocksdb::Iterator> it(
        db.db().NewIterator(rocksdb::ReadOptions(), db.cf(Family::kMessages)));
    it->SeekToFirst();
    if (!it->status().ok()) return status_fail(it->status(), "cannot read archive");
    if (it->Valid())
      return core::fail(core::ErrorCode::kCorrupt, "archive has messages but no format version");
    rocksdb::WriteBatch batch;
    std::string stamp = std::to_string(kFormatVersion);
    if (!(s = batch.Put(meta, kFormatVersionKey, stamp)).ok() ||
        !(s = batch.Put(meta, kLastSequenceKey, be64_string(0))).ok())
      return status_fail(s, "cannot initialise archive");
    rocksdb::WriteOptions options;
    options.sync = true;
    s = db.db().Write(options, &batch);
    if (!s.ok()) return status_fail(s, "cannot initialise archive");
    return std::uint64_t{0};
  }
  if (!s.ok()) return status_fail(s, "cannot read archive format version");
  if (!is_known_format(version)) {
    core::Error e = core::make_error(core::ErrorCode::kCorrupt,
                                     "unknown archive format version \"" + version + "\"");
    e.hint = "this backscroll reads format versions " + std::to_string(kOldestFormatVersion) +
             " to " + std::to_string(kFormatVersion);
    return core::Unexpected{std::move(e)};
  }
  if (mode == OpenMode::kWritable && version != std::to_string(kFormatVersion)) {
    // Format 2 only adds to format 1 (see FORMAT.md): stamping is the upgrade.
    rocksdb::WriteOptions options;
    options.sync = true;
    s = db.db().Put(options, meta, kFormatVersionKey, std::to_string(kFormatVersion));
    if (!s.ok()) return status_fail(s, "cannot upgrade archive format version");
  }
  std::string sequence;
  s = db.db().Get(rocksdb::ReadOptions(), meta, kLastSequenceKey, &sequence);
  if (s.IsNotFound()) return std::uint64_t{0};
  if (!s.ok()) return status_fail(s, "cannot read archive last sequence");
  if (sequence.size() != 8)
    return core::fail(core::ErrorCode::kCorrupt, "archive last sequence is malformed");
  return get_be64(sequence);
}

core::Result<std::unique_ptr<Archive>> RocksArchive::open(const std::filesystem::path& dir,
                                                          OpenMode mode) {
  std::unique_ptr<RocksArchive> archive(new RocksArchive(dir, mode));
  if (mode == OpenMode::kWritable) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
      return core::fail(core::ErrorCode::kStorage,
                        "cannot create " + dir.string() + ": " + ec.message());
    auto lock = ArchiveLock::acquire(dir);
    if (!lock) return core::Unexpected{std::move(lock.error())};
    archive->lock_ = std::move(*lock);
  }
  auto db = RocksDb::open(dir, mode);
  if (!db) return core::Unexpected{std::move(db.error())};
  auto sequence = load_meta(**db, mode);
  if (!sequence) return core::Unexpected{std::move(sequence.error())};
  archive->db_ = std::move(*db);
  archive->last_sequence_ = *sequence;
  return std::unique_ptr<Archive>(std::move(archive));
}

core::Result<void> RocksArchive::refresh() {
  if (mode_ == OpenMode::kWritable) return {};
  auto db = RocksDb::open(dir_, mode_);
  if (!db) return core::Unexpected{std::move(db.error())};
  auto sequence = load_meta(**db, mode_);
  if (!sequence) return core::Unexpected{std::move(sequence.error())};
  db_ = std::move(*db);
  last_sequence_ = *sequence;
  return {};
}

core::Result<void> RocksArchive::check_writable() const {
  if (mode_ == OpenMode::kWritable) return {};
  return core::fail(core::ErrorCode::kUsage, "the archive is open read-only");
}

core::Result<void> RocksArchive::write(rocksdb::WriteBatch& batch, std::string_view what) {
  if (batch.Count() == 0) return {};
  // No fsync per batch: the WAL is written, and a crash loses at most the last
  // batches, which a rerun of ingest writes again.
  rocksdb::Status s = db_->db().Write(rocksdb::WriteOptions(), &batch);
  if (!s.ok()) return status_fail(s, what);
  return {};
}

core::Result<void> RocksArchive::put_users(std::span<const core::User> users) {
  if (auto ok = check_writable(); !ok) return ok;
  rocksdb::WriteBatch batch;
  for (const core::User& u : users) {
    auto stored = get_user(u.id);
    if (!stored) return core::Unexpected{std::move(stored.error())};
    std::string value = encode_user(*stored ? merge_user(**stored, u) : u);
    rocksdb::Status s = batch.Put(db_->cf(Family::kUsers), u.id.value, value);
    if (!s.ok()) return status_fail(s, "cannot store users");
  }
  return write(batch, "cannot store users");
}

core::Result<void> RocksArchive::put_conversations(
    std::span<const core::Conversation> conversations) {
  if (auto ok = check_writable(); !ok) return ok;
  rocksdb::WriteBatch batch;
  for (const core::Conversation& c : conversations) {
    auto stored = get_conversation(c.id);
    if (!stored) return core::Unexpected{std::move(stored.error())};
    std::string value = encode_conversation(*stored ? merge_conversation(**stored, c) : c);
    rocksdb::Status s = batch.Put(db_->cf(Family::kConversations), c.id.value, value);
    if (!s.ok()) return status_fail(s, "cannot store conversations");
  }
  return write(batch, "cannot store conversations");
}

core::Result<void> RocksArchive::put_meta(const std::string& key, const std::string& value) {
  if (auto ok = check_writable(); !ok) return ok;
  if (is_reserved_meta(key)) return reserved_meta(key);
  rocksdb::WriteBatch batch;
  rocksdb::Status s = batch.Put(db_->cf(Family::kMeta), key, value);
  if (!s.ok()) return status_fail(s, "cannot store meta entry");
  return write(batch, "cannot store meta entry");
}

core::Result<UpsertCounts> RocksArchive::upsert_messages(
    std::span<const core::Message> messages,
    const std::map<std::string, std::string>& meta_updates) {
  if (auto ok = check_writable(); !ok) return core::Unexpected{ok.error()};
  for (const auto& [key, value] : meta_updates)
    if (is_reserved_meta(key)) return reserved_meta(key);

  const std::size_t n = messages.size();
  std::vector<std::string> keys(n);
  for (std::size_t i = 0; i < n; ++i) {
    const core::ConversationId& conv = messages[i].conversation_id;
    if (conv.empty() || std::memchr(conv.value.data(), '\0', conv.value.size()))
      return core::fail(core::ErrorCode::kUsage,
                        "message has an empty or NUL-containing conversation id");
    keys[i] = message_key(conv, messages[i].ts.micros());
  }

  // Sort by key (stable: equal keys keep input order) to find each key's last
  // copy, the one that wins, and to give MultiGet sorted input.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&keys](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::vector<rocksdb::Slice> lookup;
  std::vector<std::size_t> slot(n, SIZE_MAX);  // Input index -> lookup index, winners only.
  lookup.reserve(n);
  for (std::size_t j = 0; j < n; ++j) {
    if (j + 1 < n && keys[order[j + 1]] == keys[order[j]]) continue;  // Superseded.
    slot[order[j]] = lookup.size();
    lookup.emplace_back(keys[order[j]]);
  }
  std::vector<rocksdb::PinnableSlice> stored(lookup.size());
  std::vector<rocksdb::Status> statuses(lookup.size());
  db_->db().MultiGet(rocksdb::ReadOptions(), db_->cf(Family::kMessages), lookup.size(),
                     lookup.data(), stored.data(), statuses.data(), /*sorted_input=*/true);

  UpsertCounts counts;
  rocksdb::WriteBatch batch;
  std::uint64_t sequence = last_sequence_.load();
  rocksdb::Status s;
  auto put = [&batch, &s](rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                          const rocksdb::Slice& value) {
    if (s.ok()) s = batch.Put(cf, key, value);
  };
  // Assign sequence numbers in input order.
  for (std::size_t i = 0; i < n; ++i) {
    if (slot[i] == SIZE_MAX) continue;
    const rocksdb::Status& got = statuses[slot[i]];
    std::string value = encode_message(messages[i]);
    const core::Message* current = &messages[i];
    std::optional<MessageMerge> merged;
    if (got.ok()) {
      std::string_view stored_value = stored[slot[i]].ToStringView();
      if (stored_value == value) {
        ++counts.unchanged;
        continue;
      }
      auto old = decode_message_at(keys[i], stored_value);
      if (!old) return core::Unexpected{std::move(old.error())};
      merged = merge_message(*old, messages[i]);
      current = &merged->message;
      if (merged->version) {
        const core::SlackTs& at = merged->version->edited_ts.value_or(merged->version->ts);
        put(db_->cf(Family::kVersions), version_key(keys[i], at.micros()),
            encode_message(*merged->version));
      }
      value = encode_message(*current);
      if (stored_value == value) {
        ++counts.unchanged;
        continue;
      }
      ++counts.updated;
      if (old->thread_ts && old->thread_ts != current->thread_ts && s.ok())
        s = batch.Delete(
            db_->cf(Family::kThreads),
            thread_key(current->conversation_id, old->thread_ts->micros(), current->ts.micros()));
    } else if (got.IsNotFound()) {
      ++counts.added;
    } else {
      return status_fail(got, "cannot read stored message");
    }
    const core::Message& m = *current;
    put(db_->cf(Family::kMessages), keys[i], value);
    if (m.thread_ts)
      put(db_->cf(Family::kThreads),
          thread_key(m.conversation_id, m.thread_ts->micros(), m.ts.micros()), "");
    put(db_->cf(Family::kChangelog), changelog_key(++sequence), keys[i]);
  }
  for (const auto& [key, value] : meta_updates) put(db_->cf(Family::kMeta), key, value);
  if (sequence != last_sequence_.load())
    put(db_->cf(Family::kMeta), kLastSequenceKey, be64_string(sequence));
  if (!s.ok()) return status_fail(s, "cannot store messages");
  if (auto ok = write(batch, "cannot store messages"); !ok) return core::Unexpected{ok.error()};
  last_sequence_ = sequence;
  return counts;
}

}  // namespace backscroll::store
