#include "server/visible_stats.h"

#include <set>

#include "query/directory.h"

namespace backscroll::server {

core::Result<store::ArchiveStats> visible_stats(const store::Archive& archive, const View& view) {
  if (view.is_all()) return archive.stats();
  store::ArchiveStats st;
  st.users = view.directory().users().size();
  st.last_sequence = archive.last_sequence();
  for (const core::Conversation& c : view.conversations()) {
    ++st.conversations;
    ++st.conversations_by_kind[core::conversation_kind_name(c.kind)];
    std::set<core::SlackTs> threads;
    auto scanned = archive.scan_conversation(
        c.id, std::nullopt, std::nullopt, [&st, &threads](const core::Message& m) {
          ++st.messages;
          ++st.messages_by_kind[core::message_kind_name(m.kind)];
          if (!st.first || m.ts < *st.first) st.first = m.ts;
          if (!st.last || m.ts > *st.last) st.last = m.ts;
          if (m.thread_ts) threads.insert(*m.thread_ts);
          return true;
        });
    if (!scanned) return core::Unexpected{scanned.error()};
    st.threads += threads.size();
  }
  return st;
}

}  // namespace backscroll::server
