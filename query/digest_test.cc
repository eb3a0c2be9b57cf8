#include "query/digest.h"

#include <gtest/gtest.h>

#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::kBase;

// Each thread as "conversation:offset,offset,...".
std::vector<std::string> layout(const DigestDocument& digest) {
  std::vector<std::string> out;
  for (const ThreadView& view : digest.threads) {
    std::string line = view.conversation.id.str() + ":";
    for (const Hit& hit : view.messages)
      line += (line.back() == ':' ? "" : ",") + std::to_string(hit.message.ts.seconds() - kBase);
    out.push_back(line);
  }
  return out;
}

class DigestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto searcher = Searcher::open(planted_.archive(), planted_.index_dir());
    ASSERT_TRUE(searcher) << searcher.error().describe();
    searcher_ = std::move(*searcher);
  }
  testing::ScopedTz tz_{"UTC"};
  testing::PlantedArchive planted_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(DigestTest, MatchingMessagesGroupedByThreadNewestFirst) {
  auto digest =
      collect_digest(*searcher_, planted_.archive(), {.search = {.query = "release in:#general"}});
  ASSERT_TRUE(digest) << digest.error().describe();
  EXPECT_EQ(digest->title, "Search: release in:#general");
  EXPECT_EQ(digest->summary, "2 threads, 4 matching messages, newest first.");
  EXPECT_EQ(layout(*digest), (std::vector<std::string>{"C1:3600,3700,3900", "C1:-7200"}));
  EXPECT_EQ(digest->threads[0].thread_ts, testing::slack_ts_at(3600));
  EXPECT_EQ(digest->threads[0].conversation_name, "general");
}

TEST_F(DigestTest, WholeThreads) {
  auto digest = collect_digest(*searcher_, planted_.archive(),
                               {.search = {.query = "release in:#general"}, .whole_threads = true});
  ASSERT_TRUE(digest) << digest.error().describe();
  EXPECT_EQ(layout(*digest), (std::vector<std::string>{"C1:3600,3700,3800,3900", "C1:-7200"}));
}

TEST_F(DigestTest, LimitKeepsTheNewestHits) {
  auto digest = collect_digest(*searcher_, planted_.archive(),
                               {.search = {.query = "release in:#general"}, .max_hits = 2});
  ASSERT_TRUE(digest) << digest.error().describe();
  EXPECT_EQ(layout(*digest), (std::vector<std::string>{"C1:3700,3900"}));
  EXPECT_EQ(digest->summary,
            "1 thread, 2 matching messages, newest first; the newest 2 of 4 matches.");
}

TEST_F(DigestTest, BotMessagesLeftOut) {
  auto all = collect_digest(*searcher_, planted_.archive(), {.search = {.query = "disk"}});
  ASSERT_TRUE(all) << all.error().describe();
  EXPECT_EQ(layout(*all), (std::vector<std::string>{"C3:90100", "C2:25200", "C2:25199", "C2:200"}));
  auto people = collect_digest(*searcher_, planted_.archive(),
                               {.search = {.query = "disk"}, .include_bots = false});
  ASSERT_TRUE(people) << people.error().describe();
  EXPECT_EQ(layout(*people), (std::vector<std::string>{"C3:90100", "C2:25200", "C2:25199"}));
  EXPECT_EQ(people->summary,
            "3 threads, 3 matching messages, newest first; 1 matching bot message left out.");
}

TEST_F(DigestTest, BadQueryIsAnError) {
  auto digest =
      collect_digest(*searcher_, planted_.archive(), {.search = {.query = "in:#nowhere"}});
  ASSERT_FALSE(digest);
  EXPECT_EQ(digest.error().code, core::ErrorCode::kBadQuery);
}

}  // namespace
}  // namespace backscroll::query
