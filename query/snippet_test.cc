#include "query/snippet.h"

#include <gtest/gtest.h>

namespace backscroll::query {
namespace {

TEST(SnippetTest, ToTerminal) {
  const struct {
    const char* snippet;
    const char* ansi;
    const char* plain;
  } cases[] = {
      {"<mark>disk</mark> full", "\x1b[1mdisk\x1b[0m full", "disk full"},
      {"a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;", "a & b <c> \"d\" 'e'",
       "a & b <c> \"d\" 'e'"},
      {"…end of <mark>day</mark>…", "…end of \x1b[1mday\x1b[0m…", "…end of day…"},
      {"&#x263A; &#9731; &bogus; & alone", "\xe2\x98\xba \xe2\x98\x83 &bogus; & alone",
       "\xe2\x98\xba \xe2\x98\x83 &bogus; & alone"},
      {"", "", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(snippet_to_terminal(c.snippet, true), c.ansi) << c.snippet;
    EXPECT_EQ(snippet_to_terminal(c.snippet, false), c.plain) << c.snippet;
  }
}

}  // namespace
}  // namespace backscroll::query
