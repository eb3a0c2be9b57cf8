#include "query/thread.h"

#include "query/directory.h"
#include "query/message_lookup.h"
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
  auto message = find_message(archive, directory, conversation, ts);
  if (!message) return core::Unexpected{message.error()};
  const core::ConversationId id = message->conversation_id;
  ThreadView view;
  view.conversation = *directory.conversation(id);
  view.conversation_name = directory.conversation_name(id);
  if (!message->thread_ts) {
    view.thread_ts = message->ts;
    view.messages.push_back(make_hit(std::move(*message), directory));
    return view;
  }
  view.thread_ts = *message->thread_ts;
  auto messages = archive.thread(id, view.thread_ts);
  if (!messages) return core::Unexpected{messages.error()};
  for (core::Message& m : *messages) view.messages.push_back(make_hit(std::move(m), directory));
  return view;
}

}  // namespace backscroll::query
