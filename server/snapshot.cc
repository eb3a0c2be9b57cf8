#include "server/snapshot.h"

#include <algorithm>
#include <system_error>

namespace backscroll::server {
namespace {

// Names, sizes and mtimes of the files directly in `dir`, sorted.
void list_files(const std::filesystem::path& dir, std::vector<std::string>& out) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    const auto status = it->symlink_status(ec2);
    if (ec2 || !std::filesystem::is_regular_file(status)) continue;
    const auto size = it->file_size(ec2);
    const auto mtime = it->last_write_time(ec2);
    out.push_back(it->path().string() + ' ' + std::to_string(size) + ' ' +
                  std::to_string(mtime.time_since_epoch().count()));
  }
}

}  // namespace

SearcherPool::SearcherPool(std::vector<std::unique_ptr<query::Searcher>> searchers)
    : searchers_(std::move(searchers)) {
  for (std::size_t i = 0; i < searchers_.size(); ++i) free_.push_back(i);
}

SearcherPool::Lease SearcherPool::acquire() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [this] { return !free_.empty(); });
  const std::size_t index = free_.back();
  free_.pop_back();
  return Lease(*this, index);
}

SearcherPool::Lease::~Lease() {
  if (!pool_) return;
  {
    std::lock_guard lock(pool_->mutex_);
    pool_->free_.push_back(index_);
  }
  pool_->freed_.notify_one();
}

core::Result<std::unique_ptr<LiveArchive>> LiveArchive::open(LiveOptions options) {
  options.searchers = std::max<std::size_t>(options.searchers, 1);
  std::unique_ptr<LiveArchive> live(new LiveArchive(std::move(options)));
  std::lock_guard lock(live->build_mutex_);
  live->last_fingerprint_ = live->fingerprint();
  auto first = live->build();
  if (!first) return core::Unexpected{first.error()};
  live->current_ = std::move(*first);
  live->watcher_ = std::thread([raw = live.get()] { raw->watch(); });
  return live;
}

LiveArchive::~LiveArchive() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

std::shared_ptr<const Snapshot> LiveArchive::current() const {
  std::lock_guard lock(current_mutex_);
  return current_;
}

std::string LiveArchive::fingerprint() const {
  std::vector<std::string> files;
  list_files(options_.store_dir, files);
  std::error_code ec;
  const auto shards = options_.index_dir / "shards";
  for (std::filesystem::directory_iterator it(shards, ec), end; !ec && it != end; it.increment(ec))
    list_files(it->path(), files);
  std::sort(files.begin(), files.end());
  std::string out;
  for (const std::string& f : files) out += f + '\n';
  return out;
}

// Caller holds build_mutex_.
core::Result<std::shared_ptr<const Snapshot>> LiveArchive::build() {
  auto snapshot = std::make_shared<Snapshot>();
  auto archive = store::Archive::open(options_.store_dir, store::OpenMode::kReadOnly);
  if (!archive) return core::Unexpected{archive.error()};
  snapshot->archive = std::move(*archive);
  auto conversations = snapshot->archive->conversations();
  if (!conversations) return core::Unexpected{conversations.error()};
  auto directory = query::Directory::load(*snapshot->archive);
  if (!directory) return core::Unexpected{directory.error()};
  snapshot->directory = std::make_shared<const query::Directory>(std::move(*directory));

  std::vector<std::string> unresolved;
  snapshot->views.push_back(make_view(nullptr, *conversations, snapshot->directory, nullptr));
  for (const Grant& grant : options_.grants)
    snapshot->views.push_back(make_view(&grant, *conversations, snapshot->directory, &unresolved));

  std::vector<std::unique_ptr<query::Searcher>> searchers;
  for (std::size_t i = 0; i < options_.searchers; ++i) {
    auto searcher = query::Searcher::open(*snapshot->archive, options_.index_dir);
    if (!searcher) {
      // No index yet is a state, not a failure: searches say so until one exists.
      if (searcher.error().code != core::ErrorCode::kNotFound)
        return core::Unexpected{searcher.error()};
      snapshot->index_error = searcher.error();
      searchers.clear();
      break;
    }
    searchers.push_back(std::move(*searcher));
  }
  snapshot->searchers = std::make_unique<SearcherPool>(std::move(searchers));
  snapshot->generation = next_generation_++;
  if (!unresolved.empty() && options_.warn && snapshot->generation == 1) {
    std::string names;
    for (const std::string& n : unresolved) names += (names.empty() ? "" : ", ") + n;
    options_.warn("tokens file names conversations the archive does not have (yet): " + names);
  }
  return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

core::Result<std::shared_ptr<const Snapshot>> LiveArchive::renew(const Snapshot& stale) {
  std::lock_guard lock(build_mutex_);
  if (auto now = current(); now->generation != stale.generation) return now;
  last_fingerprint_ = fingerprint();
  auto fresh = build();
  if (!fresh) return core::Unexpected{fresh.error()};
  std::lock_guard current_lock(current_mutex_);
  current_ = *fresh;
  return *fresh;
}

void LiveArchive::watch() {
  std::uint64_t failures_in_a_row = 0;
  for (;;) {
    {
      std::unique_lock lock(stop_mutex_);
      if (stop_cv_.wait_for(lock, options_.interval, [this] { return stopping_; })) return;
    }
    std::lock_guard lock(build_mutex_);
    std::string now = fingerprint();
    if (now == last_fingerprint_) continue;
    auto fresh = build();
    if (!fresh) {
      // Mid-write states (a shard being created, a manifest being rotated) can
      // fail to open; the old snapshot keeps serving and the next tick retries.
      if (failures_in_a_row++ % 20 == 0 && options_.warn)
        options_.warn("refresh failed (the previous snapshot keeps serving; retrying): " +
                      fresh.error().describe());
      continue;
    }
    failures_in_a_row = 0;
    last_fingerprint_ = std::move(now);
    std::shared_ptr<const Snapshot> old;
    {
      std::lock_guard current_lock(current_mutex_);
      old = std::exchange(current_, std::move(*fresh));
    }
    // `old` closes here (or with its last request), outside the lock.
  }
}

}  // namespace backscroll::server
