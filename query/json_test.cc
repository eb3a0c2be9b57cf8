#include "query/json.h"

#include <gtest/gtest.h>

#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::slack_ts_at;

Hit sample_hit() {
  Hit hit;
  core::Message& m = hit.message;
  m.conversation_id = core::ConversationId("C1");
  m.ts = slack_ts_at(3700);
  m.thread_ts = slack_ts_at(3600);
  m.user_id = core::UserId("U1");
  m.text = "great, deploying \"the\" release";
  hit.conversation = "general";
  hit.user = "annie";
  hit.snippet = "great, <mark>deploying</mark> &quot;the&quot; release";
  return hit;
}

TEST(JsonTest, SearchResult) {
  SearchResult result;
  result.query = "deploy in:#general";
  result.total = 7;
  result.hits.push_back(sample_hit());
  EXPECT_EQ(
      to_json(result),
      R"({"query":"deploy in:#general","total":7,"hits":[{"conversation_id":"C1",)"
      R"("conversation":"general","ts":"1601514100.000000","user_id":"U1","user":"annie",)"
      R"("time":"2020-10-01T01:01:40Z","thread_ts":"1601514000.000000",)"
      R"("text":"great, deploying \"the\" release",)"
      R"("snippet":"great, <mark>deploying</mark> &quot;the&quot; release","kind":"plain"}]})");
}

TEST(JsonTest, HitExtras) {
  Hit hit = sample_hit();
  core::Message& m = hit.message;
  m.ts = *m.thread_ts;  // A thread parent.
  m.reply_count = 2;
  m.kind = core::MessageKind::kBot;
  m.text.clear();  // Attachment-only: text falls back to the searchable text.
  m.attachments.push_back(core::Attachment{.title = "Deploy failed", .text = "pipeline #42"});
  m.edited_ts = slack_ts_at(3650);
  m.files.push_back(core::FileRef{.id = "F1", .name = "log.txt"});
  m.files.push_back(core::FileRef{.id = "F2", .title = "Untitled"});
  m.reactions.push_back(core::Reaction{.name = "+1", .count = 3});
  SearchResult result{.query = "x", .total = 1, .hits = {hit}};
  EXPECT_EQ(
      to_json(result),
      R"({"query":"x","total":1,"hits":[{"conversation_id":"C1","conversation":"general",)"
      R"("ts":"1601514000.000000","user_id":"U1","user":"annie","time":"2020-10-01T01:00:00Z",)"
      R"("thread_ts":"1601514000.000000","text":"Deploy failed\npipeline #42\nlog.txt\nUntitled",)"
      R"("snippet":"great, <mark>deploying</mark> &quot;the&quot; release","kind":"bot",)"
      R"("reply_count":2,"edited":true,"files":["log.txt","Untitled"],)"
      R"("reactions":[{"name":"+1","count":3}]}]})");
}

TEST(JsonTest, EmptySearchResult) {
  EXPECT_EQ(to_json(SearchResult{.query = "nothing"}),
            R"({"query":"nothing","total":0,"hits":[]})");
}

TEST(JsonTest, Thread) {
  ThreadView view;
  view.conversation.id = core::ConversationId("C1");
  view.conversation_name = "general";
  view.thread_ts = slack_ts_at(3600);
  Hit hit = sample_hit();
  hit.snippet.clear();
  view.messages.push_back(hit);
  EXPECT_EQ(to_json(view),
            R"({"conversation_id":"C1","conversation":"general","thread_ts":"1601514000.000000",)"
            R"("messages":[{"conversation_id":"C1","conversation":"general",)"
            R"("ts":"1601514100.000000","user_id":"U1","user":"annie",)"
            R"("time":"2020-10-01T01:01:40Z","thread_ts":"1601514000.000000",)"
            R"("text":"great, deploying \"the\" release","kind":"plain"}]})");
}

TEST(JsonTest, Stats) {
  store::ArchiveStats stats;
  EXPECT_EQ(to_json(stats),
            R"({"messages":0,"conversations":0,"users":0,"threads":0,"first_time":null,)"
            R"("last_time":null,"messages_by_kind":{},"conversations_by_kind":{}})");
  stats.messages = 27;
  stats.conversations = 6;
  stats.users = 4;
  stats.threads = 2;
  stats.first = slack_ts_at(-86401);
  stats.last = slack_ts_at(90200);
  stats.messages_by_kind = {{"bot", 3}, {"plain", 23}, {"thread_broadcast", 1}};
  stats.conversations_by_kind = {{"dm", 2}, {"mpim", 1}, {"private", 1}, {"public", 2}};
  EXPECT_EQ(to_json(stats),
            R"({"messages":27,"conversations":6,"users":4,"threads":2,)"
            R"("first_time":"2020-09-29T23:59:59Z","last_time":"2020-10-02T01:03:20Z",)"
            R"("messages_by_kind":{"bot":3,"plain":23,"thread_broadcast":1},)"
            R"("conversations_by_kind":{"dm":2,"mpim":1,"private":1,"public":2}})");
}

}  // namespace
}  // namespace backscroll::query
