#pragma once
// ExportStats: exact counts of what the generator wrote, printed as the
// one-line JSON manifest of backscroll-genexport.

#include <cstdint>
#include <string>

namespace backscroll::generator {

struct ExportStats {
  std::uint64_t messages = 0;       // Message objects in day files.
  std::uint64_t conversations = 0;  // Conversations with at least one message.
  std::uint64_t users = 0;          // Entries in users.json.
  std::uint64_t day_files = 0;      // YYYY-MM-DD.json files.
  std::uint64_t threads = 0;        // Thread parents (reply_count > 0), tombstones included.
  std::uint64_t replies = 0;        // Messages with thread_ts != ts.
  std::uint64_t bot_messages = 0;   // Messages with subtype bot_message.
  std::uint64_t app_posts = 0;      // App posts (user + bot_id + bot_profile, no subtype).
  std::uint64_t bytes = 0;          // Bytes of all JSON files written (uncompressed).
};

}  // namespace backscroll::generator
