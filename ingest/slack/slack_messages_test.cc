#include "ingest/slack/slack_messages.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/ingest_test_util.h"

namespace backscroll::ingest::slack {
namespace {

NameDirectory test_names() {
  NameDirectory names;
  names.add_user({core::UserId("U1"), "al", "Al A", "Al", false, false});
  names.add_user({core::UserId("U2"), "bo", "", "", false, false});
  core::Conversation c;
  c.id = core::ConversationId("C1");
  c.name = "general";
  names.add_conversation(c);
  return names;
}

// One line per non-default field, in a fixed order.
std::string render(const core::Message& m) {
  std::ostringstream o;
  o << "ts=" << m.ts.str();
  if (m.thread_ts) o << " thread=" << m.thread_ts->str();
  o << " user=" << m.user_id.value << " kind=" << core::message_kind_name(m.kind);
  if (!m.author_name.empty()) o << " author=" << m.author_name;
  if (!m.subtype.empty()) o << " subtype=" << m.subtype;
  if (m.is_bot) o << " bot";
  if (m.hidden) o << " hidden";
  if (m.pinned) o << " pinned";
  if (m.deleted) o << " deleted";
  if (m.edited_ts) o << " edited=" << m.edited_ts->str();
  if (m.reply_count) o << " replies=" << m.reply_count;
  o << "\n";
  if (!m.raw_text.empty()) o << "raw: " << m.raw_text << "\n";
  if (!m.text.empty()) o << "text: " << m.text << "\n";
  if (!m.blocks_text.empty()) o << "blocks: " << m.blocks_text << "\n";
  for (const auto& a : m.attachments) {
    o << "att: " << a.pretext << "|" << a.author_name << "|" << a.title << "|" << a.title_link
      << "|" << a.text << "|" << a.fallback << "|";
    for (const auto& f : a.fields) o << f.title << "=" << f.value << ";";
    o << "|" << a.footer << "|" << a.from_url << "\n";
  }
  for (const auto& f : m.files)
    o << "file: " << f.id << "|" << f.name << "|" << f.title << "|" << f.filetype << "|"
      << f.preview << "\n";
  for (const auto& r : m.reactions) {
    o << "reaction: " << r.name << " " << r.count;
    for (const auto& u : r.users) o << " " << u.value;
    o << "\n";
  }
  for (const auto& l : m.links) o << "link: " << l << "\n";
  return o.str();
}

std::string render_all(const DayFile& file) {
  std::string out;
  for (const auto& m : file.messages) {
    EXPECT_EQ(m.conversation_id.value, "C1");
    out += render(m);
  }
  return out;
}

struct MessageCase {
  const char* name;
  const char* json;  // One message object.
  const char* expected;
};

TEST(SlackMessagesTest, MappingTable) {
  const MessageCase
      cases[] =
          {
              {"plain",
               R"({"type":"message","user":"U1","text":"hi <@U2> &amp; *you*","ts":"1600000000.000100","client_msg_id":"x"})",
               "ts=1600000000.000100 user=U1 kind=plain\nraw: hi <@U2> &amp; *you*\ntext: hi @bo & "
               "you\n"},
              {"thread parent",
               R"({"user":"U1","text":"q","ts":"1600000000.000200","thread_ts":"1600000000.000200","reply_count":2,"replies":[{"user":"U2","ts":"1600000001.000000"}],"reply_users":["U2"],"latest_reply":"1600000001.000000"})",
               "ts=1600000000.000200 thread=1600000000.000200 user=U1 kind=plain replies=2\nraw: "
               "q\ntext: q\n"},
              {"thread reply",
               R"({"user":"U2","text":"a","ts":"1600000001.000000","thread_ts":"1600000000.000200","parent_user_id":"U1"})",
               "ts=1600000001.000000 thread=1600000000.000200 user=U2 kind=plain\nraw: a\ntext: "
               "a\n"},
              {"thread_broadcast",
               R"({"subtype":"thread_broadcast","text":"all see","user":"U2","ts":"1600000002.000000","thread_ts":"1600000000.000200","root":{"text":"q","user":"U1","ts":"1600000000.000200","thread_ts":"1600000000.000200"}})",
               "ts=1600000002.000000 thread=1600000000.000200 user=U2 kind=thread_broadcast "
               "subtype=thread_broadcast\nraw: all see\ntext: all see\n"},
              {"join",
               R"({"user":"U2","text":"<@U2> has joined the channel","type":"message","subtype":"channel_join","ts":"1600000003.000000","inviter":"U1"})",
               "ts=1600000003.000000 user=U2 kind=join subtype=channel_join\nraw: <@U2> has joined "
               "the channel\ntext: @bo has joined the channel\n"},
              {"leave",
               R"({"user":"U2","text":"<@U2> has left the channel","subtype":"channel_leave","ts":"1600000004"})",
               "ts=1600000004 user=U2 kind=leave subtype=channel_leave\nraw: <@U2> has left the "
               "channel\ntext: @bo has left the channel\n"},
              {"bot_add",
               R"({"text":"added an integration to this channel: <https://x.slack.com/services/B1|github>","bot_id":"B1","type":"message","subtype":"bot_add","user":"U1","ts":"1452988746.000017"})",
               "ts=1452988746.000017 user=U1 kind=join subtype=bot_add\nraw: added an integration "
               "to this channel: <https://x.slack.com/services/B1|github>\ntext: added an "
               "integration to this channel: github (https://x.slack.com/services/B1)\nlink: "
               "https://x.slack.com/services/B1\n"},
              {"bot_message with attachments only",
               R"({"text":"","bot_id":"B0JL6RASU","attachments":[{"fallback":"[enrique:master] <https://github.com/o/c/1|1 new commit> by hfaran","text":"<https://github.com/o/c/1|b698a38>: Implement killTask - hfaran","pretext":"[enrique:master] 1 new commit by hfaran:","id":1,"color":"4183C4","mrkdwn_in":["text","pretext"]}],"type":"message","subtype":"bot_message","ts":"1459154014.000018"})",
               "ts=1459154014.000018 user=B0JL6RASU kind=bot subtype=bot_message bot\natt: "
               "[enrique:master] 1 new commit by hfaran:||||b698a38 (https://github.com/o/c/1): "
               "Implement killTask - hfaran|[enrique:master] 1 new commit "
               "(https://github.com/o/c/1) by hfaran|||\nlink: https://github.com/o/c/1\n"},
              {"alert bot with fields, footer, webhook name",
               R"({"subtype":"bot_message","username":"PagerDuty","bot_id":"B9","text":"","ts":"1600000005.000000","attachments":[{"title":"Disk full on db-1","title_link":"https://pd.example/i/1","text":"Usage 99%","fields":[{"title":"Severity","value":"critical","short":true},{"title":"Service","value":"<https://pd.example/s|db>"}],"footer":"PagerDuty","fallback":"Disk full"}]})",
               "ts=1600000005.000000 user=B9 kind=bot author=PagerDuty subtype=bot_message "
               "bot\natt: ||Disk full on db-1|https://pd.example/i/1|Usage 99%|Disk "
               "full|Severity=critical;Service=db (https://pd.example/s);|PagerDuty|\nlink: "
               "https://pd.example/s\nlink: https://pd.example/i/1\n"},
              {"app post with blocks",
               R"({"type":"message","user":"U9","text":"*Maybe* has a polly for you!","ts":"1737160363.583369","bot_id":"B089","bot_profile":{"id":"B089","name":"Polly","icons":{}},"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*Test Poll #406*","verbatim":true},"accessory":{"type":"overflow","options":[{"text":{"type":"plain_text","text":"Settings"}}]}},{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Monday"}}]},{"type":"section","fields":[{"type":"mrkdwn","text":"Monday <@U1>"},{"type":"mrkdwn","text":"Tuesday"}]},{"type":"header","text":{"type":"plain_text","text":"has a polly"}},{"type":"context","elements":[{"type":"image","image_url":"x"},{"type":"mrkdwn","text":"Created by <@U2> with <https://polly.ai|Polly>"}]},{"type":"rich_text","elements":[{"type":"rich_text_section","elements":[{"type":"text","text":"a < b "},{"type":"user","user_id":"U1"},{"type":"text","text":" "},{"type":"link","url":"https://l.io"},{"type":"emoji","name":"tada"}]},{"type":"rich_text_list","elements":[{"type":"rich_text_section","elements":[{"type":"text","text":"one"}]},{"type":"rich_text_section","elements":[{"type":"broadcast","range":"here"}]}]}]}]})",
               "ts=1737160363.583369 user=U9 kind=bot author=Polly bot\nraw: *Maybe* has a polly "
               "for you!\ntext: Maybe has a polly for you!\nblocks: Test Poll #406\nMonday "
               "@Al\nTuesday\nCreated by @bo with Polly (https://polly.ai)\na < b @Al "
               "https://l.io:tada:\none\n@here\nlink: https://polly.ai\nlink: https://l.io\n"},
              {"human message ignores blocks",
               R"({"user":"U1","text":"str) -&gt; str","ts":"1600000006.000000","blocks":[{"type":"rich_text","elements":[{"type":"rich_text_preformatted","elements":[{"type":"text","text":"str) -> str"}]}]}]})",
               "ts=1600000006.000000 user=U1 kind=plain\nraw: str) -&gt; str\ntext: str) -> str\n"},
              {"empty text takes blocks",
               R"({"user":"U1","text":"","ts":"1600000007.000000","blocks":[{"type":"rich_text","elements":[{"type":"rich_text_quote","elements":[{"type":"text","text":"quoted <b>"},{"type":"channel","channel_id":"C1"}]}]}]})",
               "ts=1600000007.000000 user=U1 kind=plain\nblocks: quoted <b>#general\n"},
              {"file_share modern",
               R"({"type":"message","text":"","files":[{"id":"F1","name":"a.png","title":"A picture","mimetype":"image/png","filetype":"png","url_private":"https://files/x?t=xoxe-1"},{"id":"F2","mode":"tombstone"},{"id":"F3","name":"s.json","title":"snippet","filetype":"json","preview":"{\"a\": 1}"}],"upload":false,"user":"U1","display_as_bot":false,"ts":"1600000008.000000","subtype":"file_share"})",
               "ts=1600000008.000000 user=U1 kind=file_share subtype=file_share\nfile: F1|a.png|A "
               "picture|png|\nfile: F2||||\nfile: F3|s.json|snippet|json|{\"a\": 1}\n"},
              {"file_share legacy file",
               R"({"type":"message","subtype":"file_share","text":"<@U1> uploaded a file: <https://x.slack.com/files/U1/F0V/c.js|100 cities>","file":{"id":"F0V","name":"100_cities.js","title":"100 cities","filetype":"javascript","created":"1459052866","initial_comment":{"comment":"x"}},"user":"U1","upload":true,"display_as_bot":false,"username":"doubledeez","bot_id":null,"ts":"1459052866.000012"})",
               "ts=1459052866.000012 user=U1 kind=file_share subtype=file_share\nraw: <@U1> "
               "uploaded a file: <https://x.slack.com/files/U1/F0V/c.js|100 cities>\ntext: @Al "
               "uploaded a file: 100 cities (https://x.slack.com/files/U1/F0V/c.js)\nfile: "
               "F0V|100_cities.js|100 cities|javascript|\nlink: "
               "https://x.slack.com/files/U1/F0V/c.js\n"},
              {"edited",
               R"({"user":"U1","text":"fixed","ts":"1600000009.000000","edited":{"user":"U1","ts":"1600000010.000000"}})",
               "ts=1600000009.000000 user=U1 kind=plain edited=1600000010.000000\nraw: "
               "fixed\ntext: fixed\n"},
              {"reactions with string count",
               R"({"user":"U1","text":"yay","ts":"1600000011.000000","reactions":[{"name":"+1::skin-tone-2","users":["U1","U2"],"count":"3"},{"name":"botman","users":null,"count":1}]})",
               "ts=1600000011.000000 user=U1 kind=plain\nraw: yay\ntext: yay\nreaction: "
               "+1::skin-tone-2 3 U1 U2\nreaction: botman 1\n"},
              {"pinned",
               R"({"user":"U1","text":"pin me","ts":"1600000012.000000","pinned_to":["C1"],"pinned_info":{"C1":{"pinned_by":"U2"}}})",
               "ts=1600000012.000000 user=U1 kind=plain pinned\nraw: pin me\ntext: pin me\n"},
              {"not pinned when pinned_to is empty",
               R"({"user":"U1","text":"x","ts":"1600000013.000000","pinned_to":[]})",
               "ts=1600000013.000000 user=U1 kind=plain\nraw: x\ntext: x\n"},
              {"tombstone",
               R"({"type":"message","subtype":"tombstone","text":"This message was deleted.","user":"USLACKBOT","hidden":true,"ts":"1736478630.905399","thread_ts":"1736478630.905399","reply_count":"1"})",
               "ts=1736478630.905399 thread=1736478630.905399 user=USLACKBOT kind=tombstone "
               "subtype=tombstone hidden deleted replies=1\nraw: This message was deleted.\ntext: "
               "This "
               "message was deleted.\n"},
              {"unknown subtype",
               R"({"subtype":"huddle_thread","user":"U2","text":"Huddle","ts":"1600000014.000000"})",
               "ts=1600000014.000000 user=U2 kind=other subtype=huddle_thread\nraw: Huddle\ntext: "
               "Huddle\n"},
              {"me_message",
               R"({"subtype":"me_message","user":"U2","text":"waves","ts":"1600000015.000000"})",
               "ts=1600000015.000000 user=U2 kind=me subtype=me_message\nraw: waves\ntext: "
               "waves\n"},
              {"channel_topic",
               R"({"subtype":"channel_topic","user":"U2","text":"set the topic","topic":"x","ts":"1600000016.000000"})",
               "ts=1600000016.000000 user=U2 kind=channel_event subtype=channel_topic\nraw: set "
               "the topic\ntext: set the topic\n"},
              {"pinned_item",
               R"({"subtype":"pinned_item","user":"U2","text":"pinned a message","ts":"1600000017.000000","item_type":"C"})",
               "ts=1600000017.000000 user=U2 kind=pinned subtype=pinned_item\nraw: pinned a "
               "message\ntext: pinned a message\n"},
              {"go escaping and nulls",
               R"({"user":"U1","text":"\u003c@U2\u003e \u0026amp; \u003chttps://a.io\u003e","ts":"1600000018.000000","blocks":null,"attachments":null,"files":[],"edited":[],"bot_id":null,"metadata":{"event_type":"","event_payload":null},"replace_original":false})",
               "ts=1600000018.000000 user=U1 kind=plain\nraw: <@U2> &amp; <https://a.io>\ntext: "
               "@bo & https://a.io\nlink: https://a.io\n"},
              {"username only",
               R"({"subtype":"bot_message","username":"old-hook","text":"ping","ts":"1600000019.000000"})",
               "ts=1600000019.000000 user=old-hook kind=bot author=old-hook subtype=bot_message "
               "bot\nraw: ping\ntext: ping\n"},
              {"numeric ts", R"({"user":"U1","text":"n","ts":1600000020.5})",
               "ts=1600000020.5 user=U1 kind=plain\nraw: n\ntext: n\n"},
          };
  NameDirectory names = test_names();
  MessageReader reader(names);
  for (const MessageCase& c : cases) {
    DayFile file;
    auto r = reader.read_json(std::string("[") + c.json + "]", core::ConversationId("C1"), file);
    ASSERT_TRUE(r) << c.name << ": " << r.error().describe();
    EXPECT_EQ(file.skipped, 0u) << c.name;
    EXPECT_EQ(render_all(file), c.expected) << c.name;
  }
}

TEST(SlackMessagesTest, SkippedEntries) {
  NameDirectory names = test_names();
  MessageReader reader(names);
  DayFile file;
  auto r = reader.read_json(R"([
    {"user":"U1","text":"kept","ts":"1600000000.000001"},
    {"user":"U1","text":"no ts"},
    {"user":"U1","text":"bad ts","ts":"yesterday"},
    {"user":"U1","text":"empty ts","ts":""},
    {"subtype":"message_changed","message":{"text":"x"},"ts":"1600000000.000002"},
    {"subtype":"message_deleted","deleted_ts":"1","ts":"1600000000.000003"},
    {"user":"U1","text":"bad thread","ts":"1600000000.000004","thread_ts":"soon"}
  ])",
                            core::ConversationId("C1"), file);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(render_all(file),
            "ts=1600000000.000001 user=U1 kind=plain\nraw: kept\ntext: kept\n"
            "ts=1600000000.000004 user=U1 kind=plain\nraw: bad thread\ntext: bad thread\n");
  EXPECT_EQ(file.skipped, 5u);
  EXPECT_EQ(file.warnings, std::vector<std::string>{
                               "1 message(s) with an invalid thread_ts: kept outside threads"});
}

TEST(SlackMessagesTest, DuplicateTsKeepsTheLast) {
  NameDirectory names = test_names();
  MessageReader reader(names);
  DayFile file;
  auto r = reader.read_json(R"([
    {"user":"U1","text":"b","ts":"1600000000.000002"},
    {"user":"U1","text":"a","ts":"1600000000.000001"},
    {"user":"U1","text":"b2","ts":"1600000000.000002"}
  ])",
                            core::ConversationId("C1"), file);
  ASSERT_TRUE(r);
  EXPECT_EQ(render_all(file),
            "ts=1600000000.000001 user=U1 kind=plain\nraw: a\ntext: a\n"
            "ts=1600000000.000002 user=U1 kind=plain\nraw: b2\ntext: b2\n");
  EXPECT_EQ(file.skipped, 1u);
  EXPECT_EQ(file.warnings,
            std::vector<std::string>{"1 message(s) repeat an earlier ts: the last one was kept"});
}

TEST(SlackMessagesTest, ProfileSnapshotsNameUnknownAuthors) {
  NameDirectory names = test_names();
  MessageReader reader(names);
  DayFile file;
  auto r = reader.read_json(R"([
    {"user":"U9","text":"a","ts":"1600000000.000001",
     "user_profile":{"name":"guest","real_name":"Gina Guest","display_name":"Gina","team":"T2"}},
    {"user":"U9","text":"b","ts":"1600000000.000002",
     "user_profile":{"name":"guest2","real_name":"Renamed","display_name":""}},
    {"user":"U1","text":"c","ts":"1600000000.000003",
     "user_profile":{"name":"stale","real_name":"Stale Name","display_name":""}},
    {"user":"U8","text":"d","ts":"1600000000.000004","user_profile":{"team":"T2"}},
    {"user":"U7","text":"e","ts":"1600000000.000005","user_profile":null}
  ])",
                            core::ConversationId("C1"), file);
  ASSERT_TRUE(r) << r.error().describe();
  // U9 from its first message; U1 is known (its users.json entry wins); U8's and U7's
  // snapshots name nobody.
  ASSERT_EQ(file.profile_users.size(), 1u);
  EXPECT_EQ(file.profile_users[0],
            (core::User{core::UserId("U9"), "guest", "Gina Guest", "Gina", false, false, {}}));
  EXPECT_EQ(file.messages.size(), 5u);

  DayFile broken;
  ASSERT_FALSE(reader.read_json(
      R"([{"user":"U9","text":"a","ts":"1600000000.000001","user_profile":{"name":"g"}}, 7])",
      core::ConversationId("C1"), broken));
  EXPECT_TRUE(broken.profile_users.empty());  // Nothing from a file that failed.
}

TEST(SlackMessagesTest, MalformedFiles) {
  struct Case {
    const char* json;
    const char* message;
    std::optional<std::uint64_t> offset;
  };
  const Case cases[] = {
      {R"([{"user":"U1","text":{"a":1},"ts":"1"}])",
       "field \"text\": expected a string, got an object", 21},
      {R"([{"user":"U1","ts":"1"}, 5])", "a message is not a JSON object", 25},
      {R"([{"user":"U1","ts":"1","reactions":{"name":"x"}}])",
       "field \"reactions\": expected an array, got an object", 36},
      {R"([{"user":"U1","ts":"1","blocks":[{"type":"section","text":{"type":"mrkdwn","text":[1]}}]}])",
       "blocks: field \"text\": expected a string, got an array", 82},
      {R"({"user":"U1"})", "The JSON element does not have the requested type.", 0},
      {R"([{"user":"U1","ts":"1"},)",
       "JSON document ended early in the middle of an object or array.", 24},
      {R"([{"user":"U1","ts":"1"}, {"user":"U2","ts":"2")",
       "JSON document ended early in the middle of an object or array.", 46},
      {R"([{"user":"U1","ts":"1"}, {"user":"U2","ts":"2)", "A string is opened, but never closed.",
       45},
      {R"([{"user":"U1","ts":"1"}] [])", "trailing content after the JSON value", 25},
      {"[{\"user\":\"U1\",\"text\":\"\xff\",\"ts\":\"1\"}]", "not valid UTF-8", 22},
      {"", "Empty: no JSON found", std::nullopt},
  };
  NameDirectory names = test_names();
  MessageReader reader(names);
  for (const Case& c : cases) {
    DayFile file;
    file.messages.resize(1);  // Left untouched on error.
    auto r = reader.read_json(c.json, core::ConversationId("C1"), file);
    ASSERT_FALSE(r) << c.json;
    EXPECT_EQ(r.error().code, core::ErrorCode::kBadInput) << c.json;
    if (c.message != nullptr) {
      EXPECT_EQ(r.error().message, c.message) << c.json;
      EXPECT_EQ(r.error().where.offset, c.offset) << c.json;
    }
    EXPECT_EQ(file.messages.size(), 1u);
    EXPECT_EQ(file.skipped, 0u);
  }
  // Nesting the blocks reader would recurse into, refused before parsing.
  DayFile file;
  auto deep =
      reader.read_json("[{\"blocks\":" + std::string(1100, '[') + std::string(1100, ']') + "}]",
                       core::ConversationId("C1"), file);
  ASSERT_FALSE(deep);
  EXPECT_EQ(deep.error().message, "nested deeper than 1024 levels");
  EXPECT_EQ(deep.error().where.offset, 1033u);
}

std::string read_fixture(const std::string& name) {
  std::ifstream in(testing::slack_fixture("zulip/slack_fixtures/exported_messages_fixtures") /
                   name);
  std::stringstream s;
  s << in.rdbuf();
  std::string json = s.str();
  // Most files hold one message object; a day file is an array.
  return json.starts_with('{') ? "[" + json + "]" : json;
}

TEST(SlackMessagesTest, ZulipExportedMessages) {
  struct Case {
    const char* file;
    const char* expected;
  };
  const Case cases[] = {
      {"thread_with_broadcast_reply.json",
       "ts=1434139102.000002 thread=1434139102.000002 user=U061A5N1G kind=plain\nraw: thread "
       "message\ntext: thread message\n"
       "ts=1434139103.000002 thread=1434139102.000002 user=U061A1R2R kind=plain\nraw: first "
       "reply\ntext: first reply\n"
       "ts=1434139104.000002 thread=1434139102.000002 user=U061A1R2R kind=thread_broadcast "
       "subtype=thread_broadcast\nraw: everyone should see this\ntext: everyone should see this\n"},
      {"message_with_variety_files_and_rich_text.json",
       "ts=1772636065.551219 user=U06NU4E26M9 kind=plain\n"
       "raw: message with *files  <@U074VRHQ11T>* \n"
       "F07A32DC2GG\n"
       "text: message with files  @U074VRHQ11T \n"
       "F07A32DC2GG\n"
       "file: F07A32DC2GG|Untitled|Weekly Sync|quip|\n"
       "file: F07A2TVQ7C0|channels.json|channels.json|json|\n"},
      {"message_with_varying_block_types.json",
       "ts=1776874317.427959 user=U06NU4E26M9 kind=plain\n"
       "raw: Hello there, I am a basic rich text block! Hello there, *I am a bold rich text "
       "block!* This is a mrkdwn section block :ghost: *this is bold*, and ~this is crossed out~, "
       "and <https://google.com|this is a link> This is a header block, with interactive elements\n"
       "text: Hello there, I am a basic rich text block! Hello there, I am a bold rich text block! "
       "This is a mrkdwn section block :ghost: this is bold, and this is crossed out, and this is "
       "a link (https://google.com) This is a header block, with interactive elements\n"
       "link: https://google.com\n"},
      {"message_with_channel_mentions.json",
       "ts=1772112421.729059 user=U06NU4E26M9 kind=plain\n"
       "raw: <#C079A3FA12P> <#C0AHX20ADQQ|rich-text-blocks> <#C06P6T3QGD7|general>\n"
       "text: #C079A3FA12P #rich-text-blocks #general\n"},
      {"message_with_workspace_mentions.json",
       "ts=1772112449.216879 user=U06NU4E26M9 kind=plain\n"
       "raw: <!channel> _*<!here>*_ test mention\n"
       "text: @channel @here test mention\n"},
      {"message_with_emojis.json",
       "ts=1772029104.463999 user=U06NU4E26M9 kind=plain\n"
       "raw: Hello there! Here are some emojis :basketball: :snowboarder: :checkered_flag:\n"
       "text: Hello there! Here are some emojis :basketball: :snowboarder: :checkered_flag:\n"},
      {"message_with_links.json",
       "ts=1772029188.953659 user=U06NU4E26M9 kind=plain\n"
       "raw: <https://chat.zulip.org/|Text with a link>\n"
       "*<https://chat.zulip.org/|Text with a link>*\n"
       "_<https://chat.zulip.org/|Text with a link>_\n"
       "<https://chat.zulip.org/|Text with a link>\n"
       "~<https://chat.zulip.org/|Text with a link>~\n"
       "text: Text with a link (https://chat.zulip.org/)\n"
       "Text with a link (https://chat.zulip.org/)\n"
       "Text with a link (https://chat.zulip.org/)\n"
       "Text with a link (https://chat.zulip.org/)\n"
       "Text with a link (https://chat.zulip.org/)\n"
       "att: ||Public view of Zulip Community | Zulip team chat|https://chat.zulip.org/|Browse the "
       "publicly accessible channels in Zulip Community without logging in.|Zulip: Public view of "
       "Zulip Community | Zulip team chat|||https://chat.zulip.org/\n"
       "link: https://chat.zulip.org/\n"},
      {"message_with_code_block.json",
       "ts=1772029642.852459 user=U06NU4E26M9 kind=plain\n"
       "raw: ```# I'm a code block!\n"
       "\n"
       "def convert_slack_formatting(text: str) -&gt; str:\n"
       "    return text```\n"
       "text: ```# I'm a code block!\n"
       "\n"
       "def convert_slack_formatting(text: str) -> str:\n"
       "    return text```\n"},
      {"message_with_quote_block.json",
       "ts=1772029790.709499 user=U06NU4E26M9 kind=plain\n"
       "raw: &gt; Hello there, I am a rich text section block!\n"
       "&gt; *Hello there, I am a rich text section block!*\n"
       "&gt; ~_*`Hello there, I am a rich text section block!`*_~\n"
       "text: > Hello there, I am a rich text section block!\n"
       "> Hello there, I am a rich text section block!\n"
       "> `Hello there, I am a rich text section block!`\n"},
      {"message_with_nested_unordered_list.json",
       "ts=1772029387.573109 user=U06NU4E26M9 kind=plain\n"
       "raw: unordered list with subitems:\n"
       "\xE2\x80\xA2 main item 1\n"
       "    a. nested item 1\n"
       "    b. nested item 2\n"
       "    c. nested item 3\n"
       "\xE2\x80\xA2 main item 2\n"
       "    a. nested item 1\n"
       "\n"
       "text: unordered list with subitems:\n"
       "\xE2\x80\xA2 main item 1\n"
       "    a. nested item 1\n"
       "    b. nested item 2\n"
       "    c. nested item 3\n"
       "\xE2\x80\xA2 main item 2\n"
       "    a. nested item 1\n"
       "\n"},
  };
  NameDirectory names = test_names();
  MessageReader reader(names);
  for (const Case& c : cases) {
    DayFile file;
    auto r = reader.read_json(read_fixture(c.file), core::ConversationId("C1"), file);
    ASSERT_TRUE(r) << c.file << ": " << r.error().describe();
    EXPECT_EQ(render_all(file), c.expected) << c.file;
  }
}

}  // namespace
}  // namespace backscroll::ingest::slack
