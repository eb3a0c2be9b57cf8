#pragma once
// The Slack day-file reader (internal to ingest/): a JSON array of message
// objects -> core::Message, following FORMATS.md §1.4. Mapping:
//
//   ts                 -> ts (a message without a valid ts is skipped and counted)
//   thread_ts          -> thread_ts (an invalid one is dropped, with a warning)
//   user | bot_id | username            -> user_id (first non-empty)
//   username (when the message has no user, or is a bot's) | bot_profile.name (bots)
//                      -> author_name; "" for people
//   subtype            -> subtype verbatim and kind:
//       none: kBot when bot_id is set (an app post), else kPlain
//       bot_message -> kBot; me_message -> kMe; thread_broadcast -> kThreadBroadcast
//       channel_join group_join bot_add app_conversation_join -> kJoin
//       channel_leave group_leave bot_remove app_conversation_leave -> kLeave
//       file_share file_comment file_mention -> kFileShare; tombstone -> kTombstone
//       pinned_item unpinned_item -> kPinned
//       channel_/group_ topic purpose name archive unarchive, channel_posting_permissions,
//       channel_convert_to_private/public -> kChannelEvent; anything else -> kOther
//       message_changed message_deleted message_replied: live events, skipped
//   is_bot             -> kind == kBot
//   text               -> raw_text verbatim; text = markup resolved (markup.h)
//   blocks             -> blocks_text, only for kBot or when text is empty
//   attachments        -> attachments (markup resolved)
//   files[] and file   -> files
//   reactions, edited.ts, reply_count, hidden, pinned_to (non-empty -> pinned)
//   links              -> URLs from text, then attachments, then blocks; each once
//   user_profile       -> DayFile::profile_users (name, real_name, display_name), when
//                         `user` is not in the NameDirectory and the profile names someone
// Two entries with the same ts in one file: the later one is kept (a warning).
//
// Types: a field may be missing, null, [] for an empty object, or a string where a
// number belongs; anything else (an object for "text", a message that is not an
// object, invalid JSON) fails the whole file with kBadInput and a byte offset.

#include <memory>
#include <string_view>

#include "core/result.h"
#include "ingest/export_files.h"
#include "ingest/name_directory.h"
#include "ingest/source.h"

namespace backscroll::ingest::slack {

class MessageReader {
 public:
  // `names` must outlive the reader.
  explicit MessageReader(const NameDirectory& names);
  ~MessageReader();
  MessageReader(const MessageReader&) = delete;
  MessageReader& operator=(const MessageReader&) = delete;

  // Appends the file's messages to out.messages, counts out.skipped and adds
  // out.warnings. On error (kBadInput with offset; source and file left for the
  // caller) out.messages is left as it was before the call.
  [[nodiscard]] core::Result<void> read_day_file(const EntryData& data,
                                                 const core::ConversationId& conversation,
                                                 DayFile& out);
  // Same over unpadded text (copied into a padded buffer first).
  [[nodiscard]] core::Result<void> read_json(std::string_view json,
                                             const core::ConversationId& conversation,
                                             DayFile& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace backscroll::ingest::slack
