// The merge rules of store/merge.h, one case per line.

#include "store/merge.h"

#include <gtest/gtest.h>

namespace backscroll::store {
namespace {

using core::Message;
using core::MessageKind;
using core::SlackTs;

Message msg(const char* text, const char* edited = nullptr, bool tombstone = false) {
  Message m;
  m.conversation_id = core::ConversationId("C1");
  m.ts = *SlackTs::parse("100.000001");
  m.raw_text = text;
  m.text = text;
  if (edited) m.edited_ts = SlackTs::parse(edited);
  if (tombstone) {
    m.kind = MessageKind::kTombstone;
    m.subtype = "tombstone";
    m.hidden = true;
    m.deleted = true;
  }
  return m;
}

struct Case {
  const char* name;
  Message stored;
  Message incoming;
  std::string kept_text;
  bool kept_deleted;
  std::string version_text;  // "" when no version is kept.
};

TEST(MergeMessage, Table) {
  Message reacted = msg("hi");
  reacted.reactions.push_back({"+1", 1, {core::UserId("U1")}});
  Message deleted_hi = msg("hi");
  deleted_hi.deleted = true;
  const Case cases[] = {
      {"same", msg("hi"), msg("hi"), "hi", false, ""},
      {"edit replaces, keeps old", msg("hi"), msg("hello", "200.0"), "hello", false, "hi"},
      {"second edit", msg("hello", "200.0"), msg("hey", "300.0"), "hey", false, "hello"},
      {"older copy later", msg("hey", "300.0"), msg("hello", "200.0"), "hey", false, "hello"},
      {"unedited copy later", msg("hey", "300.0"), msg("hi"), "hey", false, "hi"},
      {"reaction only", msg("hi"), reacted, "hi", false, ""},
      {"tombstone over text", msg("hi"), msg("This message was deleted.", nullptr, true), "hi",
       true, ""},
      {"text over tombstone", msg("gone", nullptr, true), msg("hi"), "hi", true, ""},
      {"deleted stays deleted", deleted_hi, msg("hi"), "hi", true, ""},
      {"edit of deleted", deleted_hi, msg("ho", "5.0"), "ho", true, "hi"},
  };
  for (const Case& c : cases) {
    MessageMerge m = merge_message(c.stored, c.incoming);
    EXPECT_EQ(m.message.raw_text, c.kept_text) << c.name;
    EXPECT_EQ(m.message.deleted, c.kept_deleted) << c.name;
    EXPECT_EQ(m.version ? m.version->raw_text : "", c.version_text) << c.name;
  }
  EXPECT_EQ(merge_message(msg("hi"), reacted).message.reactions.size(), 1u);
  // The tombstone's own kind and flags do not leak into the kept message.
  MessageMerge t = merge_message(msg("hi"), msg("x", nullptr, true));
  EXPECT_EQ(t.message.kind, MessageKind::kPlain);
  EXPECT_FALSE(t.message.hidden);
}

core::Conversation conv(const char* name, std::vector<std::string> former = {}) {
  core::Conversation c;
  c.id = core::ConversationId("C1");
  c.name = name;
  c.former_names = std::move(former);
  return c;
}

TEST(MergeConversation, KeepsFormerNamesOncePerName) {
  using V = std::vector<std::string>;
  EXPECT_EQ(merge_conversation(conv("a"), conv("a")).former_names, V{});
  EXPECT_EQ(merge_conversation(conv("a"), conv("b")).former_names, V{"a"});
  EXPECT_EQ(merge_conversation(conv("b", {"a"}), conv("c")).former_names, (V{"a", "b"}));
  EXPECT_EQ(merge_conversation(conv("b", {"a"}), conv("a")).former_names, V{"b"});
  EXPECT_EQ(merge_conversation(conv("c", {"a", "b"}), conv("c")).former_names, (V{"a", "b"}));
  EXPECT_EQ(merge_conversation(conv("b", {"a"}), conv("b")).name, "b");
}

TEST(MergeUser, KeepsEveryNameNoLongerCurrent) {
  core::User old_user;
  old_user.id = core::UserId("U1");
  old_user.name = "jo";
  old_user.display_name = "Jo";
  old_user.real_name = "Jo Smith";
  core::User renamed = old_user;
  renamed.name = "jo.b";
  renamed.real_name = "Jo Brown";
  EXPECT_EQ(merge_user(old_user, renamed).former_names,
            (std::vector<std::string>{"jo", "Jo Smith"}));
  EXPECT_EQ(merge_user(old_user, old_user).former_names, std::vector<std::string>{});
}

}  // namespace
}  // namespace backscroll::store
