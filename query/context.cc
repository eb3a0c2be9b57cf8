#include "query/context.h"

#include <algorithm>

#include "query/directory.h"
#include "query/message_lookup.h"
#include "store/archive.h"

namespace backscroll::query {
namespace {

// Whether `m` shows in the channel (thread replies do not, unless broadcast).
bool in_channel(const core::Message& m) {
  return !m.is_reply() || m.kind == core::MessageKind::kThreadBroadcast;
}

// The view for a reply: the slice of its thread around it.
core::Result<ContextView> thread_context(const store::Archive& archive, const Directory& directory,
                                         ContextView view, const core::SlackTs& thread,
                                         std::size_t before, std::size_t after) {
  auto messages = archive.thread(view.conversation.id, thread);
  if (!messages) return core::Unexpected{messages.error()};
  std::size_t at = 0;
  while (at < messages->size() && (*messages)[at].ts != view.target) ++at;
  const std::size_t first = at > before ? at - before : 0;
  const std::size_t end = std::min(messages->size(), at + after + 1);
  for (std::size_t i = first; i < end; ++i)
    view.messages.push_back(make_hit(std::move((*messages)[i]), directory));
  return view;
}

}  // namespace

core::Result<ContextView> load_context(const store::Archive& archive, const Directory& directory,
                                       std::string_view conversation, std::string_view ts,
                                       std::size_t before, std::size_t after) {
  auto target = find_message(archive, directory, conversation, ts);
  if (!target) return core::Unexpected{target.error()};
  const core::ConversationId id = target->conversation_id;
  const core::SlackTs at = target->ts;

  ContextView view;
  view.conversation = *directory.conversation(id);
  view.conversation_name = directory.conversation_name(id);
  view.target = at;
  std::optional<core::SlackTs> thread;
  if (target->is_reply() && target->kind != core::MessageKind::kThreadBroadcast)
    thread = target->thread_ts;
  view.in_thread = thread.has_value();
  if (thread) return thread_context(archive, directory, std::move(view), *thread, before, after);

  std::vector<core::Message> earlier;
  if (before > 0) {
    auto r = archive.scan_conversation_backward(id, at, [&](const core::Message& m) {
      if (in_channel(m)) earlier.push_back(m);
      return earlier.size() < before;
    });
    if (!r) return core::Unexpected{r.error()};
  }
  std::reverse(earlier.begin(), earlier.end());
  for (core::Message& m : earlier) view.messages.push_back(make_hit(std::move(m), directory));
  view.messages.push_back(make_hit(std::move(*target), directory));
  if (after > 0) {
    std::size_t taken = 0;
    auto r = archive.scan_conversation(id, core::SlackTs::from_micros(at.micros() + 1),
                                       std::nullopt, [&](const core::Message& m) {
                                         if (!in_channel(m)) return true;
                                         view.messages.push_back(make_hit(m, directory));
                                         return ++taken < after;
                                       });
    if (!r) return core::Unexpected{r.error()};
  }
  return view;
}

}  // namespace backscroll::query
