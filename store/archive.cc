#include "store/archive.h"

#include "store/rocks_archive.h"

namespace backscroll::store {

UpsertCounts& UpsertCounts::operator+=(const UpsertCounts& o) {
  added += o.added;
  updated += o.updated;
  unchanged += o.unchanged;
  return *this;
}

core::Result<std::unique_ptr<Archive>> Archive::open(const std::filesystem::path& dir,
                                                     OpenMode mode) {
  return RocksArchive::open(dir, mode);
}

}  // namespace backscroll::store
