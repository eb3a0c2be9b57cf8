// The HTTP API over a real socket against a real archive: each route, each
// error, each access rule. Bodies are compared whole with what query/ renders
// for the same request (what `backscroll search --json` etc. print).

#include <gtest/gtest.h>

#include "query/context.h"
#include "query/directory.h"
#include "query/json.h"
#include "query/search.h"
#include "query/thread.h"
#include "server/test_server.h"

namespace backscroll::server {
namespace {

using testing::kAllToken;
using testing::kOpsToken;
using testing::kPublicToken;
using testing::ts_at;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    archive_ = new testing::PlantedArchive();
    archive_->close_writer();
    server_ = new testing::RunningServer(*archive_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete archive_;
  }

  struct Got {
    int status = 0;
    std::string body;
    std::string content_type;
  };
  static Got get(const std::string& path, const std::string& token = "") {
    auto client = server_->client(token);
    auto res = client->Get(path);
    if (!res) return {-1, "no response: " + httplib::to_string(res.error()), ""};
    return {res->status, res->body, res->get_header_value("Content-Type")};
  }

  // What query/ renders for `request` over a fresh read-only open.
  static std::string expected_search(query::SearchRequest request) {
    auto archive = store::Archive::open(archive_->store_dir(), store::OpenMode::kReadOnly);
    EXPECT_TRUE(archive);
    auto searcher = query::Searcher::open(**archive, archive_->index_dir());
    EXPECT_TRUE(searcher);
    auto result = (*searcher)->search(request);
    EXPECT_TRUE(result);
    return query::to_json(*result);
  }
  static std::vector<core::ConversationId> ids(std::initializer_list<const char*> list) {
    std::vector<core::ConversationId> out;
    for (const char* id : list) out.emplace_back(id);
    return out;
  }

  static testing::PlantedArchive* archive_;
  static testing::RunningServer* server_;
};

testing::PlantedArchive* ApiTest::archive_ = nullptr;
testing::RunningServer* ApiTest::server_ = nullptr;

TEST_F(ApiTest, Healthz) {
  Got got = get("/healthz");
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, R"({"status":"ok","index":"ready"})");
  EXPECT_EQ(got.content_type, "application/json; charset=utf-8");
}

TEST_F(ApiTest, SearchIsTheCliJsonOfWhatTheCallerSees) {
  EXPECT_EQ(get("/api/search?q=deploy").body,
            expected_search({.query = "deploy", .visible = ids({"C1", "C2"})}));
  EXPECT_EQ(get("/api/search?q=deploy", kPublicToken).body,
            expected_search({.query = "deploy", .visible = ids({"C1", "C2"})}));
  EXPECT_EQ(get("/api/search?q=deploy", kOpsToken).body,
            expected_search({.query = "deploy", .visible = ids({"C1", "C2", "G1"})}));
  EXPECT_EQ(get("/api/search?q=deploy", kAllToken).body, expected_search({.query = "deploy"}));
  EXPECT_EQ(get("/api/search?q=deploy&limit=2&offset=1&sort=oldest&facets=1", kAllToken).body,
            expected_search({.query = "deploy",
                             .limit = 2,
                             .offset = 1,
                             .sort = query::Sort::kOldest,
                             .facets = true}));
}

TEST_F(ApiTest, PrivateMessagesNeverShowWithoutAGrant) {
  for (const char* path :
       {"/api/search?q=deploy&facets=1&threads=1&limit=100", "/api/search?q=payroll&facets=1",
        "/api/search?q=hunter2&facets=1", "/api/search?q=from:@ann&facets=1",
        "/api/search?q=with:@bob&facets=1", "/api/conversations", "/api/stats"}) {
    Got got = get(path);
    EXPECT_EQ(got.status, 200) << path;
    got.body.erase(0, got.body.find("\"total\""));  // The query echoes the words asked for.
    for (const char* secret :
         {"G1", "D1", "M1", "payroll", "hunter2", "secret", "mpdm", "private", "\"dm\"", "mpim"})
      EXPECT_EQ(got.body.find(secret), std::string::npos)
          << path << " shows " << secret << ": " << got.body;
  }
  EXPECT_EQ(get("/api/search?q=payroll").body, R"({"query":"payroll","total":0,"hits":[]})");
  Got ops = get("/api/search?q=payroll", kOpsToken);
  EXPECT_NE(ops.body.find(R"("total":2)"), std::string::npos) << ops.body;
  EXPECT_EQ(ops.body.find("hunter2"), std::string::npos);
}

TEST_F(ApiTest, NamingAPrivateChannelFailsLikeAnUnknownOne) {
  Got secret = get("/api/search?q=deploy%20in:%23secret-ops");
  Got unknown = get("/api/search?q=deploy%20in:%23secret-opz");
  EXPECT_EQ(secret.status, 400);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(secret.body, R"({"error":"column 8: no conversation named #secret-ops"})");
  EXPECT_EQ(unknown.body.find("secret-ops"), std::string::npos) << unknown.body;
  EXPECT_EQ(get("/api/search?q=in:@bob").status, 400);  // The DM with bob is not visible.
  Got granted = get("/api/search?q=deploy%20in:%23secret-ops", kOpsToken);
  EXPECT_EQ(granted.status, 200);
  EXPECT_NE(granted.body.find(R"("total":1)"), std::string::npos) << granted.body;
  Got hinted = get("/api/search?q=deploy%20in:%23secret-opz", kOpsToken);
  EXPECT_NE(hinted.body.find("secret-ops"), std::string::npos) << hinted.body;
}

TEST_F(ApiTest, BadParametersAre400) {
  struct Case {
    const char* path;
    const char* body;
  } cases[] = {
      {"/api/search", R"j({"error":"missing parameter q (the query)"})j"},
      {"/api/search?q=a&limit=x",
       R"({"error":"limit must be a whole number from 1 to 1000, not \"x\""})"},
      {"/api/search?q=a&limit=0",
       R"({"error":"limit must be a whole number from 1 to 1000, not \"0\""})"},
      {"/api/search?q=a&offset=-1",
       R"({"error":"offset must be a whole number from 0 to 100000, not \"-1\""})"},
      {"/api/search?q=a&sort=best",
       R"({"error":"sort must be relevance, newest or oldest, not \"best\""})"},
      {"/api/search?q=a&facets=yes", R"({"error":"facets must be 1 or 0, not \"yes\""})"},
      {"/api/context/C1/1601510500.000000?before=x",
       R"({"error":"before must be a whole number from 0 to 200, not \"x\""})"},
  };
  for (const Case& c : cases) {
    Got got = get(c.path);
    EXPECT_EQ(got.status, 400) << c.path;
    EXPECT_EQ(got.body, c.body) << c.path;
  }
  for (const char* q : {"%22unterminated", "after:2020-13-45", "is:nonsense", "from:@nobody", "(a",
                        "in:", "a%20OR"}) {
    Got got = get(std::string("/api/search?q=") + q);
    EXPECT_EQ(got.status, 400) << q << ": " << got.body;
    EXPECT_EQ(got.body.rfind(R"({"error":")", 0), 0u) << got.body;
  }
}

TEST_F(ApiTest, WrongTokenIs401) {
  for (const char* token : {"nope-nope-nope", "root-token-012345678"}) {
    Got got = get("/api/search?q=deploy", token);
    EXPECT_EQ(got.status, 401);
    EXPECT_EQ(got.body, R"({"error":"invalid token"})");
  }
  auto client = server_->client();
  auto res = client->Get("/api/conversations", {{"Authorization", "Basic dXNlcjpwYXNz"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(get("/healthz", "nope-nope-nope").status, 200);
}

TEST_F(ApiTest, ThreadIsTheCliJson) {
  auto archive = store::Archive::open(archive_->store_dir(), store::OpenMode::kReadOnly);
  ASSERT_TRUE(archive);
  auto directory = query::Directory::load(**archive);
  ASSERT_TRUE(directory);
  auto thread = query::load_thread(**archive, *directory, "C1", ts_at(101));
  ASSERT_TRUE(thread);
  Got got = get("/api/thread/C1/" + ts_at(101));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, query::to_json(*thread));
  EXPECT_EQ(get("/api/thread/general/" + ts_at(101)).body, got.body);

  auto secret = query::load_thread(**archive, *directory, "G1", ts_at(300));
  ASSERT_TRUE(secret);
  EXPECT_EQ(get("/api/thread/G1/" + ts_at(300), kOpsToken).body, query::to_json(*secret));
  EXPECT_EQ(get("/api/thread/G1/" + ts_at(300), kAllToken).body, query::to_json(*secret));
}

TEST_F(ApiTest, ThreadAndContextErrors) {
  struct Case {
    std::string path;
    int status;
    std::string body;
  } cases[] = {
      {"/api/thread/G1/" + ts_at(300), 404, R"({"error":"no conversation named #G1"})"},
      {"/api/thread/secret-ops/" + ts_at(300), 404,
       R"({"error":"no conversation named #secret-ops"})"},
      {"/api/thread/D1/" + ts_at(400), 404, R"({"error":"no conversation named #D1"})"},
      {"/api/context/G1/" + ts_at(300), 404, R"({"error":"no conversation named #G1"})"},
      {"/api/thread/C1/" + ts_at(999), 404,
       R"({"error":"no message )" + ts_at(999) + R"( in general"})"},
      {"/api/thread/C1/yesterday", 400,
       R"j({"error":"not a Slack timestamp: \"yesterday\" (expected e.g. 1516457078.000065)"})j"},
  };
  for (const Case& c : cases) {
    Got got = get(c.path);
    EXPECT_EQ(got.status, c.status) << c.path;
    EXPECT_EQ(got.body, c.body) << c.path;
  }
  EXPECT_EQ(get("/api/thread/D1/" + ts_at(400), kOpsToken).status, 404);
  EXPECT_EQ(get("/api/thread/D1/" + ts_at(400), kAllToken).status, 200);
}

TEST_F(ApiTest, ContextIsTheCliJson) {
  auto archive = store::Archive::open(archive_->store_dir(), store::OpenMode::kReadOnly);
  ASSERT_TRUE(archive);
  auto directory = query::Directory::load(**archive);
  ASSERT_TRUE(directory);
  auto context = query::load_context(**archive, *directory, "C1", ts_at(103), 1, 0);
  ASSERT_TRUE(context);
  Got got = get("/api/context/C1/" + ts_at(103) + "?before=1&after=0");
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, query::to_json(*context));
  auto secret = query::load_context(**archive, *directory, "G1", ts_at(301), 5, 5);
  ASSERT_TRUE(secret);
  EXPECT_EQ(get("/api/context/G1/" + ts_at(301), kOpsToken).body, query::to_json(*secret));
}

TEST_F(ApiTest, ConversationsListWhatTheCallerSees) {
  EXPECT_EQ(get("/api/conversations").body,
            R"({"conversations":[{"id":"C1","name":"general","kind":"public","members":3},)"
            R"({"id":"C2","name":"random","kind":"public","members":2}]})");
  EXPECT_EQ(get("/api/conversations", kOpsToken).body,
            R"({"conversations":[{"id":"C1","name":"general","kind":"public","members":3},)"
            R"({"id":"C2","name":"random","kind":"public","members":2},)"
            R"({"id":"G1","name":"secret-ops","kind":"private","members":2}]})");
  Got all = get("/api/conversations", kAllToken);
  for (const char* id : {"\"C1\"", "\"C2\"", "\"G1\"", "\"D1\"", "\"M1\""})
    EXPECT_NE(all.body.find(id), std::string::npos) << all.body;
}

TEST_F(ApiTest, StatsCountWhatTheCallerSees) {
  EXPECT_EQ(get("/api/stats").body,
            R"({"messages":5,"conversations":2,"users":3,"threads":1,)"
            R"("first_time":"2020-10-01T00:01:40Z","last_time":"2020-10-01T00:03:20Z",)"
            R"("messages_by_kind":{"plain":5},"conversations_by_kind":{"public":2}})");
  auto archive = store::Archive::open(archive_->store_dir(), store::OpenMode::kReadOnly);
  ASSERT_TRUE(archive);
  auto stats = (*archive)->stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(get("/api/stats", kAllToken).body, query::to_json(*stats));
  EXPECT_NE(get("/api/stats", kOpsToken).body.find(R"("messages":7,"conversations":3)"),
            std::string::npos);
}

TEST_F(ApiTest, UnknownRoutesAre404Json) {
  Got got = get("/api/nothing");
  EXPECT_EQ(got.status, 404);
  EXPECT_EQ(got.body, R"({"error":"no such route"})");
  EXPECT_EQ(get("/api/thread/C1").status, 404);
  Got long_uri = get("/api/search?q=" + std::string(9000, 'a'));
  EXPECT_EQ(long_uri.status, 414);
  EXPECT_EQ(long_uri.body, R"({"error":"URI too long"})");
}

TEST_F(ApiTest, ServesThePage) {
  Got page = get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<title>backscroll</title>"), std::string::npos);
  EXPECT_NE(page.body.find("app.js"), std::string::npos);
  Got script = get("/app.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/style.css").content_type, "text/css; charset=utf-8");
}

}  // namespace
}  // namespace backscroll::server
