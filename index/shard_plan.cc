#include "index/shard_plan.h"

#include <xapian.h>

#include <algorithm>
#include <system_error>
#include <tuple>
#include <utility>

#include "index/schema.h"
#include "index/shard.h"
#include "index/xapian_error.h"

namespace backscroll::index {

namespace fs = std::filesystem;

namespace {

// Creates an empty shard with only its schema version and language (applied 0).
core::Result<void> create_shard(const fs::path& index_dir, const std::string& name,
                                const Language& language) {
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
    db.set_metadata(std::string(kMetaLanguage), language.name());
    db.commit();
    db.close();
    return {};
  });
}

// Keeps the last entry of each message key, in sequence order.
void keep_last_per_key(std::vector<PlannedChange>& changes) {
  auto by_key_then_sequence = [](const PlannedChange& a, const PlannedChange& b) {
    return std::tie(a.conversation, a.ts_micros, a.sequence) <
           std::tie(b.conversation, b.ts_micros, b.sequence);
  };
  std::sort(changes.begin(), changes.end(), by_key_then_sequence);
  std::vector<PlannedChange> last;
  last.reserve(changes.size());
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const bool next_same_key = i + 1 < changes.size() &&
                               changes[i + 1].conversation == changes[i].conversation &&
                               changes[i + 1].ts_micros == changes[i].ts_micros;
    if (!next_same_key) last.push_back(std::move(changes[i]));
  }
  std::sort(last.begin(), last.end(),
            [](const PlannedChange& a, const PlannedChange& b) { return a.sequence < b.sequence; });
  changes = std::move(last);
}

}  // namespace

core::Result<std::vector<ShardPlan>> plan_changes(const store::Archive& archive,
                                                  const fs::path& index_dir,
                                                  const PlanRequest& request) {
  std::map<std::string, std::uint64_t> applied = request.applied;
  std::map<std::string, std::vector<PlannedChange>> changes;
  std::optional<core::Error> error;
  auto scanned = archive.for_each_change(
      request.start, [&](std::uint64_t sequence, const core::Message& message) {
        if (sequence > request.target) return false;
        std::string name = shard_name(message.conversation_id, message.ts);
        auto it = applied.find(name);
        if (it == applied.end()) {
          if (auto created = create_shard(index_dir, name, request.language); !created) {
            error = created.error();
            return false;
          }
          it = applied.emplace(name, 0).first;
        }
        if (sequence <= it->second) return true;
        if (request.only_shards && !request.only_shards->count(name)) return true;
        changes[std::move(name)].push_back(
            PlannedChange{sequence, message.conversation_id, message.ts.micros()});
        return true;
      });
  if (error) return core::Unexpected{*error};
  if (!scanned) return core::Unexpected{scanned.error()};

  std::vector<ShardPlan> plans;
  for (auto& [name, list] : changes) {
    keep_last_per_key(list);
    plans.push_back(ShardPlan{name, std::move(list)});
  }
  return plans;
}

}  // namespace backscroll::index
