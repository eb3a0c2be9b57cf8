#pragma once
// What ingest records in the archive's meta column family for each day file it
// archived, in the same write batch as the file's messages (store/FORMAT.md):
//
//   key    "day_file/" conversation id "/" file name
//          e.g. "day_file/C0JGLMMNX/2016-01-15.json"
//   value  content hash (8 bytes BE), messages (8 BE), skipped entries (8 BE)
//
// A later ingest that finds a day file with the recorded hash does not parse
// it: its messages are all archived, and count as unchanged.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"

namespace backscroll::ingest {

struct DayFileRecord {
  std::uint64_t hash = 0;
  std::uint64_t messages = 0;  // Distinct messages the file gave (after de-duplication).
  std::uint64_t skipped = 0;   // Entries not archived (no ts, live events, repeats).
  bool operator==(const DayFileRecord&) const = default;
};

std::string day_file_key(const core::ConversationId& conversation, std::string_view name);
std::string encode_day_file_record(const DayFileRecord& record);
// nullopt when `value` is not 24 bytes.
std::optional<DayFileRecord> decode_day_file_record(std::string_view value);

}  // namespace backscroll::ingest
