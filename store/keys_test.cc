#include "store/keys.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace backscroll::store {
namespace {

using core::ConversationId;
using core::SlackTs;

std::int64_t micros(const char* ts) { return SlackTs::parse(ts)->micros(); }

TEST(KeysTest, MessageKeyLayout) {
  EXPECT_EQ(message_key(ConversationId("C1"), micros("1516457078.000065")),
            std::string("C1\0\x00\x05\x63\x35\xad\x73\x89\xc1", 11));
}

TEST(KeysTest, ThreadAndChangelogKeyLayout) {
  EXPECT_EQ(thread_key(ConversationId("C"), 1, 2),
            std::string("C\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\x02", 18));
  EXPECT_EQ(thread_prefix(ConversationId("C"), 1), std::string("C\0\0\0\0\0\0\0\0\x01", 10));
  EXPECT_EQ(changelog_key(258), std::string("\0\0\0\0\0\0\x01\x02", 8));
}

TEST(KeysTest, OrderIsConversationThenTime) {
  // Each row's key must sort before the next row's.
  struct Row {
    const char* conversation;
    const char* ts;
  };
  const std::vector<Row> rows = {
      {"C1", "999999999.999999"},   // 9-digit seconds sort before...
      {"C1", "1000000000.000000"},  // ...10-digit seconds (unlike their strings).
      {"C1", "1516457078.000065"}, {"C1", "1516457078.000066"}, {"C1", "1516457079"},
      {"C10", "1.000000"},  // A longer id sorts after all of "C1": 0x00 < '0'.
      {"C2", "0.000001"},
  };
  for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
    std::string a = message_key(ConversationId(rows[i].conversation), micros(rows[i].ts));
    std::string b = message_key(ConversationId(rows[i + 1].conversation), micros(rows[i + 1].ts));
    EXPECT_LT(a, b) << rows[i].conversation << " " << rows[i].ts;
  }
}

TEST(KeysTest, ConversationRangeHoldsOnlyItsKeys) {
  ConversationId c1("C1");
  std::string begin = conversation_begin(c1);
  std::string end = conversation_end(c1);
  EXPECT_LE(begin, message_key(c1, 0));
  EXPECT_LT(message_key(c1, INT64_MAX), end);
  EXPECT_LT(thread_key(c1, INT64_MAX, INT64_MAX), end);
  EXPECT_GE(message_key(ConversationId("C10"), 0), end);
  EXPECT_LT(message_key(ConversationId("C0"), INT64_MAX), begin);
}

TEST(KeysTest, ParseRoundTrips) {
  auto m = parse_message_key(message_key(ConversationId("D042"), 1234567));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->conversation.value, "D042");
  EXPECT_EQ(m->ts_micros, 1234567);
  auto t = parse_thread_key(thread_key(ConversationId("G9"), 5, 7));
  ASSERT_TRUE(t);
  EXPECT_EQ(t->conversation.value, "G9");
  EXPECT_EQ(t->thread_micros, 5);
  EXPECT_EQ(t->ts_micros, 7);
  EXPECT_FALSE(parse_message_key("short"));
  EXPECT_FALSE(parse_message_key(std::string("C1x\0\0\0\0\0\0\0\x01", 11)));
}

TEST(KeysTest, PrefixSuccessor) {
  EXPECT_EQ(prefix_successor("ab"), "ac");
  EXPECT_EQ(prefix_successor("a\xff"), "b");
  EXPECT_EQ(prefix_successor("\xff\xff"), "");
}

}  // namespace
}  // namespace backscroll::store
