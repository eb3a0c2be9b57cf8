#pragma once
// What one request reads: a consistent snapshot of the archive (opened
// read-only, never locked) and the index, with a small pool of Searchers over
// them and each caller's View. Snapshots are immutable and shared: a request
// holds a shared_ptr to the one current when it started, so a new snapshot can
// replace it at any time without disturbing requests in flight; the old one
// closes when its last request ends.
//
// LiveArchive keeps the current snapshot fresh while `backscroll ingest` writes:
// a watcher thread looks every `interval` at the files of the archive and of
// the index shards (names, sizes, mtimes: a few dozen stat calls) and takes a
// new snapshot when they changed. The archive is opened before the index, so
// a snapshot's index holds only messages its archive has, unless an ingest
// commits to the index between the two opens or a Searcher reopens the index
// after Xapian reports a modification; a search that then finds a hit's
// message missing (kCorrupt) calls renew() and retries.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "query/directory.h"
#include "query/search.h"
#include "server/access.h"
#include "store/archive.h"

namespace backscroll::server {

// A fixed set of Searchers over one archive; each search borrows one.
class SearcherPool {
 public:
  class Lease {
   public:
    Lease(SearcherPool& pool, std::size_t index) : pool_(&pool), index_(index) {}
    Lease(Lease&& o) noexcept : pool_(std::exchange(o.pool_, nullptr)), index_(o.index_) {}
    Lease(const Lease&) = delete;
    ~Lease();
    query::Searcher& operator*() const { return *pool_->searchers_[index_]; }
    query::Searcher* operator->() const { return pool_->searchers_[index_].get(); }

   private:
    SearcherPool* pool_;
    std::size_t index_;
  };

  explicit SearcherPool(std::vector<std::unique_ptr<query::Searcher>> searchers);
  // Waits for a free Searcher.
  Lease acquire();
  bool empty() const { return searchers_.empty(); }

 private:
  std::vector<std::unique_ptr<query::Searcher>> searchers_;
  std::vector<std::size_t> free_;
  std::mutex mutex_;
  std::condition_variable freed_;
};

struct Snapshot {
  std::uint64_t generation = 0;
  std::unique_ptr<store::Archive> archive;            // Declared first: destroyed last.
  std::shared_ptr<const query::Directory> directory;  // Everything.
  std::vector<View> views;                            // [0]: anonymous; [1 + i]: grant i.
  // Empty when there is no index yet (index_error says why).
  std::unique_ptr<SearcherPool> searchers;
  std::optional<core::Error> index_error;

  const View& view(const Caller& caller) const {
    return views[caller.grant ? *caller.grant + 1 : 0];
  }

  // Stats JSON cached per view index (computing them scans messages: ~3 s for
  // the public view of 1M messages), computed under stats_mutex.
  mutable std::mutex stats_mutex;
  mutable std::map<std::size_t, std::string> stats_json;
};

struct LiveOptions {
  std::filesystem::path store_dir;
  std::filesystem::path index_dir;
  std::vector<Grant> grants;
  std::size_t searchers = 2;
  std::chrono::milliseconds interval{500};
  // Warnings (a failed refresh, unresolved names in a scope); may be empty.
  std::function<void(const std::string&)> warn;
};

class LiveArchive {
 public:
  // Takes the first snapshot (errors: the archive's) and starts the watcher.
  [[nodiscard]] static core::Result<std::unique_ptr<LiveArchive>> open(LiveOptions options);
  ~LiveArchive();
  LiveArchive(const LiveArchive&) = delete;
  LiveArchive& operator=(const LiveArchive&) = delete;

  std::shared_ptr<const Snapshot> current() const;
  // A new snapshot unless one newer than `stale` exists already; returns the
  // current one. Errors: the archive's or the index's (the old one stays).
  [[nodiscard]] core::Result<std::shared_ptr<const Snapshot>> renew(const Snapshot& stale);
  const std::vector<Grant>& grants() const { return options_.grants; }

 private:
  explicit LiveArchive(LiveOptions options) : options_(std::move(options)) {}
  core::Result<std::shared_ptr<const Snapshot>> build();
  std::string fingerprint() const;
  void watch();

  LiveOptions options_;
  mutable std::mutex current_mutex_;
  std::shared_ptr<const Snapshot> current_;
  std::mutex build_mutex_;  // One build at a time.
  std::uint64_t next_generation_ = 1;
  std::string last_fingerprint_;
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace backscroll::server
