#pragma once
// Internal: the time-sharded layout of the index.
//
//   <index_dir>/shards/<name>/   one Xapian glass database per calendar quarter
//                                (UTC) of the messages' ts and slot, named
//                                "2020q4-0" and "2020q4-1".
//
// A quarter is split into kSlotsPerPeriod shards by a hash of the message key
// (FNV-1a 64 of conversation id, 0x00, ts micros as 8 bytes big-endian), so
// that two writer threads share the work evenly even when the changelog is in
// time order (it usually is: ingest reads each channel day by day). Every
// message lives in exactly one shard, chosen by its key, which never changes;
// so an edit replaces the document in the same shard.
// Each shard records in its own commits kMetaAppliedSequence (the highest
// archive changelog sequence whose effects on this shard are committed) and
// kMetaSchemaVersion.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/result.h"
#include "core/slack_ts.h"

namespace backscroll::index {

inline constexpr int kSlotsPerPeriod = 2;

// The shard a message belongs to, e.g. "2020q4-1".
std::string shard_name(const core::ConversationId& conversation, const core::SlackTs& ts);
// A number that increases by one from one shard to the next in name order
// ((year * 4 + quarter - 1) * kSlotsPerPeriod + slot; used to spread shards
// over worker threads); nullopt for a malformed name.
std::optional<std::int64_t> shard_ordinal(std::string_view name);

std::filesystem::path shards_dir(const std::filesystem::path& index_dir);
std::filesystem::path shard_path(const std::filesystem::path& index_dir, std::string_view name);

struct ShardState {
  std::string name;
  std::uint64_t applied = 0;   // kMetaAppliedSequence, 0 when unset.
  std::string schema_version;  // kMetaSchemaVersion, "" when unset.
  std::string language;        // kMetaLanguage, "" when unset.
  std::uint64_t documents = 0;
};

// Names of the shards present, sorted (an empty list when there is no index
// yet). Directories whose names are not shard names, or that hold no Xapian
// database (no "iamglass": a crash during creation), are ignored.
core::Result<std::vector<std::string>> list_shards(const std::filesystem::path& index_dir);

// Opens each shard read-only and reads its metadata.
core::Result<std::vector<ShardState>> read_shard_states(const std::filesystem::path& index_dir);

// Parses a kMetaAppliedSequence value ("" means 0).
core::Result<std::uint64_t> parse_applied_sequence(const std::string& value,
                                                   std::string_view shard);

}  // namespace backscroll::index
