#include "ingest/slack/slack_metadata.h"

#include <gtest/gtest.h>
#include <simdjson.h>

namespace backscroll::ingest::slack {
namespace {

EntryData padded(const simdjson::padded_string& s) {
  return EntryData{s.data(), s.size(), s.size() + simdjson::SIMDJSON_PADDING};
}

TEST(SlackMetadataTest, Users) {
  simdjson::padded_string json(std::string(R"([
    {"id": "U1", "name": "al", "real_name": "Al A", "deleted": false, "is_bot": false,
     "profile": {"display_name": "Ally", "real_name": "Al Profile", "fields": null}},
    {"id": "U2", "name": "bo", "deleted": true, "profile": {"real_name": "Bo B", "display_name": ""}},
    {"id": "B3", "name": "jirabot", "is_bot": true, "deleted": null, "profile": []},
    {"name": "no id"},
    {"id": "U4", "name": "\u0939\u093f"}
  ])"));
  MetadataReader reader;
  auto users = reader.read_users(padded(json));
  ASSERT_TRUE(users) << users.error().describe();
  std::vector<core::User> expected(4);
  expected[0] = {core::UserId("U1"), "al", "Al A", "Ally", false, false};
  expected[1] = {core::UserId("U2"), "bo", "Bo B", "", false, true};
  expected[2] = {core::UserId("B3"), "jirabot", "", "", true, false};
  expected[3] = {core::UserId("U4"), "\xe0\xa4\xb9\xe0\xa4\xbf", "", "", false, false};
  EXPECT_EQ(*users, expected);
}

TEST(SlackMetadataTest, Conversations) {
  simdjson::padded_string json(std::string(R"([
    {"id": "C1", "name": "general", "created": "1452837318", "is_archived": true,
     "members": ["U1", "U2"], "topic": {"value": "T", "last_set": "0"}, "purpose": {"value": "P"}},
    {"id": "C2", "name": "random", "created": 1452837319, "members": null, "topic": null},
    {"id": "G3", "name": "mpdm-a--b-1", "is_mpim": true, "created": 5}
  ])"));
  MetadataReader reader;
  auto got = reader.read_conversations(padded(json), core::ConversationKind::kPrivate);
  ASSERT_TRUE(got) << got.error().describe();
  ASSERT_EQ(got->size(), 3u);
  core::Conversation c1{core::ConversationId("C1"),
                        core::ConversationKind::kPrivate,
                        "general",
                        "T",
                        "P",
                        {core::UserId("U1"), core::UserId("U2")},
                        true,
                        1452837318};
  EXPECT_EQ((*got)[0], c1);
  core::Conversation c2{core::ConversationId("C2"),
                        core::ConversationKind::kPrivate,
                        "random",
                        "",
                        "",
                        {},
                        false,
                        1452837319};
  EXPECT_EQ((*got)[1], c2);
  EXPECT_EQ((*got)[2].kind, core::ConversationKind::kMpim);
}

TEST(SlackMetadataTest, DmNameIsItsId) {
  simdjson::padded_string json(
      std::string(R"([{"id": "D1", "created": 1556638416, "members": ["U1", "U1"]}])"));
  MetadataReader reader;
  auto got = reader.read_conversations(padded(json), core::ConversationKind::kDm);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].name, "D1");
  EXPECT_EQ((*got)[0].kind, core::ConversationKind::kDm);
  EXPECT_EQ((*got)[0].members.size(), 2u);
}

TEST(SlackMetadataTest, Errors) {
  struct Case {
    const char* json;
    const char* message;
    std::optional<std::uint64_t> offset;
  };
  const Case cases[] = {
      {R"([{"id": "U1", "name": {"x": 1}}])", "field \"name\": expected a string, got an object",
       22},
      {R"({"id": "U1"})", "The JSON element does not have the requested type.", 0},
      {R"([{"id": "U1")", "", std::nullopt},
      {R"([] [])", "trailing content after the JSON value", 3},
      {R"([] x)", "JSON document ended early in the middle of an object or array.", 4},
  };
  for (const Case& c : cases) {
    simdjson::padded_string json{std::string(c.json)};
    MetadataReader reader;
    auto got = reader.read_users(padded(json));
    ASSERT_FALSE(got) << c.json;
    EXPECT_EQ(got.error().code, core::ErrorCode::kBadInput);
    if (*c.message) {
      EXPECT_EQ(got.error().message, c.message) << c.json;
      EXPECT_EQ(got.error().where.offset, c.offset) << c.json;
    }
  }
}

}  // namespace
}  // namespace backscroll::ingest::slack
