#include "ingest/slack/emoji.h"

#include <simdjson.h>

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "ingest/slack/emoji_json.h"

namespace backscroll::ingest::slack {
namespace {

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
using Table = std::unordered_map<std::string, std::string, Hash, std::equal_to<>>;

// The embedded JSON was checked at build time, so parsing cannot fail unless the
// build is broken; then the table is empty and emoji_test fails.
Table load() {
  Table table;
  simdjson::padded_string json(emoji_json());
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  simdjson::ondemand::object object;
  if (parser.iterate(json).get(doc) != simdjson::SUCCESS ||
      doc.get_object().get(object) != simdjson::SUCCESS)
    return {};
  table.reserve(2048);
  for (auto field : object) {
    std::string_view name;
    std::string_view emoji;
    if (field.unescaped_key().get(name) != simdjson::SUCCESS ||
        field.value().get_string().get(emoji) != simdjson::SUCCESS)
      return {};
    table.emplace(name, emoji);
  }
  return table;
}

const Table& table() {
  static const Table kTable = load();
  return kTable;
}

const std::string* find(std::string_view name) {
  auto it = table().find(name);
  return it == table().end() ? nullptr : &it->second;
}

// Length of the UTF-8 sequence that starts with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return lead >= 0xC0 ? 2 : 1;
}

}  // namespace

std::optional<std::string> emoji_for(std::string_view shortcode) {
  constexpr std::string_view kTone = "::skin-tone-";
  std::size_t tone_at = shortcode.find(kTone);
  if (tone_at == std::string_view::npos) {
    const std::string* emoji = find(shortcode);
    if (emoji == nullptr) return std::nullopt;
    return *emoji;
  }
  std::string_view tone = shortcode.substr(tone_at + kTone.size());
  if (tone.size() != 1 || tone[0] < '2' || tone[0] > '6') return std::nullopt;
  const std::string* base = find(shortcode.substr(0, tone_at));
  if (base == nullptr || base->empty()) return std::nullopt;
  // U+1F3FB..U+1F3FF after the first code point, where the modifier belongs
  // (also in ZWJ sequences); a variation selector U+FE0F there gives way to it.
  std::size_t first =
      std::min(sequence_length(static_cast<unsigned char>((*base)[0])), base->size());
  std::string out = base->substr(0, first);
  out += "\xF0\x9F\x8F";
  out += static_cast<char>(0xBB + (tone[0] - '2'));
  std::string_view rest = std::string_view(*base).substr(first);
  if (rest.starts_with("\xEF\xB8\x8F")) rest.remove_prefix(3);
  out += rest;
  return out;
}

}  // namespace backscroll::ingest::slack
