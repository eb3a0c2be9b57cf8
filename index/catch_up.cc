// catch_up() and rebuild(): the dispatcher. It streams the archive's changelog
// on the caller's thread and sends each change to the worker owning the
// change's shard (see shard_worker.h). Crash safety rests on three rules:
//   1. start = the lowest applied sequence over all shards, so nothing a shard
//      lacks is ever skipped;
//   2. a shard that does not exist yet is created (empty, applied 0) before
//      any change is sent to it, so a shard cannot be missing from rule 1's
//      minimum while another shard already committed a later sequence;
//   3. re-applying a change is idempotent (replace_document on the id term).
#include <xapian.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "index/index.h"
#include "index/index_internal.h"
#include "index/schema.h"
#include "index/shard.h"
#include "index/shard_worker.h"
#include "index/xapian_error.h"

namespace backscroll::index {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBatchSize = 256;
constexpr std::uint64_t kProgressEvery = 4096;

core::Result<void> create_shard(const fs::path& index_dir, const std::string& name) {
  const fs::path path = shard_path(index_dir, name);
  return xapian_guard("creating index shard " + path.string(), [&]() -> core::Result<void> {
    std::error_code ec;
    fs::remove_all(path, ec);  // Leftovers of a creation that crashed (see list_shards()).
    if (ec) return core::fail(core::ErrorCode::kStorage, path.string() + ": " + ec.message());
    fs::create_directories(shards_dir(index_dir), ec);
    if (ec) {
      return core::fail(core::ErrorCode::kStorage,
                        "creating " + shards_dir(index_dir).string() + ": " + ec.message());
    }
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
    db.commit();
    db.close();
    return {};
  });
}

// Sets a shard's applied sequence to `target` (a commit only when it changes).
core::Result<void> raise_applied(const fs::path& index_dir, const ShardState& state,
                                 std::uint64_t target) {
  if (state.applied == target && state.schema_version == kSchemaVersion) return {};
  const fs::path path = shard_path(index_dir, state.name);
  return xapian_guard("updating index shard " + path.string(), [&]() -> core::Result<void> {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(kMetaAppliedSequence), std::to_string(target));
    db.set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
    db.commit();
    db.close();
    return {};
  });
}

core::Result<void> check_schema(const std::vector<ShardState>& states) {
  for (const ShardState& s : states) {
    if (s.schema_version.empty() || s.schema_version == kSchemaVersion) continue;
    core::Error e =
        core::make_error(core::ErrorCode::kCorrupt,
                         "index shard " + s.name + " has schema version " + s.schema_version +
                             ", this backscroll writes version " + std::string(kSchemaVersion));
    e.hint = "run `backscroll reindex` to rebuild the index";
    return core::Unexpected{std::move(e)};
  }
  return {};
}

class Dispatcher {
 public:
  Dispatcher(const fs::path& index_dir, const CatchUpOptions& options,
             std::map<std::string, std::uint64_t> applied)
      : index_dir_(index_dir), options_(options), applied_(std::move(applied)) {
    const unsigned threads = std::max(1u, options.threads);
    for (unsigned i = 0; i < threads; ++i) {
      workers_.push_back(
          std::make_unique<ShardWorker>(index_dir, options.commit_every, options.max_open_shards));
      batches_.emplace_back();
    }
  }

  // Handles one changelog entry; false stops the scan (an error is kept).
  bool dispatch(std::uint64_t sequence, const core::Message& message) {
    std::string name = shard_name(message.conversation_id, message.ts);
    auto it = applied_.find(name);
    if (it == applied_.end()) {
      auto created = create_shard(index_dir_, name);
      if (!created) {
        error_ = created.error();
        return false;
      }
      it = applied_.emplace(name, 0).first;
    }
    if (sequence <= it->second) return true;
    if (options_.only_shards && !options_.only_shards->count(name)) return true;
    const std::size_t w = worker_for(name);
    batches_[w].push_back(ChangeItem{sequence, std::move(name), message});
    if (batches_[w].size() >= kBatchSize) {
      workers_[w]->push(std::move(batches_[w]));
      batches_[w] = {};
      if (workers_[w]->failed()) return false;
    }
    return true;
  }

  // Ends the run: flushes batches, tells workers to commit at `target` (or to
  // abort when `ok` is false) and collects the first error.
  core::Result<std::uint64_t> finish(bool ok, std::uint64_t target) {
    for (std::size_t w = 0; w < workers_.size(); ++w) {
      if (ok && !batches_[w].empty()) workers_[w]->push(std::move(batches_[w]));
      if (ok) {
        workers_[w]->finish(target);
      } else {
        workers_[w]->abort();
      }
    }
    std::optional<core::Error> first = error_;
    std::uint64_t written = 0;
    for (auto& worker : workers_) {
      auto joined = worker->join();
      if (!joined && !first) first = joined.error();
      written += worker->written();
    }
    if (first) return core::Unexpected{*first};
    return written;
  }

 private:
  std::size_t worker_for(const std::string& name) const {
    const std::int64_t ordinal = shard_ordinal(name).value_or(0);
    return static_cast<std::size_t>(ordinal % static_cast<std::int64_t>(workers_.size()));
  }

  const fs::path index_dir_;
  const CatchUpOptions& options_;
  std::map<std::string, std::uint64_t> applied_;  // Shard name -> applied at start.
  std::vector<std::unique_ptr<ShardWorker>> workers_;
  std::vector<ChangeBatch> batches_;
  std::optional<core::Error> error_;
};

}  // namespace

core::Result<CatchUpStats> catch_up_with_options(const store::Archive& archive,
                                                 const fs::path& index_dir,
                                                 const Progress& progress,
                                                 const CatchUpOptions& options) {
  auto states = read_shard_states(index_dir);
  if (!states) return core::Unexpected{states.error()};
  if (auto schema = check_schema(*states); !schema) return core::Unexpected{schema.error()};

  CatchUpStats stats;
  stats.to_sequence = archive.last_sequence();
  std::map<std::string, std::uint64_t> applied;
  if (!states->empty()) stats.from_sequence = states->front().applied;
  for (const ShardState& s : *states) {
    applied[s.name] = s.applied;
    stats.from_sequence = std::min(stats.from_sequence, s.applied);
  }
  stats.from_sequence = std::min(stats.from_sequence, stats.to_sequence);
  const std::uint64_t total = stats.to_sequence - stats.from_sequence;

  if (total > 0) {
    Dispatcher dispatcher(index_dir, options, applied);
    std::uint64_t done = 0;
    auto scanned = archive.for_each_change(
        stats.from_sequence, [&](std::uint64_t sequence, const core::Message& message) {
          if (sequence > stats.to_sequence) return false;
          if (!dispatcher.dispatch(sequence, message)) return false;
          done = sequence - stats.from_sequence;
          if (progress && done % kProgressEvery == 0) progress(done, total);
          return true;
        });
    auto written = dispatcher.finish(scanned.has_value(), stats.to_sequence);
    if (!scanned) return core::Unexpected{scanned.error()};
    if (!written) return core::Unexpected{written.error()};
    stats.applied = *written;
  }
  // Every shard ends at the archive's last sequence, also those no change
  // touched (a commit only where it differs), so check() can tell an
  // up-to-date index from one behind. Workers already did it for the shards
  // they had open at the end.
  auto final_states = read_shard_states(index_dir);
  if (!final_states) return core::Unexpected{final_states.error()};
  for (const ShardState& s : *final_states) {
    if (options.only_shards && !options.only_shards->count(s.name)) continue;
    if (auto raised = raise_applied(index_dir, s, stats.to_sequence); !raised) {
      return core::Unexpected{raised.error()};
    }
  }
  if (progress) progress(total, total);
  return stats;
}

core::Result<CatchUpStats> catch_up(const store::Archive& archive, const fs::path& index_dir,
                                    const Progress& progress) {
  return catch_up_with_options(archive, index_dir, progress, CatchUpOptions{});
}

core::Result<CatchUpStats> rebuild(const store::Archive& archive, const fs::path& index_dir,
                                   const Progress& progress) {
  std::error_code ec;
  fs::remove_all(shards_dir(index_dir), ec);
  if (ec) {
    return core::fail(core::ErrorCode::kStorage,
                      "deleting " + shards_dir(index_dir).string() + ": " + ec.message());
  }
  return catch_up(archive, index_dir, progress);
}

}  // namespace backscroll::index
