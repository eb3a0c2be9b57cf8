#include <algorithm>
#include <vector>

#include "store/codec.h"
#include "store/keys.h"
#include "store/rocks_archive.h"

namespace backscroll::store {
namespace {

// Changelog entries resolved per MultiGet in for_each_change.
constexpr std::size_t kChangeBatch = 1024;

std::string describe_message_key(std::string_view key) {
  auto parts = parse_message_key(key);
  if (!parts) return "an unreadable key";
  return "conversation " + parts->conversation.value + " ts " +
         core::SlackTs::from_micros(parts->ts_micros).str();
}

template <typename T>
core::Result<T> with_key(core::Result<T> decoded, std::string_view what) {
  if (!decoded) decoded.error().message += " (" + std::string(what) + ")";
  return decoded;
}

}  // namespace

core::Result<core::Message> decode_message_at(std::string_view key, std::string_view value) {
  return with_key(decode_message(value), describe_message_key(key));
}

core::Result<void> RocksArchive::scan(Family family, const std::string& lower,
                                      const std::string& upper, Direction direction,
                                      const RawVisitor& visit,
                                      const rocksdb::Snapshot* snapshot) const {
  rocksdb::Slice lower_slice(lower);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  if (!lower.empty()) options.iterate_lower_bound = &lower_slice;
  if (!upper.empty()) options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->db().NewIterator(options, db_->cf(family)));
  if (direction == Direction::kForward) {
    it->Seek(lower);
  } else {
    it->SeekToLast();  // Honors iterate_upper_bound.
  }
  for (; it->Valid(); direction == Direction::kForward ? it->Next() : it->Prev()) {
    auto more = visit(it->key().ToStringView(), it->value().ToStringView());
    if (!more) return core::Unexpected{std::move(more.error())};
    if (!*more) break;
  }
  if (!it->status().ok())
    return status_fail(it->status(), std::string("cannot read ") + family_name(family));
  return {};
}

core::Result<std::optional<std::string>> RocksArchive::get_raw(Family family,
                                                               std::string_view key) const {
  std::string value;
  rocksdb::Status s = db_->db().Get(rocksdb::ReadOptions(), db_->cf(family), key, &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return status_fail(s, std::string("cannot read ") + family_name(family));
  return std::optional<std::string>(std::move(value));
}

core::Result<void> RocksArchive::scan_messages(const std::string& lower, const std::string& upper,
                                               Direction direction,
                                               const MessageVisitor& visit) const {
  return scan(Family::kMessages, lower, upper, direction,
              [&visit](std::string_view key, std::string_view value) -> core::Result<bool> {
                auto m = decode_message_at(key, value);
                if (!m) return core::Unexpected{std::move(m.error())};
                return visit(*m);
              });
}

core::Result<std::optional<core::Message>> RocksArchive::get_message(
    const core::ConversationId& conversation, const core::SlackTs& ts) const {
  std::string key = message_key(conversation, ts.micros());
  auto raw = get_raw(Family::kMessages, key);
  if (!raw) return core::Unexpected{std::move(raw.error())};
  if (!*raw) return std::optional<core::Message>();
  auto m = decode_message_at(key, **raw);
  if (!m) return core::Unexpected{std::move(m.error())};
  return std::optional<core::Message>(std::move(*m));
}

core::Result<void> RocksArchive::scan_conversation(const core::ConversationId& conversation,
                                                   std::optional<core::SlackTs> from,
                                                   std::optional<core::SlackTs> to,
                                                   const MessageVisitor& visit) const {
  std::string lower =
      from ? message_key(conversation, from->micros()) : conversation_begin(conversation);
  std::string upper = to ? message_key(conversation, to->micros()) : conversation_end(conversation);
  if (upper <= lower) return {};
  return scan_messages(lower, upper, Direction::kForward, visit);
}

core::Result<void> RocksArchive::scan_conversation_backward(
    const core::ConversationId& conversation, std::optional<core::SlackTs> before,
    const MessageVisitor& visit) const {
  std::string lower = conversation_begin(conversation);
  std::string upper =
      before ? message_key(conversation, before->micros()) : conversation_end(conversation);
  if (upper <= lower) return {};
  return scan_messages(lower, upper, Direction::kBackward, visit);
}

core::Result<std::vector<core::Message>> RocksArchive::thread(
    const core::ConversationId& conversation, const core::SlackTs& thread_ts) const {
  rocksdb::ManagedSnapshot snapshot(&db_->db());
  std::string prefix = thread_prefix(conversation, thread_ts.micros());
  std::vector<std::string> keys;
  keys.push_back(message_key(conversation, thread_ts.micros()));  // The parent, if stored.
  auto scanned = scan(
      Family::kThreads, prefix, prefix_successor(prefix), Direction::kForward,
      [&](std::string_view key, std::string_view) -> core::Result<bool> {
        auto parts = parse_thread_key(key);
        if (!parts) return core::fail(core::ErrorCode::kCorrupt, "malformed thread key");
        if (parts->ts_micros != thread_ts.micros())
          keys.push_back(message_key(conversation, parts->ts_micros));
        return true;
      },
      snapshot.snapshot());
  if (!scanned) return core::Unexpected{std::move(scanned.error())};

  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  rocksdb::ReadOptions options;
  options.snapshot = snapshot.snapshot();
  db_->db().MultiGet(options, db_->cf(Family::kMessages), keys.size(), slices.data(), values.data(),
                     statuses.data());
  std::vector<core::Message> out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].IsNotFound()) {
      if (i == 0) continue;  // No stored parent.
      return core::fail(core::ErrorCode::kCorrupt,
                        "thread entry without its message: " + describe_message_key(keys[i]));
    }
    if (!statuses[i].ok()) return status_fail(statuses[i], "cannot read thread");
    auto m = decode_message_at(keys[i], values[i].ToStringView());
    if (!m) return core::Unexpected{std::move(m.error())};
    out.push_back(std::move(*m));
  }
  std::sort(out.begin(), out.end(),
            [](const core::Message& a, const core::Message& b) { return a.ts < b.ts; });
  return out;
}

core::Result<std::vector<core::Message>> RocksArchive::message_versions(
    const core::ConversationId& conversation, const core::SlackTs& ts) const {
  std::vector<core::Message> out;
  if (db_->cf(Family::kVersions) == nullptr) return out;  // A format 1 archive.
  const std::string key = message_key(conversation, ts.micros());
  auto scanned = scan(Family::kVersions, key, prefix_successor(key), Direction::kForward,
                      [&](std::string_view, std::string_view value) -> core::Result<bool> {
                        auto m = decode_message_at(key, value);
                        if (!m) return core::Unexpected{std::move(m.error())};
                        out.push_back(std::move(*m));
                        return true;
                      });
  if (!scanned) return core::Unexpected{std::move(scanned.error())};
  return out;
}

core::Result<void> RocksArchive::for_each_message(const MessageVisitor& visit) const {
  return scan_messages("", "", Direction::kForward, visit);
}

core::Result<void> RocksArchive::for_each_change(std::uint64_t after,
                                                 const ChangeVisitor& visit) const {
  if (after == UINT64_MAX) return {};
  rocksdb::ManagedSnapshot snapshot(&db_->db());
  rocksdb::ReadOptions options;
  options.snapshot = snapshot.snapshot();
  std::vector<std::uint64_t> sequences;
  std::vector<std::string> keys;
  bool stopped = false;
  // Resolves the pending entries to messages and visits them.
  auto flush = [&]() -> core::Result<void> {
    std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
    std::vector<rocksdb::PinnableSlice> values(keys.size());
    std::vector<rocksdb::Status> statuses(keys.size());
    db_->db().MultiGet(options, db_->cf(Family::kMessages), keys.size(), slices.data(),
                       values.data(), statuses.data());
    for (std::size_t i = 0; i < keys.size() && !stopped; ++i) {
      if (statuses[i].IsNotFound())
        return core::fail(core::ErrorCode::kCorrupt,
                          "changelog entry " + std::to_string(sequences[i]) +
                              " names a missing message: " + describe_message_key(keys[i]));
      if (!statuses[i].ok()) return status_fail(statuses[i], "cannot read changed message");
      auto m = decode_message_at(keys[i], values[i].ToStringView());
      if (!m) return core::Unexpected{std::move(m.error())};
      stopped = !visit(sequences[i], *m);
    }
    sequences.clear();
    keys.clear();
    return {};
  };
  auto scanned = scan(
      Family::kChangelog, changelog_key(after + 1), "", Direction::kForward,
      [&](std::string_view key, std::string_view value) -> core::Result<bool> {
        if (key.size() != 8)
          return core::fail(core::ErrorCode::kCorrupt, "malformed changelog key");
        sequences.push_back(get_be64(key));
        keys.emplace_back(value);
        if (keys.size() < kChangeBatch) return true;
        if (auto ok = flush(); !ok) return core::Unexpected{std::move(ok.error())};
        return !stopped;
      },
      snapshot.snapshot());
  if (!scanned) return scanned;
  if (!stopped && !keys.empty()) return flush();
  return {};
}

core::Result<std::optional<core::User>> RocksArchive::get_user(const core::UserId& id) const {
  auto raw = get_raw(Family::kUsers, id.value);
  if (!raw) return core::Unexpected{std::move(raw.error())};
  if (!*raw) return std::optional<core::User>();
  auto u = with_key(decode_user(**raw), "user " + id.value);
  if (!u) return core::Unexpected{std::move(u.error())};
  return std::optional<core::User>(std::move(*u));
}

core::Result<std::vector<core::User>> RocksArchive::users() const {
  std::vector<core::User> out;
  auto scanned = scan(Family::kUsers, "", "", Direction::kForward,
                      [&out](std::string_view key, std::string_view value) -> core::Result<bool> {
                        auto u = with_key(decode_user(value), "user " + std::string(key));
                        if (!u) return core::Unexpected{std::move(u.error())};
                        out.push_back(std::move(*u));
                        return true;
                      });
  if (!scanned) return core::Unexpected{std::move(scanned.error())};
  return out;
}

core::Result<std::optional<core::Conversation>> RocksArchive::get_conversation(
    const core::ConversationId& id) const {
  auto raw = get_raw(Family::kConversations, id.value);
  if (!raw) return core::Unexpected{std::move(raw.error())};
  if (!*raw) return std::optional<core::Conversation>();
  auto c = with_key(decode_conversation(**raw), "conversation " + id.value);
  if (!c) return core::Unexpected{std::move(c.error())};
  return std::optional<core::Conversation>(std::move(*c));
}

core::Result<std::vector<core::Conversation>> RocksArchive::conversations() const {
  std::vector<core::Conversation> out;
  auto scanned =
      scan(Family::kConversations, "", "", Direction::kForward,
           [&out](std::string_view key, std::string_view value) -> core::Result<bool> {
             auto c = with_key(decode_conversation(value), "conversation " + std::string(key));
             if (!c) return core::Unexpected{std::move(c.error())};
             out.push_back(std::move(*c));
             return true;
           });
  if (!scanned) return core::Unexpected{std::move(scanned.error())};
  return out;
}

core::Result<std::optional<std::string>> RocksArchive::get_meta(const std::string& key) const {
  return get_raw(Family::kMeta, key);
}

}  // namespace backscroll::store
