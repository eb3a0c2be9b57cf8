// catch_up() and rebuild(), in two passes:
//   1. plan (shard_plan.h): read the changelog after the lowest applied
//      sequence of all shards and sort the entries each shard lacks into one
//      list per shard, creating missing shards first;
//   2. write (shard_writer.h): writer threads take disjoint sets of shards
//      (by slot: "-0" shards to one thread, "-1" shards to the other) and write
//      each shard's list in one run, loading each message from the archive.
// Crash safety rests on three rules:
//   a. start = the lowest applied sequence over all shards, so nothing a shard
//      lacks is ever skipped;
//   b. every shard a run will write exists before anything is written, so no
//      shard can be missing from rule a's minimum while another shard has
//      committed a later sequence;
//   c. re-applying a change is idempotent (replace_document on the id term).
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "index/index.h"
#include "index/index_internal.h"
#include "index/schema.h"
#include "index/shard.h"
#include "index/shard_compact.h"
#include "index/shard_plan.h"
#include "index/shard_writer.h"
#include "index/xapian_error.h"

namespace backscroll::index {

namespace fs = std::filesystem;

namespace {

constexpr auto kProgressInterval = std::chrono::milliseconds(200);

// Sets a shard's applied sequence to `target` (a commit only when it changes).
core::Result<void> raise_applied(const fs::path& index_dir, const ShardState& state,
                                 std::uint64_t target, const Language& language) {
  if (state.applied == target && state.schema_version == kSchemaVersion &&
      !state.language.empty()) {
    return {};
  }
  const fs::path path = shard_path(index_dir, state.name);
  return xapian_guard("updating index shard " + path.string(), [&]() -> core::Result<void> {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(kMetaAppliedSequence), std::to_string(target));
    db.set_metadata(std::string(kMetaSchemaVersion), std::string(kSchemaVersion));
    if (state.language.empty()) db.set_metadata(std::string(kMetaLanguage), language.name());
    db.commit();
    db.close();
    return {};
  });
}

core::Result<Language> resolve_language(const std::vector<ShardState>& states,
                                        const std::optional<Language>& wanted) {
  // Shards without metadata (a creation that crashed before its first
  // commit) get the index's language when their applied sequence is raised.
  const ShardState* first = nullptr;
  for (const ShardState& s : states)
    if (!s.language.empty() && !first) first = &s;
  if (!first) return wanted.value_or(Language());
  const std::string& recorded = first->language;
  for (const ShardState& s : states) {
    if (s.language.empty() || s.language == recorded) continue;
    core::Error e =
        core::make_error(core::ErrorCode::kCorrupt, "index shards " + first->name + " and " +
                                                        s.name + " disagree on the language: \"" +
                                                        recorded + "\" and \"" + s.language + "\"");
    e.hint = "run `backscroll reindex` to rebuild the index";
    return core::Unexpected{std::move(e)};
  }
  auto language = Language::parse(recorded);
  if (!language) {
    core::Error e = core::make_error(
        core::ErrorCode::kCorrupt,
        "index shard " + first->name + " names an unknown language \"" + recorded + "\"");
    e.hint = "run `backscroll reindex` to rebuild the index";
    return core::Unexpected{std::move(e)};
  }
  if (wanted && *wanted != *language) {
    core::Error e = core::make_error(core::ErrorCode::kUsage,
                                     "the index is built for " + language->name() + ", not " +
                                         wanted->name() + "; changing it means rebuilding it");
    e.hint = "run `backscroll reindex --language " + wanted->name() + "`";
    return core::Unexpected{std::move(e)};
  }
  return *language;
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

// Runs the writer threads over `plans` and reports progress from the calling
// thread. Returns the first error of any writer.
core::Result<void> write_plans(const store::Archive& archive, const fs::path& index_dir,
                               const std::vector<ShardPlan>& plans, std::uint64_t target,
                               const CatchUpOptions& options, const Language& language,
                               const Progress& progress, std::uint64_t total,
                               std::atomic<std::uint64_t>& compacted) {
  const unsigned threads = std::max(1u, options.threads);
  std::vector<std::vector<const ShardPlan*>> assigned(threads);
  for (const ShardPlan& plan : plans) {
    const std::int64_t ordinal = shard_ordinal(plan.name).value_or(0);
    assigned[static_cast<std::size_t>(ordinal % threads)].push_back(&plan);
  }

  std::atomic<std::uint64_t> written{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable finished;
  unsigned running = threads;
  std::vector<core::Result<void>> results(threads);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      WriterContext context{archive, index_dir, target,  options.commit_every,
                            written, stop,      language};
      context.compact_min_documents = options.compact_min_documents;
      context.compacted = &compacted;
      results[t] = write_shards(context, assigned[t]);
      if (!results[t]) stop = true;
      std::lock_guard lock(mutex);
      --running;
      finished.notify_all();
    });
  }
  {
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, kProgressInterval, [&] { return running == 0; })) {
      if (progress) {
        lock.unlock();
        progress(written.load(), total);
        lock.lock();
      }
    }
  }
  for (std::thread& worker : workers) worker.join();
  for (core::Result<void>& result : results) {
    if (!result) return result;
  }
  return {};
}

}  // namespace

core::Result<CatchUpStats> catch_up_with_options(const store::Archive& archive,
                                                 const fs::path& index_dir,
                                                 const Progress& progress,
                                                 const CatchUpOptions& options) {
  // A compaction interrupted by a crash left a spare copy, or (rarely) the
  // shard under its ".old" name: repaired before the shards are listed.
  if (auto recovered = recover_compactions(index_dir); !recovered) {
    return core::Unexpected{recovered.error()};
  }
  auto states = read_shard_states(index_dir);
  if (!states) return core::Unexpected{states.error()};
  if (auto schema = check_schema(*states); !schema) return core::Unexpected{schema.error()};
  auto language = resolve_language(*states, options.language);
  if (!language) return core::Unexpected{language.error()};

  CatchUpStats stats;
  stats.to_sequence = archive.last_sequence();
  PlanRequest request;
  request.only_shards = options.only_shards;
  request.language = *language;
  if (!states->empty()) stats.from_sequence = states->front().applied;
  for (const ShardState& s : *states) {
    request.applied[s.name] = s.applied;
    stats.from_sequence = std::min(stats.from_sequence, s.applied);
  }
  stats.from_sequence = std::min(stats.from_sequence, stats.to_sequence);
  request.start = stats.from_sequence;
  request.target = stats.to_sequence;

  if (stats.to_sequence > stats.from_sequence) {
    auto plans = plan_changes(archive, index_dir, request);
    if (!plans) return core::Unexpected{plans.error()};
    for (const ShardPlan& plan : *plans) stats.applied += plan.changes.size();
    if (progress) progress(0, stats.applied);
    std::atomic<std::uint64_t> compacted{0};
    auto written = write_plans(archive, index_dir, *plans, stats.to_sequence, options, *language,
                               progress, stats.applied, compacted);
    stats.compacted_shards = compacted.load();
    if (!written) return core::Unexpected{written.error()};
  }
  // Every shard ends at the archive's last sequence, also those with nothing
  // to write (a commit only where it differs), so check() can tell an
  // up-to-date index from one behind. Writers already did it for theirs.
  auto final_states = read_shard_states(index_dir);
  if (!final_states) return core::Unexpected{final_states.error()};
  for (const ShardState& s : *final_states) {
    if (options.only_shards && !options.only_shards->count(s.name)) continue;
    if (auto raised = raise_applied(index_dir, s, stats.to_sequence, *language); !raised) {
      return core::Unexpected{raised.error()};
    }
  }
  if (progress) progress(stats.applied, stats.applied);
  return stats;
}

core::Result<CatchUpStats> catch_up(const store::Archive& archive, const fs::path& index_dir,
                                    const Progress& progress,
                                    const std::optional<Language>& language) {
  CatchUpOptions options;
  options.language = language;
  return catch_up_with_options(archive, index_dir, progress, options);
}

core::Result<CatchUpStats> rebuild(const store::Archive& archive, const fs::path& index_dir,
                                   const Progress& progress,
                                   const std::optional<Language>& language) {
  CatchUpOptions options;
  options.language = language;
  if (!options.language) {
    // Keep the old index's language when it can be read; rebuilding is also
    // how a damaged index is repaired, so a failure here is no error.
    if (auto states = read_shard_states(index_dir); states && !states->empty()) {
      if (auto old = Language::parse(states->front().language); old) options.language = *old;
    }
  }
  std::error_code ec;
  fs::remove_all(shards_dir(index_dir), ec);
  if (ec) {
    return core::fail(core::ErrorCode::kStorage,
                      "deleting " + shards_dir(index_dir).string() + ": " + ec.message());
  }
  return catch_up_with_options(archive, index_dir, progress, options);
}

}  // namespace backscroll::index
