#pragma once
// The archive's own model of chat history. Every export source (Slack today;
// Mattermost, Discord, Telegram and IRC later) translates into these types, and
// everything downstream (store, index, query) knows only these.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/slack_ts.h"

namespace backscroll::core {

// Persisted: values never change, new ones are appended.
enum class ConversationKind : std::uint8_t {
  kPublic = 0,   // Public channel.
  kPrivate = 1,  // Private channel.
  kDm = 2,       // Direct message between two people (or a self-DM).
  kMpim = 3,     // Group DM.
};
const char* conversation_kind_name(ConversationKind kind);  // "public", ...

struct User {
  UserId id;
  std::string name;          // Handle, e.g. "bastian".
  std::string real_name;     // "Bastian Schmidt".
  std::string display_name;  // Profile display name; often empty.
  bool is_bot = false;
  bool deleted = false;
  // Handles, display and real names this user had before (oldest first, each
  // once, none equal to a current one). The archive fills it in when a later
  // export renames someone; search finds people by these too.
  std::vector<std::string> former_names;

  // Display name, falling back to the real name, then the handle, then the id.
  std::string shown_name() const;
  bool operator==(const User&) const = default;
};

struct Conversation {
  ConversationId id;
  ConversationKind kind = ConversationKind::kPublic;
  std::string name;  // Channel name without '#'; for a DM the export's id.
  std::string topic;
  std::string purpose;
  std::vector<UserId> members;
  bool archived = false;
  std::int64_t created = 0;  // Epoch seconds; 0 when unknown.
  // Names this conversation had before (oldest first, each once, never the
  // current name). The archive fills it in when a later export renames it.
  std::vector<std::string> former_names;
  bool operator==(const Conversation&) const = default;
};

// Persisted: values never change, new ones are appended.
enum class MessageKind : std::uint8_t {
  kPlain = 0,            // A person's message (also replies and parents).
  kBot = 1,              // bot_message, or an app post (bot_id without subtype).
  kJoin = 2,             // channel_join, group_join, bot_add, ...
  kLeave = 3,            // channel_leave, group_leave, bot_remove, ...
  kFileShare = 4,        // file_share, file_comment, file_mention.
  kThreadBroadcast = 5,  // A reply also sent to the channel.
  kTombstone = 6,        // A deleted thread parent whose replies survive.
  kPinned = 7,           // pinned_item / unpinned_item notices.
  kMe = 8,               // /me action.
  kChannelEvent = 9,     // Topic, purpose, rename, archive notices.
  kOther = 10,           // Any other subtype; `subtype` keeps it verbatim.
};
const char* message_kind_name(MessageKind kind);  // "plain", "bot", ...

struct Reaction {
  std::string name;  // Shortcode without colons, e.g. "+1::skin-tone-2".
  std::uint32_t count = 0;
  std::vector<UserId> users;
  bool operator==(const Reaction&) const = default;
};

struct AttachmentField {
  std::string title;
  std::string value;
  bool operator==(const AttachmentField&) const = default;
};

// A legacy "secondary attachment" or link unfurl; alert bots put all their text
// here. All strings are plain text with Slack markup already resolved.
struct Attachment {
  std::string pretext;
  std::string author_name;
  std::string title;
  std::string title_link;
  std::string text;
  std::string fallback;
  std::vector<AttachmentField> fields;
  std::string footer;
  std::string from_url;  // Link unfurls: the unfurled URL.
  bool operator==(const Attachment&) const = default;
};

struct FileRef {
  std::string id;
  std::string name;
  std::string title;
  std::string filetype;
  std::string preview;  // First lines of a text snippet, when the export has them.
  bool operator==(const FileRef&) const = default;
};

struct Message {
  ConversationId conversation_id;
  SlackTs ts;                        // Identity within the conversation.
  std::optional<SlackTs> thread_ts;  // Set on thread parents (== ts) and replies.
  UserId user_id;                    // Author's user id; for a bot without one, its bot id.
  std::string author_name;           // Per-message name (bot username); "" for people.
  MessageKind kind = MessageKind::kPlain;
  std::string subtype;               // Slack's subtype verbatim; "" when none.
  std::string raw_text;              // `text` exactly as exported (mrkdwn, entity-escaped).
  std::string text;                  // Markup resolved, entities decoded: what people read.
  std::string blocks_text;           // Block text that adds to `text` (bots' sections); "" if none.
  std::vector<Attachment> attachments;
  std::vector<FileRef> files;
  std::vector<Reaction> reactions;
  std::vector<std::string> links;    // URLs linked from text, attachments and blocks.
  std::optional<SlackTs> edited_ts;
  std::uint32_t reply_count = 0;     // As reported on a thread parent; informative only.
  bool is_bot = false;
  bool hidden = false;               // Slack's `hidden` (tombstones).
  bool pinned = false;
  // Deleted in the chat after it was archived (or archived as Slack's
  // tombstone): what was archived before stays, with this flag set.
  bool deleted = false;

  bool is_thread_parent() const { return thread_ts && *thread_ts == ts; }
  bool is_reply() const { return thread_ts && *thread_ts != ts; }
  bool operator==(const Message&) const = default;
};

// Everything a search should find in a message, one part per line, identical
// strings de-duplicated, in this order: text; attachments' pretext, author,
// title, text, fields ("title: value"), footer (fallback only when the others are
// empty); blocks_text; files' names, titles and previews. The index builds its
// document from it and query/ makes snippets from it.
std::string searchable_text(const Message& message);

}  // namespace backscroll::core
