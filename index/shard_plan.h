#pragma once
// Internal: the first pass of catch_up(). It reads the changelog entries after
// `start` (up to `target`) and sorts them into one list per shard, so that the
// second pass can write each shard in one run: one open database per writer
// thread, large commits, and Xapian's memory bounded by its own flush (10,000
// documents).
//
// For changelog entries 101 C1/t1, 102 C2/t2, 103 C1/t1 (an edit) with t1 in
// 2020q4-0 and t2 in 2020q3-1, the plan is:
//   2020q3-1: [102 C2/t2]
//   2020q4-0: [103 C1/t1]        (a key keeps only its last entry)
// Entries a shard already has (sequence <= its applied sequence) are left out.
//
// Planning also creates every shard that does not exist yet (empty, applied 0)
// before anything is written, so no shard can be missing from the next run's
// minimum applied sequence while another has committed a later one.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/result.h"
#include "index/language.h"
#include "store/archive.h"

namespace backscroll::index {

struct PlannedChange {
  std::uint64_t sequence = 0;
  core::ConversationId conversation;
  std::int64_t ts_micros = 0;
};

struct ShardPlan {
  std::string name;
  std::vector<PlannedChange> changes;  // In sequence order, one per message key.
};

struct PlanRequest {
  std::uint64_t start = 0;                           // Entries after this one...
  std::uint64_t target = 0;                          // ...up to this one.
  std::map<std::string, std::uint64_t> applied;      // Existing shards' applied sequences.
  std::optional<std::set<std::string>> only_shards;  // Test hook, see index_internal.h.
  Language language;                                 // Recorded in shards created.
};

// Plans are sorted by shard name; shards with nothing to write are left out.
core::Result<std::vector<ShardPlan>> plan_changes(const store::Archive& archive,
                                                  const std::filesystem::path& index_dir,
                                                  const PlanRequest& request);

}  // namespace backscroll::index
