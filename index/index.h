#pragma once
// The search index: Xapian databases derived from the archive, never a source
// of truth. Layout (see index/SCHEMA.md):
//
//   <index_dir>/shards/2020q3-0/   one Xapian database per calendar quarter (UTC)
//   <index_dir>/shards/2020q3-1/   of the messages' ts and per slot (a hash of the
//   <index_dir>/shards/2020q4-0/   message key, so two writer threads share the
//   ...                            work); all searched together
//
// Each shard records the last archive changelog sequence it has applied, in
// the same commit as the documents. catch_up() re-applies changelog entries
// after the lowest of those, skipping in each shard what it already has, so a
// run interrupted anywhere (crash, kill, full disk) is repaired by the next one.
//
// Thread-safety: catch_up() and rebuild() write the index with worker threads
// of their own; do not run two of them on one index_dir at once (the second
// gets kLocked from the shard it reaches first). Readers (open_reader()) may
// search while they run and see each shard's last commit.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "index/language.h"
#include "store/archive.h"

namespace backscroll::index {

struct CatchUpStats {
  std::uint64_t applied = 0;           // Documents written (changed messages; an edit counts once).
  std::uint64_t from_sequence = 0;     // Entries after this one were considered...
  std::uint64_t to_sequence = 0;       // ...up to this one (the archive's last).
  std::uint64_t compacted_shards = 0;  // Shards compacted after many documents were written.
};

// Called on the calling thread while documents are written (about five times
// a second): `done` of `total` documents to write (total = CatchUpStats::applied).
// Called at the start with done == 0 and at the end with done == total.
using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

// Brings the index in `index_dir` (created if missing) up to the archive's
// changelog. An existing index keeps the language it was built with (recorded
// in its shards); `language` chooses it for a new index (English when
// nullopt). Errors: kLocked (another process writes a shard), kCorrupt (a
// shard does not open, has another schema version, or the shards disagree on
// the language: the hint says to run `backscroll reindex`), kUsage (`language`
// is not the existing index's: the hint says to reindex with it), kStorage
// (I/O, disk full), or the archive's errors. After an error the index is
// consistent but possibly behind; a rerun catches up.
[[nodiscard]] core::Result<CatchUpStats> catch_up(
    const store::Archive& archive, const std::filesystem::path& index_dir,
    const Progress& progress = {}, const std::optional<Language>& language = std::nullopt);

// Deletes the index in `index_dir` and rebuilds it from the whole changelog,
// in `language`; when nullopt, in the language the old index had if it can be
// read, else English. Same errors as catch_up() (not kUsage); if it fails
// midway, catch_up() completes it.
[[nodiscard]] core::Result<CatchUpStats> rebuild(
    const store::Archive& archive, const std::filesystem::path& index_dir,
    const Progress& progress = {}, const std::optional<Language>& language = std::nullopt);

struct CheckReport {
  std::uint64_t messages = 0;         // Messages in the archive.
  std::uint64_t documents = 0;        // Documents in the index (all shards).
  std::vector<std::string> problems;  // Readable sentences; empty when all is well.
  bool ok() const { return problems.empty(); }
};

// Verifies that every stored message is indexed exactly once, that nothing else
// is, and that no shard is behind the changelog. Inconsistencies are problems
// in the report, not errors; errors mean the check itself could not run
// (kNotFound is not one of them: a missing index is reported as problems).
[[nodiscard]] core::Result<CheckReport> check(const store::Archive& archive,
                                              const std::filesystem::path& index_dir);

}  // namespace backscroll::index
