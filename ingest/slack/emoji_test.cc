#include "ingest/slack/emoji.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace backscroll::ingest::slack {
namespace {

struct EmojiCase {
  const char* shortcode;
  std::optional<std::string> emoji;
};

TEST(EmojiTest, Table) {
  const EmojiCase cases[] = {
      {"fire", "\xF0\x9F\x94\xA5"},                               // 🔥
      {"+1", "\xF0\x9F\x91\x8D"},                                 // 👍
      {"thumbsup", "\xF0\x9F\x91\x8D"},                           // 👍
      {"-1", "\xF0\x9F\x91\x8E"},                                 // 👎
      {"100", "\xF0\x9F\x92\xAF"},                                // 💯
      {"white_check_mark", "\xE2\x9C\x85"},                       // ✅
      {"tada", "\xF0\x9F\x8E\x89"},                               // 🎉
      {"hash", "#\xEF\xB8\x8F\xE2\x83\xA3"},                      // #️⃣
      {"skin-tone-2", "\xF0\x9F\x8F\xBB"},                        // 🏻 alone
      {"+1::skin-tone-2", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBB"},    // 👍🏻
      {"+1::skin-tone-6", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBF"},    // 👍🏿
      {"wave::skin-tone-4", "\xF0\x9F\x91\x8B\xF0\x9F\x8F\xBD"},  // 👋🏽
      {"v::skin-tone-3", "\xE2\x9C\x8C\xF0\x9F\x8F\xBC"},         // ✌🏼 (U+FE0F dropped)
      {"+1::skin-tone-1", std::nullopt},
      {"+1::skin-tone-7", std::nullopt},
      {"+1::skin-tone-", std::nullopt},
      {"+1::skin-tone-22", std::nullopt},
      {"partyparrot::skin-tone-2", std::nullopt},
      {"partyparrot", std::nullopt},
      {"Fire", std::nullopt},
      {"fire:", std::nullopt},
      {"", std::nullopt},
  };
  for (const EmojiCase& c : cases) EXPECT_EQ(emoji_for(c.shortcode), c.emoji) << c.shortcode;
}

TEST(EmojiTest, WholeFileParsed) {
  // The first, a middle and the last entry of node-emoji's emoji.json.
  EXPECT_EQ(emoji_for("100"), "\xF0\x9F\x92\xAF");             // 💯
  EXPECT_EQ(emoji_for("t-rex"), "\xF0\x9F\xA6\x96");           // 🦖
  EXPECT_EQ(emoji_for("secret"), "\xE3\x8A\x99\xEF\xB8\x8F");  // ㊙️
}

}  // namespace
}  // namespace backscroll::ingest::slack
