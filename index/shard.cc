#include "index/shard.h"

#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <system_error>

#include "index/schema.h"
#include "index/xapian_error.h"

namespace backscroll::index {

namespace fs = std::filesystem;

namespace {

// FNV-1a, 64 bits. Persisted (it places messages in shards): never change it.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ULL) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

int slot_of(const core::ConversationId& conversation, const core::SlackTs& ts) {
  std::string key = conversation.str();
  key += '\0';
  const auto micros = static_cast<std::uint64_t>(ts.micros());
  for (int shift = 56; shift >= 0; shift -= 8) key += static_cast<char>((micros >> shift) & 0xff);
  return static_cast<int>(fnv1a(key) % kSlotsPerPeriod);
}

}  // namespace

std::string shard_name(const core::ConversationId& conversation, const core::SlackTs& ts) {
  using namespace std::chrono;
  const sys_days day = floor<days>(sys_seconds{seconds{ts.seconds()}});
  const year_month_day ymd{day};
  const int quarter = (static_cast<int>(static_cast<unsigned>(ymd.month())) - 1) / 3 + 1;
  return std::to_string(static_cast<int>(ymd.year())) + 'q' + std::to_string(quarter) + '-' +
         std::to_string(slot_of(conversation, ts));
}

std::optional<std::int64_t> shard_ordinal(std::string_view name) {
  // "YYYYqN-S": four digits, 'q', a quarter 1-4, '-', a slot.
  if (name.size() != 8 || name[4] != 'q' || name[5] < '1' || name[5] > '4' || name[6] != '-' ||
      name[7] < '0' || name[7] >= '0' + kSlotsPerPeriod) {
    return std::nullopt;
  }
  int year = 0;
  auto [end, ec] = std::from_chars(name.data(), name.data() + 4, year);
  if (ec != std::errc() || end != name.data() + 4) return std::nullopt;
  return (static_cast<std::int64_t>(year) * 4 + (name[5] - '1')) * kSlotsPerPeriod +
         (name[7] - '0');
}

fs::path shards_dir(const fs::path& index_dir) { return index_dir / "shards"; }

fs::path shard_path(const fs::path& index_dir, std::string_view name) {
  return shards_dir(index_dir) / std::string(name);
}

core::Result<std::vector<std::string>> list_shards(const fs::path& index_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  const fs::path dir = shards_dir(index_dir);
  if (!fs::exists(dir, ec)) {
    if (ec) return core::fail(core::ErrorCode::kStorage, dir.string() + ": " + ec.message());
    return names;
  }
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!shard_ordinal(name) || !it->is_directory()) continue;
    // Xapian writes "iamglass" when it creates a database; a directory without
    // it is what a crash inside shard creation leaves, holding nothing committed.
    if (!fs::exists(it->path() / "iamglass", ec)) continue;
    names.push_back(std::move(name));
  }
  if (ec) {
    return core::fail(core::ErrorCode::kStorage, "listing " + dir.string() + ": " + ec.message());
  }
  std::sort(names.begin(), names.end());
  return names;
}

core::Result<std::uint64_t> parse_applied_sequence(const std::string& value,
                                                   std::string_view shard) {
  if (value.empty()) return std::uint64_t{0};
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return core::fail(core::ErrorCode::kCorrupt, "index shard " + std::string(shard) +
                                                     ": bad applied sequence \"" + value + "\"");
  }
  return n;
}

core::Result<std::vector<ShardState>> read_shard_states(const fs::path& index_dir) {
  auto names = list_shards(index_dir);
  if (!names) return core::Unexpected{names.error()};
  std::vector<ShardState> states;
  for (const std::string& name : *names) {
    const fs::path path = shard_path(index_dir, name);
    auto state =
        xapian_guard("reading index shard " + path.string(), [&]() -> core::Result<ShardState> {
          Xapian::Database db(path.string());
          ShardState s;
          s.name = name;
          auto applied =
              parse_applied_sequence(db.get_metadata(std::string(kMetaAppliedSequence)), name);
          if (!applied) return core::Unexpected{applied.error()};
          s.applied = *applied;
          s.schema_version = db.get_metadata(std::string(kMetaSchemaVersion));
          s.language = db.get_metadata(std::string(kMetaLanguage));
          s.documents = db.get_doccount();
          return s;
        });
    if (!state) return core::Unexpected{state.error()};
    states.push_back(std::move(*state));
  }
  return states;
}

}  // namespace backscroll::index
