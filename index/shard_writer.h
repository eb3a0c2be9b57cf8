#pragma once
// Internal: the second pass of catch_up(). A writer thread takes its shards'
// plans (see shard_plan.h) one after another; for each it opens the shard,
// loads every planned message from the archive, builds its document and
// replaces it by its unique id term. One Xapian transaction at a time holds
// the shard's uncommitted documents; it commits together with
// kMetaAppliedSequence
//   - every `commit_every` documents, as the sequence of the last change
//     written (changes are written in sequence order, so every change of this
//     shard up to it is in the commit), and
//   - at the end of the plan, as `target` (the plan holds all of the shard's
//     changes up to `target`).
// Memory stays bounded by Xapian's own flush (every 10,000 documents, inside
// the transaction).

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/result.h"
#include "index/language.h"
#include "index/shard_plan.h"
#include "store/archive.h"

namespace backscroll::index {

struct WriterContext {
  const store::Archive& archive;
  std::filesystem::path index_dir;
  std::uint64_t target = 0;
  std::uint64_t commit_every = 100000;
  std::atomic<std::uint64_t>& written;  // Documents written, for progress.
  const std::atomic<bool>& stop;        // Set when another writer failed.
  Language language;                    // The index's: the documents' stemmer.
  // A shard given at least this many documents is compacted after its last
  // commit (see shard_compact.h), counted in `compacted`.
  std::uint64_t compact_min_documents = 20000;
  std::atomic<std::uint64_t>* compacted = nullptr;
};

// Writes `plans` in order; stops at the first error (what was committed stays,
// the open transaction is dropped) or when `stop` is set.
core::Result<void> write_shards(const WriterContext& context,
                                const std::vector<const ShardPlan*>& plans);

}  // namespace backscroll::index
