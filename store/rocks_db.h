#pragma once
// Internal to store/: one open RocksDB instance with the archive's column
// families, opened by descriptor with the options tuned for bulk ingest, and the
// translation of rocksdb::Status into core::Error.

#include <rocksdb/db.h>

#include <array>
#include <filesystem>
#include <memory>
#include <string_view>

#include "core/result.h"
#include "store/archive.h"

namespace backscroll::store {

// The archive's column families; values index RocksDb's handle table.
enum class Family : std::size_t {
  kMessages,
  kThreads,
  kConversations,
  kUsers,
  kChangelog,
  kMeta,
  kDefault,   // Unused, but RocksDB always has it.
  kVersions,  // Format 2. Absent from a format 1 archive opened read-only: cf() is null.
};
inline constexpr std::size_t kFamilyCount = 8;
// The name of each Family, in enum order.
const char* family_name(Family family);

class RocksDb {
 public:
  // kWritable creates `dir`, the database and missing column families (the
  // caller holds the archive lock). kReadOnly uses OpenForReadOnly, which takes
  // no lock and never writes; it fails with kNotFound when `dir` holds no
  // database, and retries a few times when a file vanishes under a concurrent
  // writer's compaction.
  [[nodiscard]] static core::Result<std::unique_ptr<RocksDb>> open(const std::filesystem::path& dir,
                                                                   OpenMode mode);
  // A writable database flushes its memtables first, so later read-only opens
  // need not replay the WAL. That is best effort: a failure loses nothing (the
  // WAL has it all) and has no one to be reported to.
  ~RocksDb();
  RocksDb(const RocksDb&) = delete;
  RocksDb& operator=(const RocksDb&) = delete;

  rocksdb::DB& db() const { return *db_; }
  // The family's handle; null only for kVersions of a format 1 archive opened
  // read-only (created by the first writable open).
  rocksdb::ColumnFamilyHandle* cf(Family family) const {
    return handles_[static_cast<std::size_t>(family)];
  }

 private:
  explicit RocksDb(OpenMode mode) : mode_(mode) {}
  OpenMode mode_;
  std::unique_ptr<rocksdb::DB> db_;
  std::array<rocksdb::ColumnFamilyHandle*, kFamilyCount> handles_{};
};

// Maps a failed status to an Error: Corruption -> kCorrupt, RocksDB's own lock
// -> kLocked, IOError/NoSpace and anything else -> kStorage. The message is
// "<what>: <status text>".
core::Error status_error(const rocksdb::Status& status, std::string_view what);
inline core::Unexpected status_fail(const rocksdb::Status& status, std::string_view what) {
  return core::Unexpected{status_error(status, what)};
}

}  // namespace backscroll::store
