#include "query/thread.h"

#include "query/directory.h"
#include "store/archive.h"

namespace backscroll::query {

core::Result<ThreadView> load_thread(const store::Archive& archive, std::string_view conversation,
                                     std::string_view ts) {
  auto directory = Directory::load(archive);
  if (!directory) return core::Unexpected{directory.error()};
  return load_thread(archive, *directory, conversation, ts);
}

core::Result<ThreadView> load_thread(const store::Archive& archive, const Directory& directory,
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
  ThreadView view;
  view.conversation = *directory.conversation(*id);
  view.conversation_name = directory.conversation_name(*id);
  if (!(*message)->thread_ts) {
    view.thread_ts = (*message)->ts;
    view.messages.push_back(make_hit(std::move(**message), directory));
    return view;
  }
  view.thread_ts = *(*message)->thread_ts;
  auto messages = archive.thread(*id, view.thread_ts);
  if (!messages) return core::Unexpected{messages.error()};
  for (core::Message& m : *messages) view.messages.push_back(make_hit(std::move(m), directory));
  return view;
}

}  // namespace backscroll::query
