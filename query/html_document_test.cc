#include "query/html_document.h"

#include <gtest/gtest.h>

namespace backscroll::query {
namespace {

// The page between <main> and </main>.
std::string body_of(const std::string& page) {
  const std::size_t start = page.find("<main>\n") + 7;
  return page.substr(start, page.find("</main>") - start);
}

std::string title_of(const std::string& page) {
  const std::size_t start = page.find("<title>") + 7;
  return page.substr(start, page.find("</title>") - start);
}

TEST(HtmlDocumentTest, RendersMarkdownWithStrikethroughAndHardBreaks) {
  const std::string page = markdown_to_html_page(
      "# #ops · 2020-10-01 · disk \\<full> & \"more\"\n\n"
      "**bastian** · 14:34\n\n"
      "Cleaned `/var/log`, ~~98%~~ 41% now.\\\nsee [graph](https://g.io/d?a=1&b=2)\n\n"
      "> **Host:** batch2\n\n"
      "- 📎 df.txt\n\n"
      "```sh\nrm -rf /var/log/old <x>\n```\n");
  EXPECT_EQ(title_of(page), "#ops · 2020-10-01 · disk &lt;full&gt; &amp; &quot;more&quot;");
  EXPECT_EQ(body_of(page),
            "<h1>#ops · 2020-10-01 · disk &lt;full&gt; &amp; &quot;more&quot;</h1>\n"
            "<p><strong>bastian</strong> · 14:34</p>\n"
            "<p>Cleaned <code>/var/log</code>, <del>98%</del> 41% now.<br />\n"
            "see <a href=\"https://g.io/d?a=1&amp;b=2\">graph</a></p>\n"
            "<blockquote>\n<p><strong>Host:</strong> batch2</p>\n</blockquote>\n"
            "<ul>\n<li>📎 df.txt</li>\n</ul>\n"
            "<pre><code class=\"language-sh\">rm -rf /var/log/old &lt;x&gt;\n</code></pre>\n");
}

TEST(HtmlDocumentTest, SelfContainedPage) {
  const std::string page = markdown_to_html_page("no heading here\n");
  EXPECT_EQ(title_of(page), "backscroll");
  EXPECT_TRUE(
      page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
  EXPECT_NE(page.find("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""),
            std::string::npos);
  EXPECT_EQ(page.find("http://"), std::string::npos);   // Nothing to fetch...
  EXPECT_EQ(page.find("https://"), std::string::npos);  // ...from anywhere.
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_TRUE(page.ends_with("<p>no heading here</p>\n</main>\n</body>\n</html>\n"));
}

TEST(HtmlDocumentTest, RawHtmlAndJavascriptLinksAreDropped) {
  const std::string body = body_of(markdown_to_html_page(
      "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=y>\n"));
  EXPECT_EQ(body,
            "<!-- raw HTML omitted -->\n<p><a href=\"\">x</a> <!-- raw HTML omitted --></p>\n");
}

}  // namespace
}  // namespace backscroll::query
