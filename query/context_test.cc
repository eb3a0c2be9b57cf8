#include "query/context.h"

#include <gtest/gtest.h>

#include "query/directory.h"
#include "query/json.h"
#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::kBase;
using testing::ts_at;

using testing::Offsets;

Offsets offsets_of(const ContextView& view) { return testing::offsets_of(view.messages); }

class ContextTest : public ::testing::Test {
 protected:
  core::Result<ContextView> context(const char* conversation, std::int64_t offset,
                                    std::size_t before, std::size_t after) {
    return load_context(planted_.archive(), directory_, conversation, ts_at(offset), before, after);
  }
  testing::PlantedArchive planted_;
  Directory directory_{testing::planted_users(), testing::planted_conversations()};
};

TEST_F(ContextTest, ChannelMessagesAroundSkipRepliesButNotBroadcasts) {
  struct Case {
    std::int64_t at;
    std::size_t before, after;
    Offsets expected;
  };
  const Case cases[] = {
      {3600, 2, 2, {0, 30, 3600, 3900, 5000}},
      {-86401, 3, 1, {-86401, -86400}},
      {86400, 2, 5, {5100, 86399, 86400}},
      {0, 0, 0, {0}},
  };
  for (const Case& c : cases) {
    auto view = context("#general", c.at, c.before, c.after);
    ASSERT_TRUE(view) << c.at << ": " << view.error().describe();
    EXPECT_FALSE(view->in_thread);
    EXPECT_EQ(offsets_of(*view), c.expected) << c.at;
  }
}

TEST_F(ContextTest, AReplyShowsItsThread) {
  auto view = context("C1", 3800, 1, 5);
  ASSERT_TRUE(view) << view.error().describe();
  EXPECT_TRUE(view->in_thread);
  EXPECT_EQ(offsets_of(*view), (Offsets{3700, 3800, 3900}));
  const std::string start = "{\"conversation_id\":\"C1\",\"conversation\":\"general\",\"ts\":\"" +
                            ts_at(3800) + "\",\"in_thread\":true,\"messages\":[{";
  EXPECT_EQ(to_json(*view).substr(0, start.size()), start);
}

TEST_F(ContextTest, Errors) {
  auto unknown = context("#genral", 0, 1, 1);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().hint, "did you mean #general?");
  auto missing = context("general", 1, 1, 1);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  auto bad_ts = load_context(planted_.archive(), directory_, "general", "yesterday", 1, 1);
  ASSERT_FALSE(bad_ts);
  EXPECT_EQ(bad_ts.error().code, core::ErrorCode::kUsage);
}

}  // namespace
}  // namespace backscroll::query
