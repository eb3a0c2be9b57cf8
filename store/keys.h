#pragma once
// Key layouts of the archive's column families (see store/FORMAT.md). Keys sort
// bytewise, so every integer is fixed-width big-endian.
//
//   message key    conversation id bytes, 0x00, ts micros (8 bytes BE)
//   thread key     conversation id bytes, 0x00, thread_ts micros (8 BE), ts micros (8 BE)
//   changelog key  sequence number (8 bytes BE)
//   version key    message key, version micros (8 BE): the version's edited_ts,
//                  or its ts when it was never edited (format 2)
//
// Example: conversation "C1", ts "1516457078.000065" (1516457078000065 micros):
//   message key = 'C' '1' 00 | 00 05 63 35 ad 73 89 c1
// Conversation ids never contain 0x00, so all keys of one conversation form a
// contiguous range [id 0x00, id 0x01), and within it keys sort by time (a
// 9-digit-seconds ts sorts before a 10-digit one, unlike their strings).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/slack_ts.h"

namespace backscroll::store {

// Appends `v` as 8 bytes big-endian.
void put_be64(std::string& out, std::uint64_t v);
// Reads 8 bytes big-endian from the start of `in` (which must hold at least 8).
std::uint64_t get_be64(std::string_view in);

// The messages column family's key.
std::string message_key(const core::ConversationId& conversation, std::int64_t ts_micros);
// The threads column family's key.
std::string thread_key(const core::ConversationId& conversation, std::int64_t thread_micros,
                       std::int64_t ts_micros);
// Prefix shared by every key of a thread: conversation, 0x00, thread_ts micros.
std::string thread_prefix(const core::ConversationId& conversation, std::int64_t thread_micros);
// The versions column family's key: a message key followed by `micros`. All
// versions of one message share the prefix `message_key`.
std::string version_key(std::string_view message_key, std::int64_t micros);
// The changelog column family's key.
std::string changelog_key(std::uint64_t sequence);

// [conversation_begin, conversation_end) covers every message or thread key of
// the conversation.
std::string conversation_begin(const core::ConversationId& conversation);
std::string conversation_end(const core::ConversationId& conversation);

// The smallest key greater than every key starting with `prefix` ("" when no
// such key exists, i.e. `prefix` is all 0xff).
std::string prefix_successor(std::string_view prefix);

struct MessageKeyParts {
  core::ConversationId conversation;
  std::int64_t ts_micros = 0;
};
// Splits a message key; nullopt when it is not one.
std::optional<MessageKeyParts> parse_message_key(std::string_view key);

struct ThreadKeyParts {
  core::ConversationId conversation;
  std::int64_t thread_micros = 0;
  std::int64_t ts_micros = 0;
};
// Splits a thread key; nullopt when it is not one.
std::optional<ThreadKeyParts> parse_thread_key(std::string_view key);

}  // namespace backscroll::store
