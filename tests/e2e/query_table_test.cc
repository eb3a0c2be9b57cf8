// The query language end to end: the real backscroll binary ingests the
// hand-planted export tests/fixtures/slack/planted (users.json, channels.json,
// groups.json, dms.json, mpims.json and day files, with messages planted on
// every operator and date boundary), then each query of the tables must find
// exactly the listed messages. The expected sets were read off the fixture
// files by hand, not off backscroll.
//
// The planted messages, by label (all times UTC):
//   g1 general 2019-12-31 23:59:59 ann     "new year deploy freeze starts"
//   g2 general 2020-01-01 00:00:00 bastian "happy new year, deployment window opens"
//   g3 general 2020-09-30 23:59:59 carol   "disk space is low on batch2"
//   g4 general 2020-10-01 00:00:00 dave    "release notes for 1.2 are ready" (thread parent)
//   g5 general 2020-10-01 00:10    ann     "deploying the release now" (reply to g4)
//   g6 general 2020-10-01 00:20    carol   "thanks for the notes" (reply to g4)
//   g7 general 2020-10-01 12:00    bastian "see <https://example.com/runbook> for the deploy
//                                           runbook" (link, :tada: reaction, pinned)
//   g8 general 2020-10-31 23:59:59 ann     "halloween outage postmortem" (edited, file)
//   g9 general 2020-11-01 00:00:00 dave    "november planning" (:+1::skin-tone-2:)
//   o1 ops-alerts 2020-10-01 03:00 bot pagerduty (B0PAGER, no user): attachment "Disk full on db-3"
//   o2 ops-alerts 2020-10-01 04:00 deploybot (bot user U05DEP, app post) "deploy succeeded for api"
//   o3 ops-alerts 2020-10-02 09:00 carol   "disk cleaned up, deploy again"
//   r1 random 2020-10-15 10:00 dave "lunch anyone?"    r2 10:05 ann "lunch sounds good, deploy
//   later" s1 security (private) 2020-10-20 10:00 carol "rotate the deploy keys" (parent), s2 10:30
//   ann reply d1 DM ann-bastian 2020-10-05 08:00 bastian "are you around for the deploy?", d2 08:01
//   ann d3 DM ann-carol 2020-10-06 carol "coffee later?" m1 group DM ann, bastian, carol 2020-10-07
//   bastian "group lunch friday"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>

#include "tests/e2e/backscroll_cli.h"

namespace backscroll::testing {
namespace {

const std::map<std::string, std::string> kKeys = {
    {"g1", "C01GEN/1577836799.000100"}, {"g2", "C01GEN/1577836800.000200"},
    {"g3", "C01GEN/1601510399.000300"}, {"g4", "C01GEN/1601510400.000400"},
    {"g5", "C01GEN/1601511000.000500"}, {"g6", "C01GEN/1601511600.000600"},
    {"g7", "C01GEN/1601553600.000700"}, {"g8", "C01GEN/1604188799.000800"},
    {"g9", "C01GEN/1604188800.000900"}, {"o1", "C02OPS/1601521200.001000"},
    {"o2", "C02OPS/1601524800.001100"}, {"o3", "C02OPS/1601629200.001200"},
    {"r1", "C03RND/1602756000.001300"}, {"r2", "C03RND/1602756300.001400"},
    {"s1", "G01SEC/1603188000.001500"}, {"s2", "G01SEC/1603189800.001600"},
    {"d1", "D01AB/1601884800.001700"},  {"d2", "D01AB/1601884860.001800"},
    {"d3", "D02AC/1601971200.001900"},  {"m1", "G02MP/1602057600.002000"},
};

std::vector<std::string> keys_of(const std::vector<std::string>& labels) {
  std::vector<std::string> keys;
  for (const std::string& label : labels) keys.push_back(kKeys.at(label));
  std::sort(keys.begin(), keys.end());
  return keys;
}

struct Row {
  std::vector<std::string> options;  // Global --tz (first) or search options (--now).
  std::string query;
  std::vector<std::string> expected;  // Labels.
};

class QueryTableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cli_ = new BackscrollCli();
    ProcessResult r = cli_->run({"ingest", fixture("slack/planted")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(r.out.rfind("ingest: 20 new", 0), 0u) << r.out;
  }
  static void TearDownTestSuite() {
    delete cli_;
    cli_ = nullptr;
  }

  // Sorted keys of every hit; `options` go before the query.
  static std::vector<std::string> hits(const Row& row) {
    std::vector<std::string> args;
    const bool global = !row.options.empty() && row.options[0] == "--tz";
    if (global) args = row.options;
    for (const char* a : {"search", "--json", "--limit", "1000"}) args.push_back(a);
    if (!global) args.insert(args.end(), row.options.begin(), row.options.end());
    args.push_back("--");  // A query may start with '-'.
    args.push_back(row.query);
    simdjson::dom::element doc = cli_->json(args);
    std::vector<std::string> keys;
    for (simdjson::dom::element hit : doc["hits"].get_array())
      keys.push_back(std::string(hit["conversation_id"].get_string().value()) + "/" +
                     std::string(hit["ts"].get_string().value()));
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(doc["total"].get_uint64().value(), keys.size()) << row.query;
    return keys;
  }

  static void check(const std::vector<Row>& rows) {
    for (const Row& row : rows) EXPECT_EQ(hits(row), keys_of(row.expected)) << row.query;
  }

  static BackscrollCli* cli_;
};
BackscrollCli* QueryTableTest::cli_ = nullptr;

TEST_F(QueryTableTest, WordsPhrasesAndBooleans) {
  check({
      {{}, "deploy", {"g1", "g2", "g5", "g7", "o2", "o3", "r2", "s1", "d1"}},
      {{}, "\"deploy runbook\"", {"g7"}},
      {{}, "deploy*", {"g1", "g2", "g5", "g7", "o2", "o3", "r2", "s1", "d1"}},
      {{}, "deployi*", {"g5"}},
      {{}, "deploy in:#general", {"g1", "g2", "g5", "g7"}},
      {{}, "deploy -in:#general", {"o2", "o3", "r2", "s1", "d1"}},
      {{}, "deploy OR lunch", {"g1", "g2", "g5", "g7", "o2", "o3", "r1", "r2", "s1", "d1", "m1"}},
      {{}, "lunch AND NOT deploy", {"r1", "m1"}},
      {{}, "lunch -deploy", {"r1", "m1"}},
      {{}, "(lunch OR coffee) -in:#random", {"m1", "d3"}},
      {{}, "NOT deploy in:#random", {"r1"}},
      {{}, "-in:#general -in:#ops-alerts -in:#random -in:#security", {"d1", "d2", "d3", "m1"}},
      {{}, "postmortem", {"g8"}},     // Text and file name.
      {{}, "\"disk full\"", {"o1"}},  // Attachment title.
  });
}

TEST_F(QueryTableTest, ConversationsAndPeople) {
  check({
      {{}, "in:#security", {"s1", "s2"}},
      {{}, "in:G01SEC", {"s1", "s2"}},
      {{}, "in:@bastian", {"d1", "d2"}},
      {{}, "in:@carol", {"d3"}},
      {{}, "in:@bastian,@carol", {"m1"}},
      {{}, "in:mpdm-ann--bastian--carol-1", {"m1"}},
      {{}, "in:#general in:#random lunch", {"r1", "r2"}},
      {{}, "from:@ann", {"g1", "g5", "g8", "r2", "s2", "d2"}},
      {{}, "from:annie", {"g1", "g5", "g8", "r2", "s2", "d2"}},
      {{}, "from:\"Carol King\"", {"g3", "g6", "o3", "s1", "d3"}},
      {{}, "from:U04DAV", {"g4", "g9", "r1"}},
      {{}, "from:pagerduty", {"o1"}},
      {{}, "from:deploybot", {"o2"}},
      {{}, "-from:@pagerduty in:#ops-alerts", {"o2", "o3"}},
      {{}, "from:@ann OR from:@dave in:#random", {"r1", "r2"}},
      {{}, "with:@carol", {"d3", "m1", "g4", "g5", "g6", "s1", "s2"}},
      {{}, "with:@dave", {"g4", "g5", "g6"}},
      {{}, "with:@bastian lunch", {"m1"}},
  });
}

TEST_F(QueryTableTest, DatesInUtc) {
  const std::vector<std::string> oct1 = {"g4", "g5", "g6", "g7", "o1", "o2"};
  check({
      {{}, "before:2020-01-01", {"g1"}},
      {{}, "before:2020", {"g1"}},
      {{}, "after:2020-10-31", {"g9"}},
      {{}, "after:2020-10", {"g9"}},
      {{}, "on:2020-10-01", oct1},
      {{}, "on:2020-09-30", {"g3"}},
      {{},
       "during:2020-10",
       {"g4", "g5", "g6", "g7", "g8", "o1", "o2", "o3", "r1", "r2", "s1", "s2", "d1", "d2", "d3",
        "m1"}},
      {{}, "during:2019", {"g1"}},
      {{}, "date:2020-10-01..2020-10-01", oct1},
      {{}, "date:2020-10-31..", {"g8", "g9"}},
      {{}, "date:..2020-01-01", {"g1", "g2"}},
      {{}, "after:2020-09-30 before:2020-10-02", oct1},
      {{"--now", "2020-10-02"}, "on:yesterday", oct1},
      {{"--now", "2020-10-02"}, "on:today", {"o3"}},
  });
}

TEST_F(QueryTableTest, DatesInLosAngeles) {
  // PDT (UTC-7): 2020-10-01 runs from 07:00Z on 10-01 to 07:00Z on 10-02.
  check({
      {{"--tz", "America/Los_Angeles"}, "on:2020-10-01", {"g7"}},
      {{"--tz", "America/Los_Angeles"}, "on:2020-09-30", {"g3", "g4", "g5", "g6", "o1", "o2"}},
      {{"--tz", "America/Los_Angeles"}, "after:2020-10-31", {}},
      {{"--tz", "America/Los_Angeles"}, "during:2020-10 in:#general", {"g7", "g8", "g9"}},
  });
}

TEST_F(QueryTableTest, HasAndIs) {
  check({
      {{}, "has:link", {"g7"}},
      {{}, "has:reaction", {"g7", "g9"}},
      {{}, "has::tada:", {"g7"}},
      {{}, "has::+1:", {"g9"}},
      {{}, "has:pin", {"g7"}},
      {{}, "has:file", {"g8"}},
      {{}, "has:attachment", {"o1"}},
      {{}, "is:thread", {"g4", "g5", "g6", "s1", "s2"}},
      {{}, "is:reply", {"g5", "g6", "s2"}},
      {{}, "is:bot", {"o1", "o2"}},
      {{}, "is:edited", {"g8"}},
      {{}, "is:thread -is:reply", {"g4", "s1"}},
  });
}

struct ErrorRow {
  std::string query;
  std::vector<std::string> in_stderr;
};

TEST_F(QueryTableTest, MistakesAreErrorsWithExitCode2) {
  const ErrorRow rows[] = {
      {"in:#genral deploy", {"no conversation named #genral", "did you mean #general?"}},
      {"from:@bastain", {"no person named @bastain", "did you mean @bastian?"}},
      {"in:@dave", {"no direct messages with @dave"}},
      {"deploy AND", {"column 8", "AND needs something on both sides"}},
      {"(deploy", {"column 1", "unmatched '('"}},
      {"on:2020-13-01", {"bad date in on:2020-13-01"}},
      {"has:emoji", {"unknown has:emoji"}},
  };
  for (const ErrorRow& row : rows) {
    ProcessResult r = cli_->run({"search", "--", row.query});
    EXPECT_EQ(r.exit_code, 2) << row.query;
    EXPECT_EQ(r.out, "") << row.query;
    for (const std::string& part : row.in_stderr)
      EXPECT_NE(r.err.find(part), std::string::npos) << row.query << ": " << r.err;
  }
}

TEST_F(QueryTableTest, FacetsThreadsPermalinksAndContext) {
  simdjson::dom::element doc =
      cli_->json({"search", "--json", "--facets", "--threads", "--sort", "oldest",
                  "--workspace-url", "https://acme.slack.com", "release OR notes"});
  EXPECT_EQ(doc["total"].get_uint64().value(), 3u);  // g4, g5, g6
  simdjson::dom::element reply = doc["hits"].at(1);
  EXPECT_EQ(std::string(reply["permalink"].get_string().value()),
            "https://acme.slack.com/archives/C01GEN/p1601511000000500"
            "?thread_ts=1601510400.000400&cid=C01GEN");
  EXPECT_EQ(doc["hits"].at(0)["reply_count"].get_uint64().value(), 2u);
  EXPECT_EQ(simdjson::to_string(doc["facets"]["months"]), R"([{"month":"2020-10","count":3}])");
  EXPECT_EQ(simdjson::to_string(doc["threads"]),
            R"([{"conversation_id":"C01GEN","thread_ts":"1601510400.000400","hits":[0,1,2]}])");

  simdjson::dom::element context = cli_->json(
      {"context", "--json", "--before", "1", "--after", "1", "general", "1601553600.000700"});
  std::vector<std::string> ts;
  for (simdjson::dom::element m : context["messages"].get_array())
    ts.emplace_back(m["ts"].get_string().value());
  EXPECT_EQ(ts, (std::vector<std::string>{"1601510400.000400", "1601553600.000700",
                                          "1604188799.000800"}));

  ProcessResult explain = cli_->run({"search", "--explain", "deploy -from:pagerduty"});
  EXPECT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_NE(explain.out.find("tokens:   [word deploy] [-] [from:pagerduty]\n"), std::string::npos)
      << explain.out;
  EXPECT_NE(explain.out.find("syntax:   (AND deploy (NOT from:pagerduty))\n"), std::string::npos)
      << explain.out;
}

}  // namespace
}  // namespace backscroll::testing
