#include "query/directory.h"

#include <gtest/gtest.h>

#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using core::ConversationId;
using core::UserId;

class DirectoryTest : public ::testing::Test {
 protected:
  Directory directory_{testing::planted_users(), testing::planted_conversations()};
};

TEST_F(DirectoryTest, FindsConversationsByIdOrName) {
  const std::pair<const char*, const char*> cases[] = {
      {"C1", "C1"},       {"general", "C1"}, {"#general", "C1"},
      {"#General", "C1"}, {"ops", "C3"},     {"#ops-alerts", "C2"},
      {"c2", "C2"},       {"D1", "D1"},      {"mpdm-ann--bastian--carol-1", "G1"},
  };
  for (const auto& [text, id] : cases) {
    auto found = directory_.find_conversation(text);
    ASSERT_TRUE(found) << text << ": " << found.error().describe();
    EXPECT_EQ(found->str(), id) << text;
  }
}

TEST_F(DirectoryTest, UnknownConversationSuggests) {
  auto found = directory_.find_conversation("#genral");
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, core::ErrorCode::kBadQuery);
  EXPECT_EQ(found.error().message, "no conversation named #genral");
  EXPECT_EQ(found.error().hint, "did you mean #general?");
}

TEST_F(DirectoryTest, FindsUsersByAnyName) {
  const std::pair<const char*, std::vector<UserId>> cases[] = {
      {"U2", {UserId("U2")}},
      {"@bastian", {UserId("U2")}},
      {"Bastian Schmidt", {UserId("U2")}},
      {"bastian schmidt", {UserId("U2")}},
      {"ann", {UserId("U1")}},  // Handle beats display names.
      {"annie", {UserId("U1"), UserId("U4")}},
      {"@CK", {UserId("U3")}},
      {"u3", {UserId("U3")}},
  };
  for (const auto& [text, ids] : cases) {
    auto found = directory_.find_users(text);
    ASSERT_TRUE(found) << text << ": " << found.error().describe();
    EXPECT_EQ(*found, ids) << text;
  }
  auto missing = directory_.find_users("@carl");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "no person named @carl");
  EXPECT_EQ(missing.error().hint, "did you mean @carol?");
}

TEST_F(DirectoryTest, ShownNames) {
  EXPECT_EQ(directory_.conversation_name(ConversationId("C1")), "general");
  // U1 is in both DMs, so DMs show the other member.
  EXPECT_EQ(directory_.conversation_name(ConversationId("D1")), "Bastian Schmidt");
  EXPECT_EQ(directory_.conversation_name(ConversationId("D2")), "CK");
  EXPECT_EQ(directory_.conversation_name(ConversationId("G1")), "mpdm-ann--bastian--carol-1");
  EXPECT_EQ(directory_.conversation_name(ConversationId("C9")), "C9");
  EXPECT_EQ(directory_.user_name(UserId("U1")), "annie");
  EXPECT_EQ(directory_.user_name(UserId("U9")), "U9");
}

TEST(DirectoryOwnerTest, SingleDmShowsBothMembers) {
  core::Conversation dm;
  dm.id = ConversationId("D1");
  dm.kind = core::ConversationKind::kDm;
  dm.members = {UserId("U1"), UserId("U2")};
  Directory directory(testing::planted_users(), {dm});
  EXPECT_EQ(directory.conversation_name(ConversationId("D1")), "annie, Bastian Schmidt");
}

TEST_F(DirectoryTest, AuthorNames) {
  core::Message m;
  m.user_id = UserId("U3");
  EXPECT_EQ(directory_.author_name(m), "CK");
  m.user_id = UserId("B1");
  m.author_name = "deploybot";
  m.is_bot = true;
  EXPECT_EQ(directory_.author_name(m), "deploybot");
  m.author_name.clear();
  EXPECT_EQ(directory_.author_name(m), "B1");
}

}  // namespace
}  // namespace backscroll::query

namespace backscroll::query {
namespace {

TEST(DirectoryFormerNamesTest, FindsByFormerNamesAfterCurrentOnes) {
  std::vector<core::User> users = testing::planted_users();
  users[1].former_names = {"basti", "ann"};  // "ann" is also U1's handle: the handle wins.
  std::vector<core::Conversation> conversations = testing::planted_conversations();
  conversations[2].former_names = {"ops-old", "general"};
  Directory directory(users, conversations);
  auto basti = directory.find_users("@basti");
  ASSERT_TRUE(basti) << basti.error().describe();
  EXPECT_EQ(*basti, std::vector{core::UserId("U2")});
  EXPECT_EQ(*directory.find_users("ann"), std::vector{core::UserId("U1")});
  auto old = directory.find_conversation("#ops-old");
  ASSERT_TRUE(old) << old.error().describe();
  EXPECT_EQ(old->str(), "C3");
  EXPECT_EQ(directory.find_conversation("general")->str(), "C1");
}

TEST(DirectoryDirectTest, DmsAndGroupDmsWithPeople) {
  Directory directory(testing::planted_users(), testing::planted_conversations());
  auto ids = [](const std::vector<core::ConversationId>& v) {
    std::string out;
    for (const auto& id : v) out += (out.empty() ? "" : " ") + id.str();
    return out;
  };
  EXPECT_EQ(ids(directory.dms_with(core::UserId("U1"))), "D1 D2");
  EXPECT_EQ(ids(directory.dms_with(core::UserId("U2"))), "D1");
  EXPECT_EQ(ids(directory.dms_with(core::UserId("U4"))), "");
  EXPECT_EQ(ids(directory.direct_conversations_with({core::UserId("U2"), core::UserId("U3")})),
            "G1");
  EXPECT_EQ(ids(directory.direct_conversations_with({core::UserId("U3")})), "D2 G1");
}

}  // namespace
}  // namespace backscroll::query
