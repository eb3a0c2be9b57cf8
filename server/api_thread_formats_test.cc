// GET /api/thread/C/TS?format=markdown|html over a real socket: the body is
// exactly what query/ renders for `thread --format markdown|html` with the
// server's --workspace-url, errors stay JSON, and a hidden conversation is as
// invisible as in format=json. Times are pinned to UTC for the whole suite
// (before its server starts: the server renders local times).

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "query/directory.h"
#include "query/html_document.h"
#include "query/json.h"
#include "query/markdown_document.h"
#include "query/thread.h"
#include "server/test_server.h"

namespace backscroll::server {
namespace {

using testing::kOpsToken;
using testing::ts_at;

constexpr const char* kWorkspace = "https://acme.slack.com";

class ApiThreadFormatsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (const char* tz = std::getenv("TZ")) old_tz_ = new std::string(tz);
    setenv("TZ", "UTC", 1);
    tzset();
    archive_ = new testing::PlantedArchive();
    // A bot's reply in #general's thread, mentioning ann.
    core::Message bot = testing::message("C1", 104, "B1", "deployed by @ann");
    bot.raw_text = "deployed by <@U1>";
    bot.thread_ts = *core::SlackTs::parse(ts_at(100));
    bot.kind = core::MessageKind::kBot;
    bot.is_bot = true;
    bot.author_name = "deploybot";
    archive_->add({bot});
    archive_->close_writer();
    server_ = new testing::RunningServer(*archive_, std::chrono::milliseconds(500), kWorkspace);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete archive_;
    if (old_tz_)
      setenv("TZ", old_tz_->c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
    delete old_tz_;
    old_tz_ = nullptr;
  }

  struct Got {
    int status = 0;
    std::string body;
    std::string content_type;
    std::string disposition;
  };
  static Got get(const std::string& path, const std::string& token = "") {
    auto client = server_->client(token);
    auto res = client->Get(path);
    if (!res) return {-1, "no response: " + httplib::to_string(res.error()), "", ""};
    return {res->status, res->body, res->get_header_value("Content-Type"),
            res->get_header_value("Content-Disposition")};
  }

  // What `backscroll thread --format markdown` prints for the thread.
  static std::string expected_markdown(const std::string& conversation, const std::string& ts,
                                       query::DocumentOptions options) {
    auto archive = store::Archive::open(archive_->store_dir(), store::OpenMode::kReadOnly);
    EXPECT_TRUE(archive);
    auto directory = query::Directory::load(**archive);
    EXPECT_TRUE(directory);
    auto thread = query::load_thread(**archive, *directory, conversation, ts);
    EXPECT_TRUE(thread);
    return query::thread_markdown(*thread, *directory, options);
  }

  static std::string* old_tz_;
  static testing::PlantedArchive* archive_;
  static testing::RunningServer* server_;
};

std::string* ApiThreadFormatsTest::old_tz_ = nullptr;
testing::PlantedArchive* ApiThreadFormatsTest::archive_ = nullptr;
testing::RunningServer* ApiThreadFormatsTest::server_ = nullptr;

TEST_F(ApiThreadFormatsTest, MarkdownIsTheCliDocument) {
  const std::string markdown = expected_markdown("C1", ts_at(101), {.workspace_url = kWorkspace});
  Got got = get("/api/thread/C1/" + ts_at(101) + "?format=markdown");
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.content_type, "text/markdown; charset=utf-8");
  EXPECT_EQ(got.disposition, "");
  EXPECT_EQ(got.body, markdown);
  EXPECT_EQ(
      got.body,
      "# #general · 2020-10-01 · deploy the frontend\n"
      "\n"
      "Thread of 4 messages in #general, 2020-10-01 00:01 – 00:01 (UTC).\n"
      "\n"
      "**ann** · 2020-10-01 00:01 · [Slack](https://acme.slack.com/archives/C1/p1601510500000000)\n"
      "\n"
      "deploy the frontend\n"
      "\n"
      "**bob** · 00:01 · [Slack](https://acme.slack.com/archives/C1/"
      "p1601510501000000?thread_ts=1601510500.000000&cid=C1)\n"
      "\n"
      "which version\n"
      "\n"
      "**ann** · 00:01 · [Slack](https://acme.slack.com/archives/C1/"
      "p1601510502000000?thread_ts=1601510500.000000&cid=C1)\n"
      "\n"
      "rollback the deploy if it fails\n"
      "\n"
      "**deploybot** (bot) · 00:01 · [Slack](https://acme.slack.com/archives/C1/"
      "p1601510504000000?thread_ts=1601510500.000000&cid=C1)\n"
      "\n"
      "deployed by @ann\n");
  // Any message of the thread names it; so does the channel's name.
  EXPECT_EQ(get("/api/thread/general/" + ts_at(100) + "?format=markdown").body, markdown);
  EXPECT_EQ(get("/api/thread/C1/" + ts_at(101) + "?format=json").body,
            get("/api/thread/C1/" + ts_at(101)).body);
}

TEST_F(ApiThreadFormatsTest, HtmlIsThePageOfTheMarkdown) {
  const std::string markdown = expected_markdown("C1", ts_at(101), {.workspace_url = kWorkspace});
  Got got = get("/api/thread/C1/" + ts_at(101) + "?format=html");
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(got.disposition, "");
  EXPECT_EQ(got.body, query::markdown_to_html_page(markdown));
  Got download = get("/api/thread/C1/" + ts_at(101) + "?format=html&download=1");
  EXPECT_EQ(download.body, got.body);
  EXPECT_EQ(download.disposition, "attachment; filename=\"thread-C1-1601510500.000000.html\"");
}

TEST_F(ApiThreadFormatsTest, BotsAndAnonymize) {
  Got no_bots = get("/api/thread/C1/" + ts_at(101) + "?format=markdown&bots=0");
  EXPECT_EQ(no_bots.body, expected_markdown("C1", ts_at(101),
                                            {.workspace_url = kWorkspace, .include_bots = false}));
  EXPECT_EQ(no_bots.body.find("deploybot"), std::string::npos) << no_bots.body;
  EXPECT_EQ(get("/api/thread/C1/" + ts_at(101) + "?format=markdown&bots=1").body,
            expected_markdown("C1", ts_at(101), {.workspace_url = kWorkspace}));

  Got anonymous = get("/api/thread/C1/" + ts_at(101) + "?format=markdown&anonymize=1");
  EXPECT_EQ(anonymous.body,
            expected_markdown("C1", ts_at(101), {.workspace_url = kWorkspace, .anonymize = true}));
  EXPECT_EQ(anonymous.body,
            "# #general · 2020-10-01 · deploy the frontend\n"
            "\n"
            "Thread of 4 messages in #general, 2020-10-01 00:01 – 00:01 (UTC).\n"
            "\n"
            "**Person 1** · 2020-10-01 00:01\n"
            "\n"
            "deploy the frontend\n"
            "\n"
            "**Person 2** · 00:01\n"
            "\n"
            "which version\n"
            "\n"
            "**Person 1** · 00:01\n"
            "\n"
            "rollback the deploy if it fails\n"
            "\n"
            "**deploybot** (bot) · 00:01\n"
            "\n"
            "deployed by @Person 1\n");
  Got anonymous_html = get("/api/thread/C1/" + ts_at(101) + "?format=html&anonymize=1&bots=0");
  EXPECT_EQ(anonymous_html.body,
            query::markdown_to_html_page(expected_markdown(
                "C1", ts_at(101),
                {.workspace_url = kWorkspace, .include_bots = false, .anonymize = true})));
}

TEST_F(ApiThreadFormatsTest, AHiddenThreadIsNotFoundInEveryFormat) {
  const std::string path = "/api/thread/G1/" + ts_at(300);
  Got json = get(path);
  EXPECT_EQ(json.status, 404);
  EXPECT_EQ(json.body, R"({"error":"no conversation named #G1"})");
  for (const char* format : {"?format=markdown", "?format=html", "?format=html&download=1"}) {
    Got got = get(path + format);
    EXPECT_EQ(got.status, 404) << format;
    EXPECT_EQ(got.body, json.body) << format;
    EXPECT_EQ(got.content_type, "application/json; charset=utf-8") << format;
    EXPECT_EQ(got.disposition, "") << format;
  }
  EXPECT_EQ(get("/api/thread/secret-ops/" + ts_at(300) + "?format=markdown").body,
            R"({"error":"no conversation named #secret-ops"})");
  Got granted = get(path + "?format=markdown", kOpsToken);
  EXPECT_EQ(granted.status, 200);
  EXPECT_EQ(granted.body, expected_markdown("G1", ts_at(300), {.workspace_url = kWorkspace}));
}

TEST_F(ApiThreadFormatsTest, BadParametersAre400Json) {
  struct Case {
    const char* query;
    const char* body;
  } cases[] = {
      {"?format=pdf", R"({"error":"format must be json, markdown or html, not \"pdf\""})"},
      {"?format=MARKDOWN",
       R"({"error":"format must be json, markdown or html, not \"MARKDOWN\""})"},
      {"?format=markdown&bots=no", R"({"error":"bots must be 1 or 0, not \"no\""})"},
      {"?format=markdown&anonymize=yes", R"({"error":"anonymize must be 1 or 0, not \"yes\""})"},
      {"?format=html&download=2", R"({"error":"download must be 1 or 0, not \"2\""})"},
  };
  for (const Case& c : cases) {
    Got got = get("/api/thread/C1/" + ts_at(101) + c.query);
    EXPECT_EQ(got.status, 400) << c.query;
    EXPECT_EQ(got.body, c.body) << c.query;
    EXPECT_EQ(got.content_type, "application/json; charset=utf-8") << c.query;
  }
  Got missing = get("/api/thread/C1/" + ts_at(999) + "?format=markdown");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, R"({"error":"no message )" + ts_at(999) + R"( in general"})");
}

}  // namespace
}  // namespace backscroll::server
