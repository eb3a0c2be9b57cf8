#pragma once
// Context views: the messages around one message in its conversation (the
// "jump to" of chat apps), read by archive scans, never the index.
//
// For a message in the channel (not a thread reply): up to `before` channel
// messages before it and `after` after it, thread replies left out (those
// also sent to the channel, kThreadBroadcast, count as channel messages).
// For a thread reply: the same within its thread (the parent and replies).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "query/hit.h"

namespace backscroll::store {
class Archive;
}

namespace backscroll::query {

class Directory;

struct ContextView {
  core::Conversation conversation;
  std::string conversation_name;  // As Hit::conversation.
  core::SlackTs target;           // The message asked for.
  bool in_thread = false;         // True when the view is the target's thread.
  std::vector<Hit> messages;      // In ts order, the target included; snippets empty.
};

// CONVERSATION is an id, a name or #name; TS the message's ts.
// Errors: kNotFound for an unknown conversation (close names in the hint) or
// no stored message at ts; kUsage when `ts` is not a Slack timestamp; the
// archive's errors.
[[nodiscard]] core::Result<ContextView> load_context(const store::Archive& archive,
                                                     const Directory& directory,
                                                     std::string_view conversation,
                                                     std::string_view ts, std::size_t before,
                                                     std::size_t after);

}  // namespace backscroll::query
