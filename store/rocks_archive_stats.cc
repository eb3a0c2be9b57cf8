#include "store/codec.h"
#include "store/keys.h"
#include "store/rocks_archive.h"

namespace backscroll::store {

core::Result<ArchiveStats> RocksArchive::stats() const {
  rocksdb::ManagedSnapshot snapshot(&db_->db());
  ArchiveStats st;

  auto meta = scan(
      Family::kMeta, std::string(kLastSequenceKey), "", Direction::kForward,
      [&st](std::string_view key, std::string_view value) -> core::Result<bool> {
        if (key != kLastSequenceKey) return false;
        if (value.size() != 8)
          return core::fail(core::ErrorCode::kCorrupt, "archive last sequence is malformed");
        st.last_sequence = get_be64(value);
        return false;
      },
      snapshot.snapshot());
  if (!meta) return core::Unexpected{std::move(meta.error())};

  auto messages = scan(
      Family::kMessages, "", "", Direction::kForward,
      [&st](std::string_view key, std::string_view value) -> core::Result<bool> {
        auto m = decode_message_at(key, value);
        if (!m) return core::Unexpected{std::move(m.error())};
        ++st.messages;
        ++st.messages_by_kind[core::message_kind_name(m->kind)];
        if (!st.first || m->ts < *st.first) st.first = m->ts;
        if (!st.last || m->ts > *st.last) st.last = m->ts;
        return true;
      },
      snapshot.snapshot());
  if (!messages) return core::Unexpected{std::move(messages.error())};

  // Thread keys sort by (conversation, thread_ts), so each thread is one run.
  std::string previous;
  auto threads = scan(
      Family::kThreads, "", "", Direction::kForward,
      [&st, &previous](std::string_view key, std::string_view) -> core::Result<bool> {
        if (key.size() < 17) return core::fail(core::ErrorCode::kCorrupt, "malformed thread key");
        std::string_view prefix = key.substr(0, key.size() - 8);
        if (prefix != previous) {
          ++st.threads;
          previous.assign(prefix);
        }
        return true;
      },
      snapshot.snapshot());
  if (!threads) return core::Unexpected{std::move(threads.error())};

  auto conversations = scan(
      Family::kConversations, "", "", Direction::kForward,
      [&st](std::string_view key, std::string_view value) -> core::Result<bool> {
        auto c = decode_conversation(value);
        if (!c) {
          c.error().message += " (conversation " + std::string(key) + ")";
          return core::Unexpected{std::move(c.error())};
        }
        ++st.conversations;
        ++st.conversations_by_kind[core::conversation_kind_name(c->kind)];
        return true;
      },
      snapshot.snapshot());
  if (!conversations) return core::Unexpected{std::move(conversations.error())};

  auto users = scan(
      Family::kUsers, "", "", Direction::kForward,
      [&st](std::string_view, std::string_view) -> core::Result<bool> {
        ++st.users;
        return true;
      },
      snapshot.snapshot());
  if (!users) return core::Unexpected{std::move(users.error())};
  return st;
}

}  // namespace backscroll::store
