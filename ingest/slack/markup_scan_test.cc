#include "ingest/slack/markup_scan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace backscroll::ingest::slack {
namespace {

std::string describe(const Control& c) {
  const char* kinds[] = {"user", "conversation", "special", "link", "label_only"};
  std::string s = kinds[static_cast<int>(c.kind)];
  s += " [" + std::string(c.target) + "]";
  if (c.has_label) s += " |" + std::string(c.label);
  return s;
}

TEST(MarkupScanTest, Controls) {
  struct Case {
    const char* text;
    std::size_t lt;
    const char* control;  // describe() of the parsed sequence, or "malformed".
  };
  const Case cases[] = {
      {"<@U1>", 0, "user [U1]"},
      {"<@U1|bo>", 0, "user [U1] |bo"},
      {"<#C1|ops>", 0, "conversation [C1] |ops"},
      {"<!here>", 0, "special [here]"},
      {"<!subteam^S1|@team>", 0, "special [subteam^S1] |@team"},
      {"<https://x.io|a|b>", 0, "link [https://x.io] |a|b"},
      {"<mailto:a@b>", 0, "link [mailto:a@b]"},
      {"<|label>", 0, "label_only [] |label"},
      {"<|>", 0, "label_only [] |"},
      {"<>", 0, "malformed"},
      {"<", 0, "malformed"},
      {"<a\nb>", 0, "malformed"},
      {"<<@U1>>", 0, "malformed"},
      {"<<@U1>>", 1, "user [U1]"},
  };
  for (const Case& c : cases) {
    std::string_view text = c.text;
    std::size_t end = control_end(text, c.lt);
    std::string got = end == std::string_view::npos
                          ? "malformed"
                          : describe(parse_control(text.substr(c.lt + 1, end - c.lt - 1)));
    EXPECT_EQ(got, c.control) << "text: " << c.text;
  }
}

TEST(MarkupScanTest, Entities) {
  EXPECT_EQ(decoded("&amp;amp; &lt;&gt; &quot; &amp AT&T"), "&amp; <> &quot; &amp AT&T");
  EXPECT_EQ(entity_at("&gt;x").ch, '>');
  EXPECT_EQ(entity_at("&gt;x").size, 4u);
  EXPECT_EQ(entity_at("&copy;").size, 0u);
}

TEST(MarkupScanTest, StylingPairs) {
  struct Case {
    const char* text;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
  };
  const Case cases[] = {
      {"plain", {}},
      {"*b* _i_ ~s~", {{0, 2}, {4, 6}, {8, 10}}},
      {"~*_x_*~", {{0, 6}, {1, 5}, {2, 4}}},
      {"snake_case_name 2*3*4 a * b", {}},
      {"*a _b* c_", {{0, 5}, {3, 8}}},  // Crossing pairs are both found.
      {"*line\nbreak*", {}},
      {"`*code*` *b*", {{9, 11}}},
      {"```\n*x*\n``` *y*", {{12, 14}}},
      {"*a `b* c` d*", {{0, 11}}},  // The closer search steps over the code span.
      {"_a_b_", {{0, 4}}},
  };
  for (const Case& c : cases) {
    std::vector<std::pair<std::size_t, std::size_t>> got;
    for (const StylePair& p : find_styling_pairs(c.text)) got.emplace_back(p.open, p.close);
    EXPECT_EQ(got, c.pairs) << "text: " << c.text;
  }
}

TEST(MarkupScanTest, CloserIsLookedForAtMostMaxStyledSpanAway) {
  // "*" + filler + "*": the closer at kMaxStyledSpan bytes after the opener pairs,
  // one byte further it does not.
  const std::string near = "*" + std::string(kMaxStyledSpan - 1, 'x') + "*";
  const std::string far = "*" + std::string(kMaxStyledSpan, 'x') + "*";
  ASSERT_EQ(find_styling_pairs(near).size(), 1u);
  EXPECT_EQ(find_styling_pairs(near)[0].close, kMaxStyledSpan);
  EXPECT_TRUE(find_styling_pairs(far).empty());
  // A long line of openers: every "*a" finds no closer within reach, none pairs.
  std::string openers;
  while (openers.size() < 40000) openers += "*a ";
  EXPECT_TRUE(find_styling_pairs(openers).empty());
}

}  // namespace
}  // namespace backscroll::ingest::slack
