#pragma once
// Opening the index for searching.

#include <xapian.h>

#include <filesystem>

#include "core/result.h"

namespace backscroll::index {

// Opens every shard of the index in `index_dir` as one Xapian::Database (one
// sub-database per shard, in shard-name order). Errors: kNotFound when there is
// no index yet (no shard), kCorrupt when a shard does not open as a database,
// kStorage for I/O errors. The returned database is a snapshot; call reopen()
// on it (e.g. after Xapian::DatabaseModifiedError) to see newer commits. A
// Xapian::Database must not be used by two threads at once: open one per thread.
[[nodiscard]] core::Result<Xapian::Database> open_reader(const std::filesystem::path& index_dir);

}  // namespace backscroll::index
