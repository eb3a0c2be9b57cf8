#include "query/markdown_document.h"

#include <gtest/gtest.h>

#include "query/directory.h"
#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::kBase;
using testing::slack_ts_at;

core::User person(const char* id, const char* name, const char* real_name) {
  core::User u;
  u.id = core::UserId(id);
  u.name = name;
  u.real_name = real_name;
  return u;
}

Directory make_directory() {
  core::User bot = person("B1", "pagerduty", "PagerDuty");
  bot.is_bot = true;
  core::Conversation ops;
  ops.id = core::ConversationId("C1");
  ops.name = "ops-alerts";
  core::Conversation dm;
  dm.id = core::ConversationId("D1");
  dm.kind = core::ConversationKind::kDm;
  dm.name = "D1";
  dm.members = {core::UserId("U1"), core::UserId("U2")};
  return Directory({person("U1", "bastian", "Bastian Schmidt"), person("U2", "anna", "Anna Berg"),
                    person("U3", "carol", "Carol Diaz"), bot},
                   {ops, dm});
}

core::Message message(std::int64_t offset, const char* user, const char* raw_text,
                      const char* text) {
  core::Message m;
  m.conversation_id = core::ConversationId("C1");
  m.ts = slack_ts_at(offset);
  m.thread_ts = slack_ts_at(0);
  m.user_id = core::UserId(user);
  m.raw_text = raw_text;
  m.text = text;
  return m;
}

// An alert, a reply mentioning people with a file and reactions, a join
// notice, an edited reply the next day.
ThreadView incident(const Directory& directory) {
  core::Message alert = message(0, "B1", "", "");
  alert.kind = core::MessageKind::kBot;
  alert.is_bot = true;
  alert.author_name = "PagerDuty";
  alert.reply_count = 3;
  core::Attachment a;
  a.title = "Disk space low on batch2.prod";
  a.title_link = "https://pd.example.com/incidents/1";
  a.text = "/var at 98%\nsince 14:30";
  a.fields = {{"Host", "batch2.prod"}, {"Severity", "critical"}};
  a.footer = "PagerDuty";
  alert.attachments = {a};

  core::Message reply =
      message(60, "U1", "*On it* <@U2>, see <https://grafana.example.com/d/1|the graph> :eyes:",
              "On it @anna, see the graph (https://grafana.example.com/d/1) :eyes:");
  core::FileRef file;
  file.id = "F1";
  file.name = "df.txt";
  file.title = "Disk usage";
  reply.files = {file};
  reply.reactions = {{"eyes", 2, {}}, {"white_check_mark", 1, {}}};

  core::Message join =
      message(90, "U3", "<@U3> has joined the channel", "@carol has joined the channel");
  join.kind = core::MessageKind::kJoin;

  core::Message fixed =
      message(86400 + 120, "U2", "Cleaned `/var/log`, ~98%~ 41% now.\nThanks @Bastian Schmidt",
              "Cleaned `/var/log`, 98% 41% now.\nThanks @Bastian Schmidt");
  fixed.raw_text = "Cleaned `/var/log`, ~98%~ 41% now.\nThanks <@U1>";
  fixed.edited_ts = slack_ts_at(86400 + 200);

  ThreadView view;
  view.conversation = *directory.conversation(core::ConversationId("C1"));
  view.conversation_name = "ops-alerts";
  view.thread_ts = slack_ts_at(0);
  for (const core::Message& m : {alert, reply, join, fixed})
    view.messages.push_back(make_hit(m, directory));
  return view;
}

class MarkdownDocumentTest : public ::testing::Test {
 protected:
  testing::ScopedTz tz_{"UTC"};
  Directory directory_ = make_directory();
  ThreadView thread_ = incident(directory_);
};

TEST_F(MarkdownDocumentTest, WholeThread) {
  EXPECT_EQ(thread_markdown(thread_, directory_, {.workspace_url = "https://acme.slack.com"}),
            R"(# #ops-alerts · 2020-10-01 · Disk space low on batch2.prod

Thread of 3 messages in #ops-alerts, 2020-10-01 00:00 – 2020-10-02 00:02 (UTC).

**PagerDuty** (bot) · 2020-10-01 00:00 · [Slack](https://acme.slack.com/archives/C1/p1601510400000000)

> **[Disk space low on batch2.prod](https://pd.example.com/incidents/1)**\
> /var at 98%\
> since 14:30\
> **Host:** batch2.prod\
> **Severity:** critical\
> PagerDuty

**Bastian Schmidt** · 00:01 · [Slack](https://acme.slack.com/archives/C1/p1601510460000000?thread_ts=1601510400.000000&cid=C1)

**On it** @Anna Berg, see [the graph](https://grafana.example.com/d/1) 👀

- 📎 df.txt (Disk usage)

Reactions: 👀 2 · ✅ 1

**Anna Berg** · 2020-10-02 00:02 · edited · [Slack](https://acme.slack.com/archives/C1/p1601596920000000?thread_ts=1601510400.000000&cid=C1)

Cleaned `/var/log`, ~~98%~~ 41% now.\
Thanks @Bastian Schmidt
)");
}

TEST_F(MarkdownDocumentTest, AnonymizedWithoutBots) {
  EXPECT_EQ(
      thread_markdown(
          thread_, directory_,
          {.workspace_url = "https://acme.slack.com", .include_bots = false, .anonymize = true}),
      R"(# #ops-alerts · 2020-10-01 · On it @Person 2, see the graph 👀

Thread of 2 messages in #ops-alerts, 2020-10-01 00:01 – 2020-10-02 00:02 (UTC).

**Person 1** · 2020-10-01 00:01

**On it** @Person 2, see [the graph](https://grafana.example.com/d/1) 👀

- 📎 df.txt (Disk usage)

Reactions: 👀 2 · ✅ 1

**Person 2** · 2020-10-02 00:02 · edited

Cleaned `/var/log`, ~~98%~~ 41% now.\
Thanks @Person 1
)");
}

TEST_F(MarkdownDocumentTest, DirectMessageTitles) {
  ThreadView dm;
  dm.conversation = *directory_.conversation(core::ConversationId("D1"));
  dm.conversation_name = "Anna Berg";
  dm.thread_ts = slack_ts_at(0);
  core::Message hello = message(0, "U1", "hello", "hello");
  hello.conversation_id = core::ConversationId("D1");
  hello.thread_ts.reset();
  dm.messages.push_back(make_hit(hello, directory_));
  EXPECT_EQ(thread_markdown(dm, directory_, {}), R"(# DM with Anna Berg · 2020-10-01 · hello

1 message in DM with Anna Berg, 2020-10-01 00:00 (UTC).

**Bastian Schmidt** · 2020-10-01 00:00

hello
)");
  EXPECT_EQ(thread_markdown(dm, directory_, {.anonymize = true}),
            R"(# direct message · 2020-10-01 · hello

1 message in direct message, 2020-10-01 00:00 (UTC).

**Person 1** · 2020-10-01 00:00

hello
)");
}

TEST_F(MarkdownDocumentTest, LongFirstLineIsCutAtAWord) {
  ThreadView view = thread_;
  view.messages.erase(view.messages.begin());
  view.messages[0].message.text =
      "a very long first line that goes on and on about disk space on batch2 and more\nsecond";
  const std::string doc = thread_markdown(view, directory_, {});
  EXPECT_EQ(
      doc.substr(0, doc.find('\n')),
      "# #ops-alerts · 2020-10-01 · a very long first line that goes on and on about disk space…");
}

TEST_F(MarkdownDocumentTest, DeletedParentBlocksAndFiles) {
  ThreadView view = thread_;
  core::Message& parent = view.messages[0].message;  // The alert becomes Slack's tombstone.
  parent = message(0, "U1", "", "");
  parent.kind = core::MessageKind::kTombstone;
  parent.deleted = true;
  view.messages[0] = make_hit(parent, directory_);
  core::Message& reply = view.messages[1].message;
  reply.raw_text = "";
  reply.text = "";
  reply.blocks_text = "Deploy *finished*\nin 4 min";
  reply.reactions.clear();
  reply.files = {{"F2", "build.log", "", "text", ""}};
  view.messages.resize(2);
  EXPECT_EQ(thread_markdown(view, directory_, {}),
            R"(# #ops-alerts · 2020-10-01 · Deploy \*finished\*

Thread of 2 messages in #ops-alerts, 2020-10-01 00:00 – 00:01 (UTC).

**Bastian Schmidt** · 2020-10-01 00:00 · deleted in chat

*This message was deleted.*

**Bastian Schmidt** · 00:01

Deploy \*finished\*\
in 4 min

- 📎 build.log
)");
}

TEST_F(MarkdownDocumentTest, TimesFollowTheZone) {
  testing::ScopedTz berlin("Europe/Berlin");
  const std::string doc = thread_markdown(thread_, directory_, {});
  EXPECT_NE(doc.find("2020-10-01 02:00 – 2020-10-02 02:02 (CEST)."), std::string::npos) << doc;
}

TEST_F(MarkdownDocumentTest, Digest) {
  DigestDocument digest{"Search: disk", "1 thread, 2 matching messages, newest first.", {thread_}};
  digest.threads[0].messages.erase(digest.threads[0].messages.begin() + 1,
                                   digest.threads[0].messages.end());
  EXPECT_EQ(digest_markdown(digest, directory_, {.include_bots = true}),
            R"(# Search: disk

1 thread, 2 matching messages, newest first.

## #ops-alerts · 2020-10-01 · Disk space low on batch2.prod

1 message in #ops-alerts, 2020-10-01 00:00 (UTC).

**PagerDuty** (bot) · 2020-10-01 00:00

> **[Disk space low on batch2.prod](https://pd.example.com/incidents/1)**\
> /var at 98%\
> since 14:30\
> **Host:** batch2.prod\
> **Severity:** critical\
> PagerDuty
)");
}

}  // namespace
}  // namespace backscroll::query
