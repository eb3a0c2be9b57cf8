#include "index/reader.h"

#include "index/shard.h"
#include "index/xapian_error.h"

namespace backscroll::index {

core::Result<Xapian::Database> open_reader(const std::filesystem::path& index_dir) {
  auto names = list_shards(index_dir);
  if (!names) return core::Unexpected{names.error()};
  if (names->empty()) {
    core::Error e =
        core::make_error(core::ErrorCode::kNotFound, "no search index in " + index_dir.string());
    e.hint = "run `backscroll ingest` (or `backscroll reindex`) to build it";
    return core::Unexpected{std::move(e)};
  }
  return xapian_guard("opening the index in " + index_dir.string(),
                      [&]() -> core::Result<Xapian::Database> {
                        Xapian::Database db;
                        for (const std::string& name : *names) {
                          db.add_database(Xapian::Database(shard_path(index_dir, name).string()));
                        }
                        return db;
                      });
}

}  // namespace backscroll::index
