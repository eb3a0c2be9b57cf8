#pragma once
// Directory: the archive's users and conversations, loaded once, for turning
// ids into the names people read and the names people type into ids.
//
// Lookups by name are case-insensitive:
//   - a user matches by id, handle (`name`), display name or real name, then by
//     a former name, with an optional leading '@' ("from:@bastian",
//     "from:\"Bastian Schmidt\"");
//   - a conversation matches by id or by name, then by a former name, with an
//     optional leading '#'.
// A failed lookup is an ErrorCode::kBadQuery error naming what was asked for,
// with the closest names (by edit distance) in the hint.
//
// Shown names: a channel or group DM shows its name; a DM shows the other
// member's shown name. "The other" is relative to the archive's owner, the one
// user who is a member of every two-person DM; when no single such user exists
// (e.g. an export with one DM), a DM shows its members' names joined by ", ".
//
// Thread-safety: immutable after construction; all methods may be called
// concurrently.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.h"
#include "core/result.h"

namespace backscroll::store {
class Archive;
}

namespace backscroll::query {

class Directory {
 public:
  Directory(std::vector<core::User> users, std::vector<core::Conversation> conversations);

  // Reads all users and conversations. Errors are the archive's.
  [[nodiscard]] static core::Result<Directory> load(const store::Archive& archive);

  // nullptr when unknown. Pointers stay valid as long as the Directory.
  const core::User* user(const core::UserId& id) const;
  const core::Conversation* conversation(const core::ConversationId& id) const;

  // The users `text` names: the id if one matches exactly; otherwise every user
  // whose handle matches, otherwise every user whose display name matches,
  // otherwise every user whose real name matches. kBadQuery when none does:
  // "no person named @text", hint "did you mean @a, @b?".
  [[nodiscard]] core::Result<std::vector<core::UserId>> find_users(std::string_view text) const;
  // The conversation `text` names (id or name, '#' optional). kBadQuery when
  // none: "no conversation named #text", hint with close names.
  [[nodiscard]] core::Result<core::ConversationId> find_conversation(std::string_view text) const;

  // DMs (kDm) with `person`. Empty when there is none.
  std::vector<core::ConversationId> dms_with(const core::UserId& person) const;
  // DMs and group DMs whose members include every one of `people`.
  std::vector<core::ConversationId> direct_conversations_with(
      const std::vector<core::UserId>& people) const;

  const std::vector<core::User>& users() const { return users_; }
  const std::vector<core::Conversation>& conversations() const { return conversations_; }

  // Channel or group DM name; for a DM see the file comment. The id when the
  // conversation is unknown.
  std::string conversation_name(const core::ConversationId& id) const;
  // The user's shown_name(), or the id itself when the user is unknown.
  std::string user_name(const core::UserId& id) const;
  // The name to show for a message's author: author_name for bot messages that
  // carry one, otherwise user_name(user_id), falling back to author_name.
  std::string author_name(const core::Message& message) const;
  // True when a bot wrote the message: a bot message, or a user marked as bot.
  bool is_bot_author(const core::Message& message) const;

 private:
  std::vector<core::User> users_;
  std::vector<core::Conversation> conversations_;
  std::unordered_map<core::UserId, std::size_t> user_index_;
  std::unordered_map<core::ConversationId, std::size_t> conversation_index_;
  std::unordered_map<core::ConversationId, std::string> shown_conversation_names_;
};

}  // namespace backscroll::query
