#include "ingest/slack/markup_markdown.h"

#include <gtest/gtest.h>

namespace backscroll::ingest::slack {
namespace {

NameDirectory test_names() {
  NameDirectory names;
  core::User bastian;
  bastian.id = core::UserId("U1");
  bastian.name = "bastian";
  names.add_user(bastian);
  names.set_user_name("U2", "Engineer 2");  // An anonymized role wins over the label.
  names.set_user_name("U4", "*star*_x");
  core::Conversation ops;
  ops.id = core::ConversationId("C1");
  ops.name = "ops";
  names.add_conversation(ops);
  return names;
}

struct MarkdownCase {
  const char* input;
  const char* markdown;
};

// Each output was checked with `cmark-gfm -e strikethrough --strikethrough-double-tilde`
// to render as intended.
TEST(MarkupMarkdownTest, Table) {
  const MarkdownCase cases[] = {
      // Plain text and the header's example.
      {"", ""},
      {"plain words", "plain words"},
      {"*Disk full* on <#C1>, <@U1> see <https://x.io?a=1&amp;b=2|the doc> :fire:",
       "**Disk full** on #ops, @bastian see [the doc](https://x.io?a=1&b=2) \xF0\x9F\x94\xA5"},
      // Styling, paired as the plain-text converter pairs it.
      {"*bold* _italic_ ~strike~", "**bold** _italic_ ~~strike~~"},
      {"~*_x_*~", "~~**_x_**~~"},
      {"bold and italic ~*_random_*~ while", "bold and italic ~~**_random_**~~ while"},
      {"(*x*) \"_q_\" [~s~]", "(**x**) \"_q_\" \\[~~s~~\\]"},
      {"*two words*.", "**two words**."},
      {"*<@U1>* and _<https://a.io|the site>_ and ~<#C1>~",
       "**@bastian** and _[the site](https://a.io)_ and ~~#ops~~"},
      {"*unclosed", "\\*unclosed"},
      {"2*3*4", "2\\*3\\*4"},
      {"a * b * c", "a \\* b \\* c"},
      {"snake_case_name", "snake_case_name"},
      {"_a_b_", "_a_b_"},
      {"*line\nbreak*", "\\*line\\\nbreak\\*"},
      // Crossing pairs: the later opened one stays text.
      {"*a _b* c_", "**a \\_b** c\\_"},
      // "****" would fuse: the first pair stays text.
      {"*a**b*", "\\*a\\***b**"},
      // CommonMark's '_' cannot close before an emoji; '*' can.
      {"_b_:fire:", "*b*\xF0\x9F\x94\xA5"},
      // cmark-gfm looks past '~' for the neighbours of '*': no closer before "~~b".
      {"*.,*~b~", "\\*.,\\*~~b~~"},
      {"Rishi \xE0\xA4\xB9\xE0\xA4\xBF *\xE6\x97\xA5*",
       "Rishi \xE0\xA4\xB9\xE0\xA4\xBF **\xE6\x97\xA5**"},
      // Mentions: the directory's name first (here an anonymized role for U2), then the label, then
      // the id.
      {"<@U1> <@U9> <@U9|dora> <@U1|old-name> <@U2|carol>",
       "@bastian @U9 @dora @bastian @Engineer 2"},
      {"<@U4> wrote", "@\\*star\\*\\_x wrote"},
      {"<#C1> <#C7> <#C7|random>", "#ops #C7 #random"},
      {"<!here> <!channel|channel> <!everyone> <!subteam^S1|@team> <!subteam^S1>",
       "@here @channel @everyone @team @S1"},
      {"<!date^1392734382^{date_short}|Feb 18, 2014> <!foo> <|label only>",
       "Feb 18, 2014 foo label only"},
      // Links.
      {"<https://example.com> <https://example.com|https://example.com>",
       "<https://example.com> <https://example.com>"},
      {"<http://example.com|example.com>", "[example.com](http://example.com)"},
      {"<https://x.io?a=1&amp;b=2|a &amp; b>", "[a & b](https://x.io?a=1&b=2)"},
      {"<mailto:a@b.c|a@b.c> <mailto:a@b.c> <mailto:a@b.c|Mail me>",
       "<a@b.c> <a@b.c> [Mail me](mailto:a@b.c)"},
      {"<https://x.io/a b|doc> <https://x.io/a)b|x>",
       "[doc](https://x.io/a%20b) [x](https://x.io/a%29b)"},
      {"<https://en.wikipedia.org/wiki/Foo_(bar)|wiki>",
       "[wiki](https://en.wikipedia.org/wiki/Foo_%28bar%29)"},
      {"<https://x.io/?q=&amp;copy;>", "[https://x.io/?q=\\&copy;](https://x.io/?q=&amp;copy;)"},
      {"<https://x.io|[1]*> <foo|bar>", "[\\[1\\]\\*](https://x.io) [bar](foo)"},
      {"wow!<https://x.io|pic>", "wow\\![pic](https://x.io)"},
      // Malformed markup is escaped text.
      {"a < b, <>, x <> y", "a \\< b, \\<>, x \\<> y"},
      {"<@U1", "\\<@U1"},
      {"<<@U1>>", "\\<@bastian>"},
      {"<a\nb>", "\\<a\\\nb>"},
      {"trailing > and 1 > 0", "trailing > and 1 > 0"},
      // Entities: only three are decoded; what Markdown would decode stays literal.
      {"a &amp; b &lt;3 &gt; c", "a & b \\<3 > c"},
      {"&amp;amp; &quot;q&quot; &copy; &#169; AT&T &amp",
       "\\&amp; \\&quot;q\\&quot; \\&copy; \\&#169; AT&T &amp"},
      {"&lt;b&gt;hi&lt;/b&gt;", "\\<b>hi\\</b>"},
      // Code spans.
      {"`code` and `*x* _y_ <@U1> &lt;b&gt; :fire:`", "`code` and `*x* _y_ @bastian <b> :fire:`"},
      {"x`*y*`*z*", "x`*y*`\\*z\\*"},
      {"` x ` and `  `", "`  x  ` and `  `"},
      {"`a` `", "`a` \\`"},
      {"a `` b *c*", "a \\`\\` b **c**"},
      {"*a `b* c` d", "\\*a `b* c` d"},
      // A code span holding a backtick gets a longer fence.
      {"`x <https://x.io|a`b> y`", "``x a`b (https://x.io) y``"},
      // Code blocks.
      {"```python\nprint(1)\n```", "```python\nprint(1)\n```"},
      {"see ```code``` here", "see\n\n```\ncode\n```\n\nhere"},
      {"```\n*not bold* <@U1> &lt;b&gt; :fire:\n\n  indented\n```",
       "```\n*not bold* @bastian <b> :fire:\n\n  indented\n```"},
      {"```a ``b`` c```", "```\na ``b`` c\n```"},
      {"```a```b```", "```\na\n```\n\nb\\`\\`\\`"},
      {"``````", "```\n```"},
      {"``` *b* _c_", "\\`\\`\\` \\*b\\* \\_c\\_"},
      // Code holding ``` gets a longer fence.
      {"```<https://x.io|a```b>```", "````\na```b (https://x.io)\n````"},
      // Quotes.
      {"&gt; quoted *b*\nnot", "> quoted **b**\n\nnot"},
      {"&gt;&gt;&gt; all\n\xE2\x80\xA2 a\nmore", "> all\n>\n> - a\n>\n> more"},
      {"text\n&gt; q\ntext", "text\n\n> q\n\ntext"},
      {"&gt; a\n&gt;\n&gt; b\n\n&gt; c", "> a\n>\n> b\n\n> c"},
      {"&gt; see ```a b``` ok", "> see\n>\n> ```\n> a b\n> ```\n>\n> ok"},
      {"&gt;no space", "> no space"},
      // Lists.
      {"\xE2\x80\xA2 a\n    \xE2\x97\xA6 b\n        \xE2\x96\xAA c\n\xE2\x80\xA2 d\nafter",
       "- a\n  - b\n    - c\n- d\n\nafter"},
      {"- a\n* b", "- a\n- b"},
      {"1. one\n2. two\n3) three", "1. one\n2. two\n\n3\\) three"},
      {"\xE2\x80\xA2 1. x\n\xE2\x80\xA2 # y", "- 1\\. x\n- \\# y"},
      // An empty item does not nest (it would underline the item above as a heading).
      {"\xE2\x80\xA2 a\n    \xE2\x80\xA2 \n\xE2\x80\xA2 b", "- a\n-\n- b"},
      {"intro\n\xE2\x80\xA2 a", "intro\n\n- a"},
      // Lines indented under an item belong to it (Slack's lettered sub-items).
      {"\xE2\x80\xA2 main 1\n    a. sub 1\n    b. sub 2\n\xE2\x80\xA2 main 2\n    a. sub",
       "- main 1\\\n  a. sub 1\\\n  b. sub 2\n- main 2\\\n  a. sub"},
      {"10. ten\n    detail\nafter", "10. ten\\\n    detail\n\nafter"},
      {"\xE2\x80\xA2 a\n\n    after a blank", "- a\n\nafter a blank"},
      {"para\n    indented", "para\\\nindented"},
      // Lines.
      {"line1\nline2\n\n\n\npara2", "line1\\\nline2\n\npara2"},
      {"\n\n  lead\ntrail  \n\n", "lead\\\ntrail"},
      {"# not a heading\n## x\n#hashtag", "\\# not a heading\\\n\\## x\\\n#hashtag"},
      {"+ c\n-\n---\n===\n> x\n1)", "\\+ c\\\n\\-\\\n\\---\\\n\\===\\\n\\> x\\\n1\\)"},
      {"a\r\nb\tc\n    indented", "a\\\nb\tc\\\nindented"},
      {"end \\", "end \\\\"},
      {"[x](y) ![i](u)", "\\[x\\](y) !\\[i\\](u)"},
      // Emoji.
      {":+1::skin-tone-2: :partyparrot: :white_check_mark:",
       "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBB :partyparrot: \xE2\x9C\x85"},
      {":hash: and :keycap_star:", "#\xEF\xB8\x8F\xE2\x83\xA3 and \\*\xEF\xB8\x8F\xE2\x83\xA3"},
      {"*:fire: hot*", "**\xF0\x9F\x94\xA5 hot**"},
      {"12:30:45 :custom_emoji_name:", "12:30:45 :custom_emoji_name:"},
  };
  NameDirectory names = test_names();
  for (const MarkdownCase& c : cases)
    EXPECT_EQ(mrkdwn_to_markdown(c.input, names), c.markdown) << "input: " << c.input;
}

TEST(MarkupMarkdownTest, PlainTable) {
  const MarkdownCase cases[] = {
      {"", ""},
      {"Q3 report_final.pdf", "Q3 report_final.pdf"},
      {"*not bold* _x_ ~y~ `z` <@U1> &amp; &lt;",
       "\\*not bold\\* \\_x\\_ \\~y\\~ \\`z\\` \\<@U1> \\&amp; \\&lt;"},
      {"# title\n- item\n> q\n1. one\n+ two\n\n\n\nend",
       "\\# title\\\n\\- item\\\n\\> q\\\n1\\. one\\\n\\+ two\n\nend"},
      {"report :fire: [1] :+1::skin-tone-6: :partyparrot:",
       "report \xF0\x9F\x94\xA5 \\[1\\] \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBF :partyparrot:"},
      {"  lead  \ntrail", "lead\\\ntrail"},
      {"Anna O'Neil (she/her) \"Annie\"", "Anna O'Neil (she/her) \"Annie\""},
      {"C:\\path\\to AT&T &copy; 50% #1", "C:\\\\path\\\\to AT&T \\&copy; 50% #1"},
      {"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xE2\x9C\x93 caf\xC3\xA9",
       "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xE2\x9C\x93 caf\xC3\xA9"},
      {"===", "\\==="},
      {"wow![pic](x.png) <b>", "wow!\\[pic\\](x.png) \\<b>"},
  };
  for (const MarkdownCase& c : cases)
    EXPECT_EQ(plain_to_markdown(c.input), c.markdown) << "input: " << c.input;
}

TEST(MarkupMarkdownTest, Link) {
  const struct {
    const char* label_markdown;
    const char* url;
    const char* markdown;
  } cases[] = {
      {"Slack", "https://x.slack.com/archives/C1/p1600000000000100",
       "[Slack](https://x.slack.com/archives/C1/p1600000000000100)"},
      {"**bold** label", "https://x.io/a b?q=(1)<2>\\",
       "[**bold** label](https://x.io/a%20b?q=%281%29%3C2%3E%5C)"},
      {"x", "https://x.io/?a=1&b=2&copy;&#1;", "[x](https://x.io/?a=1&b=2&amp;copy;&amp;#1;)"},
      {"tab", "https://x.io/\t\n", "[tab](https://x.io/%09%0A)"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(markdown_link(c.label_markdown, c.url), c.markdown) << "url: " << c.url;
}

}  // namespace
}  // namespace backscroll::ingest::slack
