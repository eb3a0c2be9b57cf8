#include "query/message_lookup.h"

#include <string>

#include "query/directory.h"
#include "store/archive.h"

namespace backscroll::query {

core::Result<core::Message> find_message(const store::Archive& archive, const Directory& directory,
                                         std::string_view conversation, std::string_view ts) {
  auto id = directory.find_conversation(conversation);
  if (!id) {
    core::Error error = id.error();
    error.code = core::ErrorCode::kNotFound;
    return core::Unexpected{std::move(error)};
  }
  std::optional<core::SlackTs> parsed = core::SlackTs::parse(ts);
  if (!parsed)
    return core::fail(core::ErrorCode::kUsage, "not a Slack timestamp: \"" + std::string(ts) +
                                                   "\" (expected e.g. 1516457078.000065)");
  auto message = archive.get_message(*id, *parsed);
  if (!message) return core::Unexpected{message.error()};
  if (!*message)
    return core::fail(core::ErrorCode::kNotFound,
                      "no message " + std::string(ts) + " in " + directory.conversation_name(*id));
  return std::move(**message);
}

}  // namespace backscroll::query
