#include "tests/generator/rich_text.h"

#include <gtest/gtest.h>

#include <string>

namespace backscroll::generator {
namespace {

Inline text(std::string t, bool bold = false, bool code = false) {
  Inline in;
  in.text = std::move(t);
  in.bold = bold;
  in.code = code;
  return in;
}

Inline special(Inline::Kind kind, std::string text, std::string target) {
  Inline in;
  in.kind = kind;
  in.text = std::move(text);
  in.target = std::move(target);
  return in;
}

TEST(RichText, MrkdwnEscapesTextButBlocksDoNot) {
  RichText rt;
  Paragraph p;
  p.inlines = {text("p99 > 2s & rising on "),
               text("batch2", false, true),
               text(" "),
               special(Inline::Kind::kUser, "", "U1"),
               text(" see "),
               special(Inline::Kind::kChannel, "ops", "C1"),
               text(" "),
               special(Inline::Kind::kLink, "a<b", "https://x.example.com/?a=1&b=2"),
               text(" "),
               text("now", true),
               special(Inline::Kind::kEmoji, "fire", "1f525")};
  rt.paragraphs.push_back(p);
  Paragraph code;
  code.kind = Paragraph::Kind::kPreformatted;
  code.code = "if (a < b) {}";
  rt.paragraphs.push_back(code);

  EXPECT_EQ(to_mrkdwn(rt),
            "p99 &gt; 2s &amp; rising on `batch2` <@U1> see <#C1|ops> "
            "<https://x.example.com/?a=1&amp;b=2|a&lt;b> *now*:fire:\n"
            "```if (a &lt; b) {}```");

  core::JsonWriter w;
  write_rich_text_block(w, rt, "abcde");
  EXPECT_EQ(
      w.str(),
      R"({"type":"rich_text","block_id":"abcde","elements":[{"type":"rich_text_section",)"
      R"("elements":[{"type":"text","text":"p99 > 2s & rising on "},)"
      R"({"type":"text","text":"batch2","style":{"code":true}},{"type":"text","text":" "},)"
      R"({"type":"user","user_id":"U1"},{"type":"text","text":" see "},)"
      R"({"type":"channel","channel_id":"C1"},{"type":"text","text":" "},)"
      R"({"type":"link","url":"https://x.example.com/?a=1&b=2","text":"a<b"},)"
      R"({"type":"text","text":" "},{"type":"text","text":"now","style":{"bold":true}},)"
      R"({"type":"emoji","name":"fire","unicode":"1f525"}]},)"
      R"({"type":"rich_text_preformatted","elements":[{"type":"text","text":"if (a < b) {}"}],)"
      R"("border":0}]})");
}

}  // namespace
}  // namespace backscroll::generator
