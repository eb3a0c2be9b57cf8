#include "store/rocks_db.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <cstdarg>
#include <string>
#include <system_error>
#include <vector>

namespace backscroll::store {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr int kReadOnlyAttempts = 5;

// A read-only open must not touch the writer's LOG files.
class NullLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

rocksdb::DBOptions db_options(OpenMode mode) {
  rocksdb::DBOptions o;
  o.max_open_files = -1;  // Keep every table open: a read-only view stays valid
                          // when a concurrent writer's compaction unlinks files.
  o.keep_log_file_num = 3;
  o.max_total_wal_size = 128 * kMiB;
  o.max_background_jobs = 2;
  o.bytes_per_sync = 1 * kMiB;
  if (mode == OpenMode::kWritable) {
    o.create_if_missing = true;
    o.create_missing_column_families = true;
  } else {
    o.info_log = std::make_shared<NullLogger>();
  }
  return o;
}

rocksdb::ColumnFamilyOptions family_options(Family family,
                                            const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.block_size = 16 * 1024;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.cache_index_and_filter_blocks = false;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kZSTD;
  o.level_compaction_dynamic_level_bytes = true;
  switch (family) {
    case Family::kMessages:
      o.write_buffer_size = 64 * kMiB;
      o.max_write_buffer_number = 3;
      o.target_file_size_base = 64 * kMiB;
      break;
    case Family::kThreads:
    case Family::kChangelog:
      o.write_buffer_size = 16 * kMiB;
      break;
    default:
      o.write_buffer_size = 4 * kMiB;
      break;
  }
  return o;
}

std::vector<rocksdb::ColumnFamilyDescriptor> descriptors() {
  auto cache = rocksdb::NewLRUCache(64 * kMiB);
  std::vector<rocksdb::ColumnFamilyDescriptor> out;
  for (std::size_t i = 0; i < kFamilyCount; ++i) {
    auto family = static_cast<Family>(i);
    out.emplace_back(family_name(family), family_options(family, cache));
  }
  return out;
}

bool is_lock_error(const rocksdb::Status& s) {
  if (!s.IsIOError()) return false;
  std::string text = s.ToString();
  return text.find("lock") != std::string::npos || text.find("LOCK") != std::string::npos;
}

}  // namespace

const char* family_name(Family family) {
  switch (family) {
    case Family::kMessages:
      return "messages";
    case Family::kThreads:
      return "threads";
    case Family::kConversations:
      return "conversations";
    case Family::kUsers:
      return "users";
    case Family::kChangelog:
      return "changelog";
    case Family::kMeta:
      return "meta";
    case Family::kVersions:
      return "versions";
    case Family::kDefault:
      return rocksdb::kDefaultColumnFamilyName.c_str();
  }
  return "?";
}

core::Error status_error(const rocksdb::Status& s, std::string_view what) {
  core::ErrorCode code = core::ErrorCode::kStorage;
  std::string hint;
  if (s.IsCorruption()) {
    code = core::ErrorCode::kCorrupt;
  } else if (is_lock_error(s)) {
    code = core::ErrorCode::kLocked;
    hint = "another process has the RocksDB database open for writing";
  } else if (s.IsNoSpace()) {
    hint = "the disk is full";
  }
  core::Error e = core::make_error(code, std::string(what) + ": " + s.ToString());
  e.hint = std::move(hint);
  return e;
}

core::Result<std::unique_ptr<RocksDb>> RocksDb::open(const std::filesystem::path& dir,
                                                     OpenMode mode) {
  std::error_code ec;
  if (mode == OpenMode::kWritable) {
    std::filesystem::create_directories(dir, ec);
    if (ec)
      return core::fail(core::ErrorCode::kStorage,
                        "cannot create " + dir.string() + ": " + ec.message());
  } else if (!std::filesystem::exists(dir / "CURRENT", ec)) {
    core::Error e = core::make_error(core::ErrorCode::kNotFound, "no archive in " + dir.string());
    e.hint = "run `backscroll ingest` to create it";
    return core::Unexpected{std::move(e)};
  }

  auto column_families = descriptors();
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (mode == OpenMode::kWritable) {
    s = rocksdb::DB::Open(db_options(mode), dir.string(), column_families, &handles, &raw);
  } else {
    // A format 1 archive has no versions family yet; a read-only open cannot
    // create it, so leave it out (reads of versions then find none).
    std::vector<std::string> existing;
    if (rocksdb::DB::ListColumnFamilies(db_options(mode), dir.string(), &existing).ok() &&
        std::find(existing.begin(), existing.end(), family_name(Family::kVersions)) ==
            existing.end())
      column_families.pop_back();
    for (int attempt = 0; attempt < kReadOnlyAttempts; ++attempt) {
      s = rocksdb::DB::OpenForReadOnly(db_options(mode), dir.string(), column_families, &handles,
                                       &raw);
      if (s.ok() || !(s.IsIOError() || s.IsCorruption())) break;
    }
  }
  if (!s.ok()) {
    core::Error e = status_error(s, "cannot open archive " + dir.string());
    // A missing column family means this is not (all of) an archive.
    if (s.IsInvalidArgument()) e.code = core::ErrorCode::kCorrupt;
    return core::Unexpected{std::move(e)};
  }
  std::unique_ptr<RocksDb> out(new RocksDb(mode));
  out->db_.reset(raw);
  for (std::size_t i = 0; i < handles.size(); ++i) out->handles_[i] = handles[i];
  return out;
}

RocksDb::~RocksDb() {
  if (mode_ == OpenMode::kWritable) {
    std::vector<rocksdb::ColumnFamilyHandle*> all(handles_.begin(), handles_.end());
    db_->Flush(rocksdb::FlushOptions(), all).PermitUncheckedError();
  }
  for (auto* handle : handles_) {
    if (handle) db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
  // Close() only reports errors of background work already done; with no
  // caller to tell, dropping them (like the flush's) is the only option.
  db_->Close().PermitUncheckedError();
}

}  // namespace backscroll::store
