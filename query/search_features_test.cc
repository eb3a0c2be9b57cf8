// Search beyond the hit set: facets, thread groups, permalinks, visible
// conversations, recency, refresh, exact totals and the wildcard limit.

#include <gtest/gtest.h>

#include <algorithm>

#include "index/index.h"
#include "query/json.h"
#include "query/search.h"
#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::kBase;
using testing::PlantedArchive;
using testing::ScopedTz;
using testing::slack_ts_at;

using testing::Offsets;

Offsets offsets_of(const SearchResult& result) { return testing::offsets_of(result.hits); }

std::string facet_text(const std::vector<FacetCount>& counts) {
  std::string out;
  for (const FacetCount& c : counts)
    out += (out.empty() ? "" : " ") + c.value + "=" + c.name + ":" + std::to_string(c.count);
  return out;
}

core::Message plain(const char* conversation, std::int64_t offset, std::string text) {
  core::Message m;
  m.conversation_id = core::ConversationId(conversation);
  m.ts = slack_ts_at(offset);
  m.user_id = core::UserId("U1");
  m.text = text;
  m.raw_text = std::move(text);
  return m;
}

class SearchFeaturesTest : public ::testing::Test {
 protected:
  void SetUp() override { open(); }
  void open() {
    auto searcher = Searcher::open(planted_.archive(), planted_.index_dir());
    ASSERT_TRUE(searcher) << searcher.error().describe();
    searcher_ = std::move(*searcher);
  }
  SearchResult search(const SearchRequest& request) {
    auto result = searcher_->search(request);
    EXPECT_TRUE(result) << request.query << ": " << result.error().describe();
    return result ? std::move(*result) : SearchResult{};
  }

  PlantedArchive planted_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearchFeaturesTest, FacetsCountTheWholeResultSet) {
  ScopedTz tz("UTC");
  SearchResult r = search({.query = "deploy", .limit = 1, .facets = true});
  ASSERT_TRUE(r.facets);
  EXPECT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.total, 12u);
  EXPECT_EQ(facet_text(r.facets->conversations),
            "C1=general:6 C3=ops:3 C2=ops-alerts:2 D1=Bastian Schmidt:1");
  EXPECT_EQ(facet_text(r.facets->authors),
            "U1=annie:4 U4=Annie:2 U2=Bastian Schmidt:2 U3=CK:2 B1=deploybot:2");
  EXPECT_EQ(facet_text(r.facets->months), "2020-09=2020-09:2 2020-10=2020-10:10");
  const std::string json = to_json(r);
  EXPECT_NE(json.find(R"("facets":{"conversations":[{"conversation_id":"C1","name":"general",)"
                      R"("count":6},)"),
            std::string::npos)
      << json;
  EXPECT_NE(
      json.find(R"("months":[{"month":"2020-09","count":2},{"month":"2020-10","count":10}]})"),
      std::string::npos)
      << json;
}

TEST_F(SearchFeaturesTest, MonthsAreLocal) {
  ScopedTz tz("Asia/Tokyo");  // -7200 and -60 are 2020-10-01 07:00 and 08:59 in Tokyo.
  SearchResult r = search({.query = "deploy", .facets = true});
  ASSERT_TRUE(r.facets);
  EXPECT_EQ(facet_text(r.facets->months), "2020-10=2020-10:12");
}

TEST_F(SearchFeaturesTest, ThreadGroups) {
  SearchResult r =
      search({.query = "release OR notes", .sort = Sort::kOldest, .group_threads = true});
  EXPECT_EQ(offsets_of(r), (Offsets{-7200, 3600, 3700, 3800, 3900}));
  ASSERT_TRUE(r.threads);
  ASSERT_EQ(r.threads->size(), 2u);
  EXPECT_FALSE((*r.threads)[0].thread_ts);
  EXPECT_EQ((*r.threads)[0].hits, (std::vector<std::size_t>{0}));
  EXPECT_EQ((*r.threads)[1].thread_ts, slack_ts_at(3600));
  EXPECT_EQ((*r.threads)[1].hits, (std::vector<std::size_t>{1, 2, 3, 4}));
  const std::string json = to_json(r);
  EXPECT_NE(json.find(R"("threads":[{"conversation_id":"C1","hits":[0]},{"conversation_id":"C1",)"
                      R"("thread_ts":"1601514000.000000","hits":[1,2,3,4]}]})"),
            std::string::npos)
      << json;
}

TEST_F(SearchFeaturesTest, Permalinks) {
  SearchResult top = search({.query = "kubernetes", .workspace_url = "https://acme.slack.com/"});
  ASSERT_EQ(top.hits.size(), 1u);
  EXPECT_EQ(top.hits[0].permalink, "https://acme.slack.com/archives/C1/p1601515400000000");
  SearchResult reply =
      search({.query = "\"deploying\"", .workspace_url = "https://acme.slack.com"});
  ASSERT_EQ(reply.hits.size(), 1u);
  EXPECT_EQ(reply.hits[0].permalink,
            "https://acme.slack.com/archives/C1/p1601514100000000"
            "?thread_ts=1601514000.000000&cid=C1");
  EXPECT_NE(to_json(reply).find(R"("permalink":"https://acme.slack.com/archives/C1/)"),
            std::string::npos);
  EXPECT_EQ(search({.query = "kubernetes"}).hits[0].permalink, "");
}

TEST_F(SearchFeaturesTest, VisibleConversationsOnly) {
  SearchResult r =
      search({.query = "deploy",
              .facets = true,
              .visible = std::vector{core::ConversationId("C3"), core::ConversationId("D9")}});
  std::sort(r.hits.begin(), r.hits.end(),
            [](const Hit& a, const Hit& b) { return a.message.ts < b.message.ts; });
  EXPECT_EQ(offsets_of(r), (Offsets{500, 600, 90000}));
  EXPECT_EQ(r.total, 3u);
  EXPECT_EQ(facet_text(r.facets->conversations), "C3=ops:3");
  SearchResult none = search({.query = "deploy", .visible = std::vector<core::ConversationId>{}});
  EXPECT_EQ(none.total, 0u);
  EXPECT_TRUE(none.hits.empty());
}

TEST_F(SearchFeaturesTest, RecencyKeepsTheHitSet) {
  SearchResult plain_result = search({.query = "deploy", .limit = 100});
  SearchResult boosted =
      search({.query = "deploy", .limit = 100, .recency = true, .now = kBase + 90200});
  EXPECT_EQ(boosted.total, plain_result.total);
  Offsets a = offsets_of(plain_result), b = offsets_of(boosted);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_EQ(a, b);
  auto e = searcher_->explain({.query = "deploy", .recency = true, .now = kBase});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->xapian,
            "Query((Zdeploy@1 AND_MAYBE PostingSource(recency(max 2.000000, "
            "half-life 30 days))))");
}

TEST_F(SearchFeaturesTest, RefreshSeesNewMessagesAndNames) {
  core::Conversation c;
  c.id = core::ConversationId("C9");
  c.name = "brand-new";
  ASSERT_TRUE(planted_.mutable_archive().put_conversations(std::vector{c}));
  ASSERT_TRUE(planted_.mutable_archive().upsert_messages(
      std::vector{plain("C9", 50000, "zebra crossing")}));
  ASSERT_TRUE(index::catch_up(planted_.archive(), planted_.index_dir()));
  EXPECT_FALSE(searcher_->search({.query = "in:#brand-new"}));
  ASSERT_TRUE(searcher_->refresh());
  EXPECT_EQ(offsets_of(search({.query = "zebra in:#brand-new"})), (Offsets{50000}));
}

TEST_F(SearchFeaturesTest, WildcardExpandingTooFarIsABadQuery) {
  std::string text;
  for (int i = 0; i < 1001; ++i) text += "zz" + std::to_string(i) + " ";
  ASSERT_TRUE(planted_.mutable_archive().upsert_messages(std::vector{plain("C1", 60000, text)}));
  ASSERT_TRUE(index::catch_up(planted_.archive(), planted_.index_dir()));
  open();
  auto r = searcher_->search({.query = "zz*"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::ErrorCode::kBadQuery);
  EXPECT_EQ(r.error().message, "a wildcard matches more than 1000 different words");
  EXPECT_EQ(offsets_of(search({.query = "zz100*"})), (Offsets{60000}));  // zz100, zz1000
}

TEST_F(SearchFeaturesTest, TotalsAreExactBelowTenThousand) {
  std::vector<core::Message> many;
  for (int i = 0; i < 3000; ++i)
    many.push_back(plain("C1", 100000 + i,
                         "alpha beta " + std::string(static_cast<std::size_t>(i % 7), 'x') +
                             (i % 3 ? " gamma" : " alpha")));
  ASSERT_TRUE(planted_.mutable_archive().upsert_messages(many));
  ASSERT_TRUE(index::catch_up(planted_.archive(), planted_.index_dir()));
  open();
  for (const char* query : {"alpha beta", "alpha gamma", "alpha OR gamma", "beta -gamma"}) {
    SearchResult page = search({.query = query, .limit = 1});
    SearchResult all = search({.query = query, .limit = 5000});
    EXPECT_EQ(page.total, all.hits.size()) << query;
    EXPECT_TRUE(page.total_exact) << query;
  }
}

}  // namespace
}  // namespace backscroll::query
