#include "index/shard_compact.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>
#include <vector>

#include "index/shard.h"
#include "index/xapian_error.h"

namespace backscroll::index {

namespace fs = std::filesystem;

namespace {

core::Error storage_error(const std::string& what, int err) {
  return core::make_error(core::ErrorCode::kStorage, what + ": " + std::strerror(err));
}

// fsync()s a file or directory.
core::Result<void> sync_path(const fs::path& path, bool directory) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
  if (fd < 0) return core::Unexpected{storage_error("opening " + path.string(), errno)};
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return core::Unexpected{storage_error("syncing " + path.string(), err)};
  return {};
}

// Syncs every file of a database directory, then the directory.
core::Result<void> sync_tree(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    if (auto synced = sync_path(it->path(), false); !synced) return synced;
  }
  if (ec)
    return core::fail(core::ErrorCode::kStorage, "listing " + dir.string() + ": " + ec.message());
  return sync_path(dir, true);
}

core::Result<void> remove_tree(const fs::path& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec)
    return core::fail(core::ErrorCode::kStorage, "deleting " + path.string() + ": " + ec.message());
  return {};
}

fs::path with_suffix(const fs::path& path, const char* suffix) {
  fs::path out = path;
  out += suffix;
  return out;
}

// Puts `compacted` in place of `shard`; returns where the old copy is now.
core::Result<fs::path> swap_in(const fs::path& shard, const fs::path& compacted) {
  if (::renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, shard.c_str(), RENAME_EXCHANGE) == 0) {
    return compacted;
  }
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) {
    return core::Unexpected{
        storage_error("exchanging " + compacted.string() + " and " + shard.string(), errno)};
  }
  const fs::path old = with_suffix(shard, kCompactOldSuffix);
  if (::rename(shard.c_str(), old.c_str()) != 0) {
    return core::Unexpected{storage_error("renaming " + shard.string(), errno)};
  }
  if (::rename(compacted.c_str(), shard.c_str()) != 0) {
    const int err = errno;
    ::rename(old.c_str(), shard.c_str());  // Put the old one back; recovery does it otherwise.
    return core::Unexpected{storage_error("renaming " + compacted.string(), err)};
  }
  return old;
}

}  // namespace

core::Result<void> compact_shard(const fs::path& index_dir, const std::string& name) {
  const fs::path path = shard_path(index_dir, name);
  const fs::path tmp = with_suffix(path, kCompactTmpSuffix);
  return xapian_guard("compacting index shard " + path.string(), [&]() -> core::Result<void> {
    // The write lock keeps other writers out from the copy to the swap.
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    if (auto removed = remove_tree(tmp); !removed) return removed;
    db.compact(tmp.string(), Xapian::DBCOMPACT_MULTIPASS | Xapian::DBCOMPACT_NO_RENUMBER);
    auto result = [&]() -> core::Result<void> {
      if (auto synced = sync_tree(tmp); !synced) return synced;
      auto old = swap_in(path, tmp);
      if (!old) return core::Unexpected{old.error()};
      if (auto synced = sync_path(shards_dir(index_dir), true); !synced) return synced;
      db.close();
      return remove_tree(*old);
    }();
    if (!result) {
      std::error_code ignored;
      fs::remove_all(tmp, ignored);  // A partial copy; never the shard itself (the swap failed).
    }
    return result;
  });
}

core::Result<void> recover_compactions(const fs::path& index_dir) {
  const fs::path dir = shards_dir(index_dir);
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    if (ec) return core::fail(core::ErrorCode::kStorage, dir.string() + ": " + ec.message());
    return {};
  }
  std::vector<std::string> olds;
  std::vector<std::string> tmps;
  auto base_of = [](const std::string& file,
                    const std::string& suffix) -> std::optional<std::string> {
    if (file.size() <= suffix.size() ||
        file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) {
      return std::nullopt;
    }
    std::string base = file.substr(0, file.size() - suffix.size());
    if (!shard_ordinal(base)) return std::nullopt;
    return base;
  };
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (auto base = base_of(file, kCompactOldSuffix)) olds.push_back(*base);
    if (auto base = base_of(file, kCompactTmpSuffix)) tmps.push_back(*base);
  }
  if (ec)
    return core::fail(core::ErrorCode::kStorage, "listing " + dir.string() + ": " + ec.message());

  // Opening a copy for writing takes its lock (it follows the directory through
  // renames): kLocked while a compaction of it runs elsewhere.
  auto lock = [](const fs::path& path) {
    std::optional<Xapian::WritableDatabase> db;
    if (fs::exists(path / "iamglass")) db.emplace(path.string(), Xapian::DB_OPEN);
    return db;
  };
  for (const std::string& name : olds) {
    const fs::path shard = shard_path(index_dir, name);
    const fs::path old = with_suffix(shard, kCompactOldSuffix);
    auto repaired =
        xapian_guard("repairing index shard " + shard.string(), [&]() -> core::Result<void> {
          if (fs::exists(shard)) {
            auto held = lock(shard);
            return remove_tree(old);  // The compacted copy was swapped in.
          }
          auto held = lock(old);  // Renamed with it.
          if (::rename(old.c_str(), shard.c_str()) != 0) {
            return core::Unexpected{storage_error("renaming " + old.string(), errno)};
          }
          return sync_path(shards_dir(index_dir), true);
        });
    if (!repaired) return repaired;
  }
  for (const std::string& name : tmps) {
    const fs::path shard = shard_path(index_dir, name);
    auto removed =
        xapian_guard("repairing index shard " + shard.string(), [&]() -> core::Result<void> {
          auto held = lock(shard);
          return remove_tree(with_suffix(shard, kCompactTmpSuffix));
        });
    if (!removed) return removed;
  }
  return {};
}

}  // namespace backscroll::index
