#include "store/keys.h"

namespace backscroll::store {

void put_be64(std::string& out, std::uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  out.append(buf, 8);
}

std::uint64_t get_be64(std::string_view in) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

std::string message_key(const core::ConversationId& conversation, std::int64_t ts_micros) {
  std::string key;
  key.reserve(conversation.value.size() + 9);
  key += conversation.value;
  key += '\0';
  put_be64(key, static_cast<std::uint64_t>(ts_micros));
  return key;
}

std::string thread_prefix(const core::ConversationId& conversation, std::int64_t thread_micros) {
  return message_key(conversation, thread_micros);
}

std::string thread_key(const core::ConversationId& conversation, std::int64_t thread_micros,
                       std::int64_t ts_micros) {
  std::string key = thread_prefix(conversation, thread_micros);
  put_be64(key, static_cast<std::uint64_t>(ts_micros));
  return key;
}

std::string version_key(std::string_view message_key, std::int64_t micros) {
  std::string key(message_key);
  put_be64(key, static_cast<std::uint64_t>(micros));
  return key;
}

std::string changelog_key(std::uint64_t sequence) {
  std::string key;
  put_be64(key, sequence);
  return key;
}

std::string conversation_begin(const core::ConversationId& conversation) {
  return conversation.value + '\0';
}

std::string conversation_end(const core::ConversationId& conversation) {
  return conversation.value + '\x01';
}

std::string prefix_successor(std::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(out.back());
    if (last != 0xff) {
      ++last;
      return out;
    }
    out.pop_back();
  }
  return out;
}

std::optional<MessageKeyParts> parse_message_key(std::string_view key) {
  if (key.size() < 9 || key[key.size() - 9] != '\0') return std::nullopt;
  std::string_view conv = key.substr(0, key.size() - 9);
  if (conv.find('\0') != std::string_view::npos) return std::nullopt;
  return MessageKeyParts{core::ConversationId(std::string(conv)),
                         static_cast<std::int64_t>(get_be64(key.substr(key.size() - 8)))};
}

std::optional<ThreadKeyParts> parse_thread_key(std::string_view key) {
  if (key.size() < 17) return std::nullopt;
  auto head = parse_message_key(key.substr(0, key.size() - 8));
  if (!head) return std::nullopt;
  return ThreadKeyParts{std::move(head->conversation), head->ts_micros,
                        static_cast<std::int64_t>(get_be64(key.substr(key.size() - 8)))};
}

}  // namespace backscroll::store
