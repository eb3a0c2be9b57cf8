#include "ingest/day_file_record.h"

namespace backscroll::ingest {
namespace {

void put_be64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

std::uint64_t get_be64(std::string_view in) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

}  // namespace

std::string day_file_key(const core::ConversationId& conversation, std::string_view name) {
  std::string key = "day_file/";
  key += conversation.value;
  key += '/';
  key += name;
  return key;
}

std::string encode_day_file_record(const DayFileRecord& record) {
  std::string out;
  put_be64(out, record.hash);
  put_be64(out, record.messages);
  put_be64(out, record.skipped);
  return out;
}

std::optional<DayFileRecord> decode_day_file_record(std::string_view value) {
  if (value.size() != 24) return std::nullopt;
  return DayFileRecord{get_be64(value), get_be64(value.substr(8)), get_be64(value.substr(16))};
}

}  // namespace backscroll::ingest
