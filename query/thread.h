#pragma once
// Thread views: a thread's parent and replies, in ts order.

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

struct ThreadView {
  core::Conversation conversation;
  std::string conversation_name;  // As Hit::conversation.
  core::SlackTs thread_ts;
  std::vector<Hit> messages;  // Parent (when stored) then replies; snippets empty.
};

// The thread containing the message `ts` of `conversation`. CONVERSATION is an
// id, a name, or #name; TS is any message of the thread (parent or reply). A
// message outside any thread gives a view of that message alone.
// Errors: kNotFound for an unknown conversation (close names in the hint) or a
// ts with no stored message; kUsage when `ts` is not a Slack timestamp; the
// archive's errors.
[[nodiscard]] core::Result<ThreadView> load_thread(const store::Archive& archive,
                                                   std::string_view conversation,
                                                   std::string_view ts);
// Same, with a Directory already loaded from `archive`.
[[nodiscard]] core::Result<ThreadView> load_thread(const store::Archive& archive,
                                                   const Directory& directory,
                                                   std::string_view conversation,
                                                   std::string_view ts);

}  // namespace backscroll::query
