#pragma once
// Internal knobs of catch_up(), for tests and benchmarks only.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "index/index.h"

namespace backscroll::index {

struct CatchUpOptions {
  // Writer threads; shards are spread over them by slot, so with two threads
  // each writes one of the two shards of every quarter.
  unsigned threads = 2;
  // A shard commits (documents and applied sequence together) after this many
  // documents, and at the end of its run: bounds what a crash loses.
  std::uint64_t commit_every = 100000;
  // Simulates a run that crashed after committing only these shards: other
  // shards are created as usual but get no changes and keep their applied
  // sequence.
  std::optional<std::set<std::string>> only_shards;
  // A shard that this run writes at least this many documents into is
  // compacted afterwards (Xapian::Database::compact into a sibling directory,
  // then swapped in; see shard_compact.h): CatchUpStats::compacted_shards.
  std::uint64_t compact_min_documents = 20000;
  // Language of a new index; must match an existing one's (see catch_up()).
  std::optional<Language> language;
};

[[nodiscard]] core::Result<CatchUpStats> catch_up_with_options(
    const store::Archive& archive, const std::filesystem::path& index_dir, const Progress& progress,
    const CatchUpOptions& options);

}  // namespace backscroll::index
