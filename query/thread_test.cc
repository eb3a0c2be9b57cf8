#include "query/thread.h"

#include <gtest/gtest.h>

#include "query/json.h"
#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::kBase;
using testing::ts_at;

std::vector<std::int64_t> offsets_of(const ThreadView& view) {
  std::vector<std::int64_t> out;
  for (const Hit& hit : view.messages) out.push_back(hit.message.ts.seconds() - kBase);
  return out;
}

class ThreadTest : public ::testing::Test {
 protected:
  testing::PlantedArchive planted_;
};

TEST_F(ThreadTest, FromAReplyByNameHashNameOrId) {
  for (const char* conversation : {"general", "#general", "C1", "#GENERAL"}) {
    auto view = load_thread(planted_.archive(), conversation, ts_at(3800));
    ASSERT_TRUE(view) << conversation << ": " << view.error().describe();
    EXPECT_EQ(view->conversation.id.str(), "C1");
    EXPECT_EQ(view->conversation_name, "general");
    EXPECT_EQ(view->thread_ts.str(), ts_at(3600));
    EXPECT_EQ(offsets_of(*view), (std::vector<std::int64_t>{3600, 3700, 3800, 3900}));
    EXPECT_EQ(view->messages[1].user, "annie");
    EXPECT_EQ(view->messages[1].snippet, "");
  }
}

TEST_F(ThreadTest, FromTheParent) {
  auto view = load_thread(planted_.archive(), "ops", ts_at(90000));
  ASSERT_TRUE(view) << view.error().describe();
  EXPECT_EQ(
      to_json(*view),
      R"({"conversation_id":"C3","conversation":"ops","thread_ts":"1601600400.000000",)"
      R"("messages":[{"conversation_id":"C3","conversation":"ops","ts":"1601600400.000000",)"
      R"("user_id":"U3","user":"CK","time":"2020-10-02T01:00:00Z",)"
      R"("thread_ts":"1601600400.000000","text":"postmortem: deploy failure root cause",)"
      R"("kind":"plain","reply_count":1},)"
      R"({"conversation_id":"C3","conversation":"ops","ts":"1601600500.000000",)"
      R"("user_id":"U1","user":"annie","time":"2020-10-02T01:01:40Z",)"
      R"("thread_ts":"1601600400.000000","text":"root cause was the disk","kind":"plain"}]})");
}

TEST_F(ThreadTest, MessageOutsideAThreadStandsAlone) {
  auto view = load_thread(planted_.archive(), "general", ts_at(30));
  ASSERT_TRUE(view) << view.error().describe();
  EXPECT_EQ(view->thread_ts.str(), ts_at(30));
  EXPECT_EQ(offsets_of(*view), (std::vector<std::int64_t>{30}));
}

TEST_F(ThreadTest, Errors) {
  auto unknown_ts = load_thread(planted_.archive(), "general", ts_at(31));
  ASSERT_FALSE(unknown_ts);
  EXPECT_EQ(unknown_ts.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(unknown_ts.error().message, "no message " + ts_at(31) + " in general");

  auto unknown_conversation = load_thread(planted_.archive(), "#genral", ts_at(3800));
  ASSERT_FALSE(unknown_conversation);
  EXPECT_EQ(unknown_conversation.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(unknown_conversation.error().hint, "did you mean #general?");

  auto bad_ts = load_thread(planted_.archive(), "general", "yesterday");
  ASSERT_FALSE(bad_ts);
  EXPECT_EQ(bad_ts.error().code, core::ErrorCode::kUsage);
}

}  // namespace
}  // namespace backscroll::query
