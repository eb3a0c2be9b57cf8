#pragma once
// Internal: compacting a shard after a catch-up wrote many documents into it.
// Xapian's writes leave B-tree blocks part full; `Database::compact()` rewrites
// them full (about 43% smaller at 1M messages, and faster to search). The
// compacted copy keeps the documents, their docids (DBCOMPACT_NO_RENUMBER) and
// the metadata (applied sequence, schema version, language), and is a normal
// writable glass database (never DBCOMPACT_SINGLE_FILE).
//
// Swap, for shard S under <index_dir>/shards/, holding S's write lock throughout:
//   1. compact S into "S.compact-tmp" and sync it;
//   2. exchange S and S.compact-tmp atomically (renameat2 RENAME_EXCHANGE), or,
//      where the file system cannot, rename S -> "S.old", then S.compact-tmp -> S;
//   3. delete the old copy (S.compact-tmp or S.old).
// Readers that have the old shard open keep reading its unlinked files
// (Linux) until they reopen. A crash at any point leaves a complete S (old or
// new: both have the same documents and metadata) or, between the two renames
// of the fallback, a complete S.old; recover_compactions() repairs the rest.

#include <filesystem>
#include <string>

#include "core/result.h"

namespace backscroll::index {

inline constexpr const char* kCompactTmpSuffix = ".compact-tmp";
inline constexpr const char* kCompactOldSuffix = ".old";

// Compacts shard `name` and swaps the copy in. Errors: kLocked (another
// process writes the shard), kStorage (I/O, disk full: S is left as it was).
core::Result<void> compact_shard(const std::filesystem::path& index_dir, const std::string& name);

// Repairs what an interrupted compaction left under <index_dir>/shards/:
// "S.old" without S is renamed back to S, "S.old" beside S is deleted, and
// every "S.compact-tmp" is deleted. Takes the shard's write lock first, so a
// compaction running in another process is never disturbed (kLocked).
core::Result<void> recover_compactions(const std::filesystem::path& index_dir);

}  // namespace backscroll::index
