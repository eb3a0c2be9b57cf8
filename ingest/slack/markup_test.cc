#include "ingest/slack/markup.h"

#include <gtest/gtest.h>

namespace backscroll::ingest::slack {
namespace {

NameDirectory test_names() {
  NameDirectory names;
  core::User bastian;
  bastian.id = core::UserId("U1");
  bastian.name = "bastian";
  bastian.display_name = "Basti";
  names.add_user(bastian);
  core::User handle_only;
  handle_only.id = core::UserId("U2");
  handle_only.name = "carol";
  names.add_user(handle_only);
  core::Conversation general;
  general.id = core::ConversationId("C1");
  general.name = "general";
  names.add_conversation(general);
  return names;
}

struct MarkupCase {
  const char* input;
  const char* text;
  std::vector<std::string> links;
};

TEST(MarkupTest, Table) {
  const MarkupCase cases[] = {
      {"", "", {}},
      {"plain words", "plain words", {}},
      // Users.
      {"<@U1> said hi", "@Basti said hi", {}},
      {"<@U2>", "@carol", {}},
      {"<@U9> unknown", "@U9 unknown", {}},
      {"<@U9|dora>", "@dora", {}},
      {"<@U1|old-name>", "@old-name", {}},
      {"<@U1> has joined the channel", "@Basti has joined the channel", {}},
      // Channels.
      {"see <#C1>", "see #general", {}},
      {"see <#C1|renamed>", "see #renamed", {}},
      {"see <#C7>", "see #C7", {}},
      {"<#C7|random> and <#C1>", "#random and #general", {}},
      // Special mentions.
      {"<!here> look", "@here look", {}},
      {"<!channel>", "@channel", {}},
      {"<!everyone>", "@everyone", {}},
      {"<!here|here>", "@here", {}},
      {"<!here|@here>", "@here", {}},
      {"*<!channel>*", "@channel", {}},
      {"<!subteam^S1|@team>", "@team", {}},
      {"<!subteam^S1|team>", "@team", {}},
      {"<!subteam^S1>", "@S1", {}},
      {"<!date^1392734382^{date_short}|Feb 18, 2014>", "Feb 18, 2014", {}},
      {"<!date^1392734382^{date_short}>", "1392734382", {}},
      {"<!foo|bar>", "bar", {}},
      {"<!foo>", "foo", {}},
      // Links.
      {"<https://example.com>", "https://example.com", {"https://example.com"}},
      {"<https://example.com|the site>", "the site (https://example.com)", {"https://example.com"}},
      {"<https://example.com|https://example.com>", "https://example.com", {"https://example.com"}},
      {"<http://example.com|example.com>", "http://example.com", {"http://example.com"}},
      {"<https://x.io?a=1&amp;b=2|a &amp; b>",
       "a & b (https://x.io?a=1&b=2)",
       {"https://x.io?a=1&b=2"}},
      {"<mailto:a@b.c|a@b.c>", "a@b.c", {"mailto:a@b.c"}},
      {"<mailto:a@b.c>", "a@b.c", {"mailto:a@b.c"}},
      {"<mailto:a@b.c|Mail me>", "Mail me (a@b.c)", {"mailto:a@b.c"}},
      {"<https://a.io> <https://b.io> <https://a.io>",
       "https://a.io https://b.io https://a.io",
       {"https://a.io", "https://b.io"}},
      {"<https://github.com/o/r/commit/b698a38|b698a38>: fix",
       "b698a38 (https://github.com/o/r/commit/b698a38): fix",
       {"https://github.com/o/r/commit/b698a38"}},
      {"*<https://chat.zulip.org/|Text with a link>*",
       "Text with a link (https://chat.zulip.org/)",
       {"https://chat.zulip.org/"}},
      {"<|label only>", "label only", {}},
      // Entities: only three are decoded.
      {"a &amp; b &lt;3 &gt; c", "a & b <3 > c", {}},
      {"&quot;quoted&quot; &amp;amp;", "&quot;quoted&quot; &amp;", {}},
      {"&amp", "&amp", {}},
      {"AT&T", "AT&T", {}},
      {"str) -&gt; str", "str) -> str", {}},
      // Malformed markup stays text.
      {"a < b", "a < b", {}},
      {"<", "<", {}},
      {"<>", "<>", {}},
      {"x <> y", "x <> y", {}},
      {"<@U1", "<@U1", {}},
      {"<<@U1>>", "<@Basti>", {}},
      {"<a\nb>", "<a\nb>", {}},
      {"trailing >", "trailing >", {}},
      // Styling.
      {"*bold* _italic_ ~strike~", "bold italic strike", {}},
      {"~*_random_*~", "random", {}},
      {"bold and italic ~*_random_*~ while", "bold and italic random while", {}},
      {"(*x*)", "(x)", {}},
      {"*two words*.", "two words.", {}},
      {"snake_case_name", "snake_case_name", {}},
      {"2*3*4", "2*3*4", {}},
      {"a * b * c", "a * b * c", {}},
      {"* bullet", "* bullet", {}},
      {"*unclosed", "*unclosed", {}},
      {":white_check_mark: :+1::skin-tone-2:", ":white_check_mark: :+1::skin-tone-2:", {}},
      {"`*code*` and *bold*", "`*code*` and bold", {}},
      {"```\n*not bold*\n``` *bold*", "```\n*not bold*\n``` bold", {}},
      {"*line\nbreak*", "*line\nbreak*", {}},
      {"~_*`styled code`*_~", "`styled code`", {}},
      {"*a `b* c` d", "*a `b* c` d", {}},
      {"*a `unclosed b*", "*a `unclosed b*", {}},
      {"_a_b_", "a_b", {}},
      {"&gt; *quoted*", "> quoted", {}},
      {"Rishi \xe0\xa4\xb9\xe0\xa4\xbf *\xe6\x97\xa5*",
       "Rishi \xe0\xa4\xb9\xe0\xa4\xbf \xe6\x97\xa5",
       {}},
  };
  NameDirectory names = test_names();
  for (const MarkupCase& c : cases) {
    std::vector<std::string> links;
    EXPECT_EQ(mrkdwn_to_text(c.input, names, &links), c.text) << "input: " << c.input;
    EXPECT_EQ(links, c.links) << "input: " << c.input;
  }
}

TEST(MarkupTest, AppendsAfterExistingText) {
  NameDirectory names = test_names();
  std::string out = "*kept* ";
  append_mrkdwn_text("*new*", names, out, nullptr);
  EXPECT_EQ(out, "*kept* new");
}

TEST(MarkupTest, StripStylingAlone) {
  std::string s = "_it_ and *b*";
  strip_styling(s);
  EXPECT_EQ(s, "it and b");
}

}  // namespace
}  // namespace backscroll::ingest::slack
