#pragma once
// The archive's value encoding for Message, User and Conversation: compact,
// versioned binary. Grammar (format version 2; see also store/FORMAT.md):
//
//   value        := version body            version = 0x01, one byte
//   varint       := LEB128 unsigned, 1 to 10 bytes
//   str          := varint(length) byte*
//   ts           := str                     the SlackTs text, "" for none
//   opt_ts       := 0x00 | 0x01 ts
//   list(X)      := varint(count) X*
//   flags        := varint                  bit set, listed per type
//
//   Message      := str(conversation_id) ts(ts) opt_ts(thread_ts) str(user_id)
//                   str(author_name) varint(kind) str(subtype) str(raw_text)
//                   str(text) str(blocks_text) list(Attachment) list(FileRef)
//                   list(Reaction) list(str links) opt_ts(edited_ts)
//                   varint(reply_count)
//                   flags(bit0 is_bot, bit1 hidden, bit2 pinned, bit3 deleted)
//   Attachment   := str(pretext) str(author_name) str(title) str(title_link)
//                   str(text) str(fallback) list(str title, str value) str(footer)
//                   str(from_url)
//   FileRef      := str(id) str(name) str(title) str(filetype) str(preview)
//   Reaction     := str(name) varint(count) list(str user_id)
//   User         := str(id) str(name) str(real_name) str(display_name)
//                   flags(bit0 is_bot, bit1 deleted) [former]
//   Conversation := str(id) varint(kind) str(name) str(topic) str(purpose)
//                   list(str member) flags(bit0 archived) varint(zigzag created)
//                   [former]
//   former       := list(str former_name)   only when non-empty (format 2)
//
// Format 2 only added bit3 and [former]; a value without them is byte-identical
// to its format 1 encoding, so format 1 values decode unchanged.
//
// Example: User{id "U1", name "al"} encodes as 01 02 'U' '1' 02 'a' 'l' 00 00 00.
// A value must be consumed exactly; trailing bytes, a short read, an unknown
// version or an unknown enum value are kCorrupt. Encoding is deterministic, so
// equal models give identical bytes (upserts compare encodings).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/result.h"

namespace backscroll::store {

inline constexpr std::uint8_t kCodecVersion = 1;

std::string encode_message(const core::Message& message);
std::string encode_user(const core::User& user);
std::string encode_conversation(const core::Conversation& conversation);

// Errors: kCorrupt when `bytes` is not a valid encoding.
[[nodiscard]] core::Result<core::Message> decode_message(std::string_view bytes);
[[nodiscard]] core::Result<core::User> decode_user(std::string_view bytes);
[[nodiscard]] core::Result<core::Conversation> decode_conversation(std::string_view bytes);

}  // namespace backscroll::store
