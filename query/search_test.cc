#include "query/search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "index/index.h"
#include "query/json.h"
#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::kBase;
using testing::PlantedArchive;
using testing::ScopedTz;
using testing::ts_at;

using testing::Offsets;

Offsets offsets_of(const SearchResult& result) { return testing::offsets_of(result.hits); }

Offsets sorted(Offsets o) {
  std::sort(o.begin(), o.end());
  return o;
}

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto searcher = Searcher::open(planted_.archive(), planted_.index_dir());
    ASSERT_TRUE(searcher) << searcher.error().describe();
    searcher_ = std::move(*searcher);
  }

  SearchResult search(const SearchRequest& request) {
    auto result = searcher_->search(request);
    EXPECT_TRUE(result) << request.query << ": " << result.error().describe();
    return result ? std::move(*result) : SearchResult{};
  }

  // All hits of `query`, as sorted offsets; also checks total == hit count.
  Offsets hit_set(const std::string& query) {
    SearchResult result = search({.query = query, .limit = 1000});
    EXPECT_EQ(result.total, result.hits.size()) << query;
    return sorted(offsets_of(result));
  }

  PlantedArchive planted_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearchTest, OperatorsFindExactHitSets) {
  ScopedTz tz("UTC");
  const std::pair<const char*, Offsets> cases[] = {
      {"deploy", {-7200, -60, 0, 100, 500, 600, 800, 3700, 86399, 86400, 90000, 90200}},
      {"\"deploy failed\"", {-60, 100}},
      {"deploy failed", {-60, 100}},
      {"deploy -staging", {-7200, 0, 500, 600, 800, 3700, 86399, 86400, 90000, 90200}},
      {"-deploy",
       {-86401, -86400, 30, 200, 700, 900, 1000, 3600, 3800, 3900, 5000, 5100, 25199, 25200,
        90100}},
      {"disk OR rollback", {200, 600, 5100, 25199, 25200, 90100}},
      {"\"Kubernetes\"", {5000}},
      {"pipeline", {100}},           // Attachment text.
      {"upgrade-plan.pdf", {5000}},  // File name.
      {"deploy in:#ops", {500, 600, 90000}},
      {"in:#ops-alerts", {100, 200, 25199, 25200, 90200}},
      {"in:ops in:ops-alerts deploy", {100, 500, 600, 90000, 90200}},
      {"deploy -in:general -in:ops", {100, 800, 90200}},
      {"from:@bastian", {-60, 800, 1000, 3600, 3900, 5100, 25200}},
      {"from:annie deploy", {-7200, 500, 600, 3700, 86399, 86400}},
      {"from:\"Carol King\" in:C1", {0, 3800, 5000}},
      {"is:thread", {3600, 3700, 3800, 3900, 90000, 90100}},
      {"is:thread deploy", {3700, 90000}},
      {"deploy OR release in:#general", {-7200, -60, 0, 3600, 3700, 3900, 86399, 86400}},
      {"lunch in:mpdm-ann--bastian--carol-1", {1000}},
      {"deploy*", {-7200, -60, 0, 100, 500, 600, 800, 3700, 86399, 86400, 90000, 90200}},
      {"deploying*", {3700}},
      {"from:deploybot", {100, 200, 90200}},
      {"-from:@deploybot in:#ops-alerts", {25199, 25200}},
      {"with:@carol", {900, 1000, 3600, 3700, 3800, 3900, 90000, 90100}},
      {"in:@bastian", {700, 800}},
      {"in:@bastian,@carol", {1000}},
      {"NOT deploy in:#ops", {90100}},
      {"(disk OR lunch) -in:#ops-alerts", {30, 1000, 90100}},
      {"has:reaction is:edited", {5000}},
      {"from:@ann OR from:@dave in:#ops", {500, 600, 90100}},
  };
  for (const auto& [query, expected] : cases) EXPECT_EQ(hit_set(query), expected) << query;
}

TEST_F(SearchTest, DaysAreExclusiveAndLocalInUtc) {
  ScopedTz tz("UTC");
  const std::pair<const char*, Offsets> cases[] = {
      {"on:2020-10-01 in:general", {0, 30, 3600, 3700, 3800, 3900, 5000, 5100, 86399}},
      {"after:2020-09-30 in:general", {0, 30, 3600, 3700, 3800, 3900, 5000, 5100, 86399, 86400}},
      {"before:2020-10-01 in:general", {-86401, -86400, -7200, -60}},
      {"before:2020-09-30 in:general", {-86401}},
      {"after:2020-10-01", {86400, 90000, 90100, 90200}},
      {"after:2020-09-30 before:2020-10-02 deploy", {0, 100, 500, 600, 800, 3700, 86399}},
  };
  for (const auto& [query, expected] : cases) EXPECT_EQ(hit_set(query), expected) << query;
}

TEST_F(SearchTest, DaysAreLocalInLosAngeles) {
  // PDT: 2020-10-01 runs from offset 25200 (07:00Z) to 111600.
  ScopedTz tz("America/Los_Angeles");
  const std::pair<const char*, Offsets> cases[] = {
      {"on:2020-10-01 in:#ops-alerts", {25200, 90200}},
      {"before:2020-10-01 in:#ops-alerts", {100, 200, 25199}},
      {"after:2020-09-30 disk", {25200, 90100}},
      {"on:2020-09-30 in:general", {-7200, -60, 0, 30, 3600, 3700, 3800, 3900, 5000, 5100}},
  };
  for (const auto& [query, expected] : cases) EXPECT_EQ(hit_set(query), expected) << query;
}

TEST_F(SearchTest, SortsByTime) {
  EXPECT_EQ(offsets_of(search({.query = "deploy", .limit = 100, .sort = Sort::kOldest})),
            (Offsets{-7200, -60, 0, 100, 500, 600, 800, 3700, 86399, 86400, 90000, 90200}));
  EXPECT_EQ(offsets_of(search({.query = "deploy", .limit = 100, .sort = Sort::kNewest})),
            (Offsets{90200, 90000, 86400, 86399, 3700, 800, 600, 500, 100, 0, -60, -7200}));
}

TEST_F(SearchTest, LimitOffsetAndTotal) {
  SearchResult page = search({.query = "deploy", .limit = 3, .offset = 2, .sort = Sort::kNewest});
  EXPECT_EQ(page.query, "deploy");
  EXPECT_EQ(page.total, 12u);
  EXPECT_EQ(offsets_of(page), (Offsets{86400, 86399, 3700}));
  SearchResult past_end = search({.query = "deploy", .limit = 5, .offset = 12});
  EXPECT_EQ(past_end.total, 12u);
  EXPECT_TRUE(past_end.hits.empty());
  SearchResult relevance = search({.query = "deploy", .limit = 5});
  EXPECT_EQ(relevance.total, 12u);
  EXPECT_EQ(relevance.hits.size(), 5u);
}

TEST_F(SearchTest, WithoutWordsRelevanceRanksNewestFirst) {
  EXPECT_EQ(offsets_of(search({.query = "in:general", .limit = 3})), (Offsets{86400, 86399, 5100}));
  EXPECT_EQ(offsets_of(search({.query = "-deploy -lunch in:general", .limit = 3})),
            (Offsets{5100, 5000, 3900}));
}

TEST_F(SearchTest, SnippetsMarkMatchesAndEscapeHtml) {
  ScopedTz tz("UTC");
  SearchResult disk = search({.query = "\"disk full\""});
  ASSERT_EQ(disk.hits.size(), 1u);
  EXPECT_EQ(disk.hits[0].snippet, "<mark>disk full</mark> on db-3");  // A phrase is one mark.
  SearchResult words = search({.query = "disk warning"});
  ASSERT_EQ(words.hits.size(), 1u);
  EXPECT_EQ(words.hits[0].snippet, "<mark>disk</mark> <mark>warning</mark> on db-3");
  SearchResult rollback = search({.query = "rollback in:general"});
  ASSERT_EQ(rollback.hits.size(), 1u);
  EXPECT_EQ(rollback.hits[0].snippet, "upgrade &amp; <mark>rollback</mark> &lt;details&gt; inside");
  SearchResult stemmed = search({.query = "deploy from:ann in:general on:2020-10-01"});
  ASSERT_EQ(stemmed.hits.size(), 1u);
  EXPECT_EQ(stemmed.hits[0].snippet, "great, <mark>deploying</mark> the release now");
}

TEST_F(SearchTest, HitNames) {
  SearchResult bot = search({.query = "pipeline"});
  ASSERT_EQ(bot.hits.size(), 1u);
  EXPECT_EQ(bot.hits[0].conversation, "ops-alerts");
  EXPECT_EQ(bot.hits[0].user, "deploybot");
  SearchResult dm = search({.query = "yes"});
  ASSERT_EQ(dm.hits.size(), 1u);
  EXPECT_EQ(dm.hits[0].conversation, "Bastian Schmidt");
  EXPECT_EQ(dm.hits[0].user, "Bastian Schmidt");
}

TEST_F(SearchTest, JsonOfOneHit) {
  SearchResult result = search({.query = "kubernetes"});
  EXPECT_EQ(
      to_json(result),
      R"({"query":"kubernetes","total":1,"hits":[{"conversation_id":"C1",)"
      R"("conversation":"general","ts":"1601515400.000000","user_id":"U3","user":"CK",)"
      R"("time":"2020-10-01T01:23:20Z","text":"Kubernetes cluster upgrade scheduled",)"
      R"("snippet":"<mark>Kubernetes</mark> cluster upgrade scheduled\nupgrade-plan.pdf\nUpgrade plan",)"
      R"("kind":"plain","edited":true,"files":["upgrade-plan.pdf"],)"
      R"("reactions":[{"name":"+1","count":3}]}]})");
}

TEST_F(SearchTest, BadQueryIsAnError) {
  auto result = searcher_->search({.query = "deploy in:#opz"});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, core::ErrorCode::kBadQuery);
  EXPECT_EQ(result.error().hint, "did you mean #ops?");
  auto empty = searcher_->search({.query = ""});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, core::ErrorCode::kBadQuery);
}

TEST_F(SearchTest, Explain) {
  auto e = searcher_->explain({.query = "deploy -from:deploybot in:#ops"});
  ASSERT_TRUE(e) << e.error().describe();
  EXPECT_EQ(e->tokens, "[word deploy] [-] [from:deploybot] [in:#ops]");
  EXPECT_EQ(e->syntax, "(AND deploy (NOT from:deploybot) in:#ops)");
  EXPECT_EQ(e->resolved, (std::vector<std::string>{"deploy -> Query(Zdeploy@1)",
                                                   "from:deploybot -> bot name XBdeploybot",
                                                   "in:#ops -> conversation C3 (ops)"}));
  EXPECT_EQ(e->xapian, "Query(((Zdeploy@1 FILTER XCC3) AND_NOT XBdeploybot))");
}

TEST(SearcherOpenTest, MissingIndexIsNotFound) {
  PlantedArchive planted;
  auto searcher = Searcher::open(planted.archive(), planted.index_dir() / "nowhere");
  ASSERT_FALSE(searcher);
  EXPECT_EQ(searcher.error().code, core::ErrorCode::kNotFound);
}

TEST(SearcherOpenTest, IndexAheadOfArchiveIsCorrupt) {
  PlantedArchive planted;
  // Index a second archive that has one more message into its own index, then
  // search that index against the first archive.
  PlantedArchive other;
  core::Message extra;
  extra.conversation_id = core::ConversationId("C1");
  extra.ts = testing::slack_ts_at(40000);
  extra.user_id = core::UserId("U1");
  extra.text = "zebra crossing";
  ASSERT_TRUE(other.mutable_archive().upsert_messages(std::vector{extra}));
  ASSERT_TRUE(index::catch_up(other.archive(), other.index_dir()));
  auto searcher = Searcher::open(planted.archive(), other.index_dir());
  ASSERT_TRUE(searcher) << searcher.error().describe();
  auto result = (*searcher)->search({.query = "zebra"});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, core::ErrorCode::kCorrupt);
  EXPECT_EQ(result.error().message, "index and archive disagree: run backscroll check");
  EXPECT_EQ(result.error().hint,
            "the index has message C1 " + ts_at(40000) + " which the archive lacks");
}

}  // namespace
}  // namespace backscroll::query
