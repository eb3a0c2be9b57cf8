#include "store/codec.h"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

namespace backscroll::store {
namespace {

using core::ErrorCode;
using core::SlackTs;

SlackTs ts(const char* text) { return *SlackTs::parse(text); }

core::Message base_message() {
  core::Message m;
  m.conversation_id = core::ConversationId("C024BE91L");
  m.ts = ts("1516457078.000065");
  return m;
}

// One case per field: each sets that field (and only it) to a non-default value.
struct MessageCase {
  const char* field;
  std::function<void(core::Message&)> set;
};

const std::vector<MessageCase>& message_cases() {
  static const std::vector<MessageCase> cases = {
      {"conversation_id", [](auto& m) { m.conversation_id = core::ConversationId("D1"); }},
      {"ts", [](auto& m) { m.ts = ts("999999999.5"); }},
      {"thread_ts", [](auto& m) { m.thread_ts = ts("1516457000.000001"); }},
      {"user_id", [](auto& m) { m.user_id = core::UserId("U061F7AUR"); }},
      {"author_name", [](auto& m) { m.author_name = "deploy-bot"; }},
      {"kind", [](auto& m) { m.kind = core::MessageKind::kOther; }},
      {"subtype", [](auto& m) { m.subtype = "reminder_add"; }},
      {"raw_text", [](auto& m) { m.raw_text = "&lt;hi&gt; <@U1>"; }},
      {"text", [](auto& m) { m.text = "<hi> @al \xc3\xa9\n\ttabs"; }},
      {"blocks_text", [](auto& m) { m.blocks_text = "*Status*: ok"; }},
      {"attachments",
       [](auto& m) {
         core::Attachment a{"pre",
                            "auth",
                            "title",
                            "https://t",
                            "text",
                            "fb",
                            {{"Sev", "1"}, {"", "only value"}},
                            "foot",
                            "https://u"};
         m.attachments = {a, core::Attachment{}};
       }},
      {"files",
       [](auto& m) {
         m.files = {{"F1", "a.txt", "A", "text", "line1\nline2"}, {"F2", "", "", "", ""}};
       }},
      {"reactions",
       [](auto& m) {
         m.reactions = {{"+1::skin-tone-2", 2, {core::UserId("U1"), core::UserId("U2")}},
                        {"eyes", 0, {}}};
       }},
      {"links",
       [](auto& m) {
         m.links = {"https://a.example/x?y=1", ""};
       }},
      {"edited_ts", [](auto& m) { m.edited_ts = ts("1516457099.000100"); }},
      {"reply_count", [](auto& m) { m.reply_count = 4000000000u; }},
      {"is_bot", [](auto& m) { m.is_bot = true; }},
      {"hidden", [](auto& m) { m.hidden = true; }},
      {"pinned", [](auto& m) { m.pinned = true; }},
      {"long text", [](auto& m) { m.text = std::string(100000, 'x'); }},
      {"nul bytes", [](auto& m) { m.text = std::string("a\0b", 3); }},
  };
  return cases;
}

TEST(CodecTest, MessageRoundTripsEveryField) {
  const std::string base = encode_message(base_message());
  for (const MessageCase& c : message_cases()) {
    core::Message m = base_message();
    c.set(m);
    std::string bytes = encode_message(m);
    EXPECT_NE(bytes, base) << c.field << " does not change the encoding";
    EXPECT_EQ(bytes[0], '\x01') << c.field;
    auto back = decode_message(bytes);
    ASSERT_TRUE(back) << c.field << ": " << back.error().describe();
    EXPECT_EQ(*back, m) << c.field;
    EXPECT_EQ(back->ts.str(), m.ts.str()) << c.field;
    EXPECT_EQ(encode_message(*back), bytes) << c.field;
  }
}

TEST(CodecTest, MessageWithAllFieldsRoundTrips) {
  core::Message m = base_message();
  for (const MessageCase& c : message_cases()) c.set(m);
  auto back = decode_message(encode_message(m));
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_EQ(*back, m);
  EXPECT_EQ(back->thread_ts->str(), "1516457000.000001");
  EXPECT_EQ(back->edited_ts->str(), "1516457099.000100");
}

TEST(CodecTest, KeepsTsTextVerbatim) {
  core::Message m = base_message();
  m.ts = ts("1516457078.5");  // Not canonical: must come back as written.
  auto back = decode_message(encode_message(m));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->ts.str(), "1516457078.5");
  EXPECT_EQ(back->ts.micros(), 1516457078500000);
}

TEST(CodecTest, UserRoundTripsEveryField) {
  EXPECT_EQ(encode_user(core::User{core::UserId("U1"), "al"}), std::string("\x01\x02U1\x02"
                                                                           "al\0\0\0",
                                                                           10));
  std::vector<core::User> users = {
      {},
      {core::UserId("U061F7AUR"), "bastian", "Bastian Schmidt", "basti", false, false},
      {core::UserId("B1"), "", "", "", true, false},
      {core::UserId("W1"), "gone", "", "", false, true},
      {core::UserId("U2"), "x", "", "", true, true},
  };
  for (const core::User& u : users) {
    auto back = decode_user(encode_user(u));
    ASSERT_TRUE(back) << u.id.value;
    EXPECT_EQ(*back, u) << u.id.value;
  }
}

TEST(CodecTest, ConversationRoundTripsEveryField) {
  using core::ConversationKind;
  std::vector<core::Conversation> conversations = {
      {},
      {core::ConversationId("C1"),
       ConversationKind::kPublic,
       "general",
       "Topic",
       "Purpose",
       {core::UserId("U1"), core::UserId("U2")},
       false,
       1449252889},
      {core::ConversationId("G1"), ConversationKind::kPrivate, "secret", "", "", {}, true, 0},
      {core::ConversationId("D1"),
       ConversationKind::kDm,
       "D1",
       "",
       "",
       {core::UserId("U1")},
       false,
       -5},
      {core::ConversationId("M1"),
       ConversationKind::kMpim,
       "mpdm-a--b-1",
       "",
       "",
       {},
       false,
       INT64_MIN},
      {core::ConversationId("C2"), ConversationKind::kPublic, "", "", "", {}, false, INT64_MAX},
  };
  for (const core::Conversation& c : conversations) {
    auto back = decode_conversation(encode_conversation(c));
    ASSERT_TRUE(back) << c.id.value;
    EXPECT_EQ(*back, c) << c.id.value;
  }
}

TEST(CodecTest, Format2FieldsRoundTripAndAreAbsentWhenEmpty) {
  core::User u{core::UserId("U1"), "al"};
  const std::string format1 = encode_user(u);
  u.former_names = {"albert", "Al B"};
  EXPECT_EQ(encode_user(u), format1 + std::string("\x02\x06"
                                                  "albert\x04"
                                                  "Al B"));
  EXPECT_EQ(*decode_user(encode_user(u)), u);
  core::Conversation c{core::ConversationId("C1"), core::ConversationKind::kPublic, "ops"};
  const std::string c1 = encode_conversation(c);
  c.former_names = {"ops-old"};
  EXPECT_EQ(encode_conversation(c), c1 + std::string("\x01\x07ops-old"));
  EXPECT_EQ(*decode_conversation(encode_conversation(c)), c);
  // A present list is never empty: an explicit empty one is not our encoding.
  EXPECT_EQ(decode_conversation(c1 + std::string(1, '\0')).error().code, ErrorCode::kCorrupt);

  core::Message m = base_message();
  const std::string m1 = encode_message(m);
  m.deleted = true;
  std::string m2 = encode_message(m);
  EXPECT_EQ(m2.size(), m1.size());
  EXPECT_EQ(static_cast<unsigned>(m2.back()) & 8u, 8u);
  EXPECT_TRUE(decode_message(m2)->deleted);
}

TEST(CodecTest, RejectsMalformedValues) {
  const std::string good = encode_message(base_message());
  struct Case {
    const char* name;
    std::string bytes;
  };
  std::string bad_version = good;
  bad_version[0] = '\x02';
  std::string bad_kind = good;
  // Layout: 01, str(conv) = 1+9, str(ts) = 1+17, opt_ts 00, str(user) 00, str(author) 00, kind.
  bad_kind[1 + 10 + 18 + 1 + 1 + 1] = '\x0b';
  const std::vector<Case> cases = {
      {"empty", ""},
      {"unknown version", bad_version},
      {"truncated", good.substr(0, good.size() - 1)},
      {"trailing byte", good + '\0'},
      {"unknown kind", bad_kind},
      {"length beyond end", std::string("\x01\x7f", 2)},
      {"endless varint", std::string("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 12)},
  };
  for (const Case& c : cases) {
    auto m = decode_message(c.bytes);
    ASSERT_FALSE(m) << c.name;
    EXPECT_EQ(m.error().code, ErrorCode::kCorrupt) << c.name;
  }
  EXPECT_EQ(decode_user("\x01").error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(decode_conversation(std::string("\x01\0\x09", 3)).error().code, ErrorCode::kCorrupt);
}

}  // namespace
}  // namespace backscroll::store
