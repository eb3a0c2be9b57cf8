// The query language stage by stage, as tables: query -> tokens,
// query -> syntax tree, query -> Xapian description, and errors with columns.

#include "query/parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <regex>

#include "index/schema.h"
#include "query/directory.h"
#include "query/free_text.h"
#include "query/keywords.h"
#include "query/lexer.h"
#include "query/syntax_tree.h"
#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::ScopedTz;

// Length of the valid UTF-8 multi-byte sequence at s[i], 0 if none.
std::size_t utf8_length(const std::string& s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  const std::size_t n = c >= 0xF0 && c <= 0xF4   ? 4
                        : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xC2 && c <= 0xDF ? 2
                                                 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && byte(i + 1) < 0xA0) return 0;
  if (c == 0xF0 && byte(i + 1) < 0x90) return 0;
  return n;
}

// Xapian's escaping in descriptions: bytes outside printable ASCII as \xNN,
// except valid UTF-8 sequences, which stay as they are.
std::string escaped(const std::string& bytes) {
  std::string out;
  char buf[8];
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = bytes[i];
    if (std::size_t n = c >= 0x80 ? utf8_length(bytes, i) : 0) {
      out += bytes.substr(i, n);
      i += n - 1;
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c < 32 || c >= 127) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Replaces "<1601510400>" by the serialised time and "<1601510400->" by the
// serialised largest time before it, as Xapian prints them.
std::string expand_times(std::string text) {
  static const std::regex kTime("<(\\d+)(-?)>");
  std::smatch m;
  while (std::regex_search(text, m, kTime)) {
    double t = std::stod(m[1].str());
    if (m[2].length()) t = std::nextafter(t, -std::numeric_limits<double>::infinity());
    text.replace(m.position(0), m.length(0), escaped(Xapian::sortable_serialise(t)));
  }
  return text;
}

// 2020-10-01T12:00:00Z: "today" in the tables.
constexpr std::int64_t kNow = 1601553600;

class ParserTest : public ::testing::Test {
 protected:
  core::Result<ParsedQuery> parse(std::string_view text) {
    return parse_query(text, FilterContext{directory_, kNow, nullptr}, free_text_);
  }
  Directory directory_{testing::planted_users(), testing::planted_conversations()};
  FreeText free_text_;
};

TEST(LexerTest, Tokens) {
  const std::pair<const char*, const char*> cases[] = {
      {"deploy failed", "[word deploy] [word failed]"},
      {"deploy* OR \"out of disk\"", "[wildcard deploy*] [OR] [phrase out of disk]"},
      {"-in:#ops from:\"Ann Lee\"", "[-] [in:#ops] [from:Ann Lee]"},
      {"(a AND NOT b)", "[(] [word a] [AND] [NOT] [word b] [)]"},
      {"-(a or b)", "[-] [(] [word a] [word or] [word b] [)]"},
      {"feature/dat-220 +x", "[word feature/dat-220] [+] [word x]"},
      {"http://x.y/z foo:bar IN:#ops", "[word http://x.y/z] [word foo:bar] [in:#ops]"},
      {"has::tada: date:2020-10..2020-11", "[has::tada:] [date:2020-10..2020-11]"},
      {"f(x) - *", "[word f] [(] [word x] [)] [word -] [word *]"},
  };
  for (const auto& [query, expected] : cases) {
    auto tokens = tokenize(query);
    ASSERT_TRUE(tokens) << query << ": " << tokens.error().describe();
    EXPECT_EQ(describe(*tokens), expected) << query;
  }
}

TEST(SyntaxTreeTest, Trees) {
  const std::pair<const char*, const char*> cases[] = {
      {"deploy", "deploy"},
      {"deploy failed", "(AND deploy failed)"},
      {"a OR b c", "(OR a (AND b c))"},
      {"(a OR b) c", "(AND (OR a b) c)"},
      {"a AND b OR NOT c", "(OR (AND a b) (NOT c))"},
      {"a NOT b", "(AND a (NOT b))"},
      {"-a -\"b c\"", "(AND (NOT a) (NOT \"b c\"))"},
      {"+a", "a"},
      {"deploy OR release in:#ops", "(AND (OR deploy release) in:#ops)"},
      {"deploy OR release -in:#ops from:@ann", "(AND (OR deploy release) (NOT in:#ops) from:@ann)"},
      {"from:@ann OR in:#ops", "(OR from:@ann in:#ops)"},
      {"deploy AND in:#ops", "(AND deploy in:#ops)"},
      {"a OR (b -in:#ops)", "(OR a (AND b (NOT in:#ops)))"},
      {"in:#ops", "in:#ops"},
      {"-(a OR b) x*", "(AND (NOT (OR a b)) x*)"},
  };
  for (const auto& [query, expected] : cases) {
    auto tokens = tokenize(query);
    ASSERT_TRUE(tokens) << query;
    auto tree = parse_tokens(*tokens);
    ASSERT_TRUE(tree) << query << ": " << tree.error().describe();
    EXPECT_EQ(describe(*tree), expected) << query;
  }
}

TEST_F(ParserTest, QueryToXapianDescription) {
  ScopedTz tz("UTC");
  const std::pair<const char*, const char*> cases[] = {
      {"deploy failed", "Query((Zdeploy@1 AND Zfail@2))"},
      {"\"deploy failed\"", "Query((deploy@1 PHRASE 2 failed@2))"},
      {"Deploy", "Query(Zdeploy@1)"},
      {"2020", "Query(2020@1)"},
      {"batch2.prod", "Query((batch2@1 PHRASE 2 prod@2))"},
      {"deploy -staging", "Query((Zdeploy@1 AND_NOT Zstage@2))"},
      {"-staging", "Query((<alldocuments> AND_NOT Zstage@1))"},
      {"-staging -\"db 3\"", "Query((<alldocuments> AND_NOT (Zstage@1 OR (db@2 PHRASE 2 3@3))))"},
      {"deploy OR release", "Query((Zdeploy@1 OR Zreleas@2))"},
      {"deploy NOT release", "Query((Zdeploy@1 AND_NOT Zreleas@2))"},
      {"(deploy OR release) notes", "Query(((Zdeploy@1 OR Zreleas@2) AND Znote@3))"},
      {"deploy*", "Query(WILDCARD OR deploy)"},
      {"in:#ops", "Query(XCC3)"},
      {"in:ops in:#general", "Query((XCC3 OR XCC1))"},
      {"in:C2", "Query(XCC2)"},
      {"in:#OPS-Alerts", "Query(XCC2)"},
      {"in:@bastian", "Query(XCD1)"},
      {"in:@ann", "Query((XCD1 OR XCD2))"},
      {"in:@bastian,@carol", "Query(XCG1)"},
      {"in:mpdm-ann--bastian--carol-1", "Query(XCG1)"},
      {"from:@ann", "Query(XAU1)"},
      {"from:annie", "Query((XAU1 OR XAU4))"},
      {"from:\"Bastian Schmidt\"", "Query(XAU2)"},
      {"from:U3", "Query(XAU3)"},
      {"from:ck", "Query(XAU3)"},
      {"from:@ann from:carol", "Query((XAU1 OR XAU3))"},
      {"with:@carol", "Query((XCD2 OR XCG1))"},
      {"after:2020-10-01", "Query(VALUE_GE 0 <1601596800>)"},
      {"before:2020-10-01", "Query(VALUE_LE 0 <1601510400->)"},
      {"on:2020-10-01", "Query(VALUE_RANGE 0 <1601510400> <1601596800->)"},
      {"during:2020-10", "Query(VALUE_RANGE 0 <1601510400> <1604188800->)"},
      {"on:2020", "Query(VALUE_RANGE 0 <1577836800> <1609459200->)"},
      {"after:2020-12", "Query(VALUE_GE 0 <1609459200>)"},
      {"on:today", "Query(VALUE_RANGE 0 <1601510400> <1601596800->)"},
      {"on:yesterday", "Query(VALUE_RANGE 0 <1601424000> <1601510400->)"},
      {"date:2020-10-01..2020-10-31", "Query(VALUE_RANGE 0 <1601510400> <1604188800->)"},
      {"date:2020-10-01..", "Query(VALUE_GE 0 <1601510400>)"},
      {"date:..2020-10-01", "Query(VALUE_LE 0 <1601596800->)"},
      {"date:2020-10-01", "Query(VALUE_RANGE 0 <1601510400> <1601596800->)"},
      {"is:thread", "Query(XIthread)"},
      {"is:Reply", "Query(XIreply)"},
      {"has:link kind:bot", "Query((XHlink AND XKbot))"},
      {"has::Tada:", "Query(XRtada)"},
      {"has::+1::skin-tone-2:", "Query(XR+1)"},
      {"is:thread is:edited", "Query((XIthread AND XIedited))"},
      {"deploy in:#ops", "Query((Zdeploy@1 FILTER XCC3))"},
      {"deploy OR release in:#ops from:@ann",
       "Query(((Zdeploy@1 OR Zreleas@2) FILTER (XCC3 AND XAU1)))"},
      {"deploy -in:#ops", "Query((Zdeploy@1 AND_NOT XCC3))"},
      {"-in:#ops", "Query((<alldocuments> AND_NOT XCC3))"},
      {"-from:@ann -in:#ops", "Query((<alldocuments> AND_NOT (XAU1 OR XCC3)))"},
      {"in:#ops -staging", "Query((XCC3 AND_NOT Zstage@1))"},
      {"after:2020-09-30 before:2020-10-02 \"disk full\"",
       "Query(((disk@1 PHRASE 2 full@2) FILTER (VALUE_GE 0 <1601510400> AND VALUE_LE 0 "
       "<1601596800->)))"},
      {"in:general is:thread -from:dave deploy",
       "Query(((Zdeploy@1 FILTER (XCC1 AND XIthread)) AND_NOT XAU4))"},
      {"(in:#ops OR in:#general) deploy", "Query((Zdeploy@1 FILTER (0 * XCC3 OR 0 * XCC1)))"},
      {"from:@ann OR deploy", "Query((0 * XAU1 OR Zdeploy@1))"},
      {"東京", "Query((東@1 PHRASE 2 京@2))"},
      {"deploy ***", "Query(Zdeploy@1)"},
  };
  for (const auto& [query, description] : cases) {
    auto q = parse(query);
    ASSERT_TRUE(q) << query << ": " << q.error().describe();
    EXPECT_EQ(q->query.get_description(), expand_times(description)) << query;
  }
}

TEST_F(ParserTest, StagesArePrinted) {
  ScopedTz tz("UTC");
  auto q = parse("deploy OR release -in:#ops after:2020-10");
  ASSERT_TRUE(q) << q.error().describe();
  EXPECT_EQ(q->tokens, "[word deploy] [OR] [word release] [-] [in:#ops] [after:2020-10]");
  EXPECT_EQ(q->syntax, "(AND (OR deploy release) (NOT in:#ops) after:2020-10)");
  EXPECT_EQ(q->resolved,
            (std::vector<std::string>{"deploy -> Query(Zdeploy@1)", "release -> Query(Zreleas@2)",
                                      "in:#ops -> conversation C3 (ops)",
                                      "after:2020-10 -> time in [2020-11-01 00:00 +0000, +inf)"}));
}

TEST_F(ParserTest, DaysAreLocal) {
  ScopedTz tz("America/Los_Angeles");  // 2020-10-01 starts at 07:00Z (PDT).
  auto q = parse("on:2020-10-01");
  ASSERT_TRUE(q) << q.error().describe();
  EXPECT_EQ(q->query.get_description(),
            expand_times("Query(VALUE_RANGE 0 <1601535600> <1601622000->)"));
  // "today" at 2020-10-01T12:00Z is 2020-10-01 in Los Angeles (05:00 PDT).
  auto today = parse("on:today");
  ASSERT_TRUE(today);
  EXPECT_EQ(today->query.get_description(), q->query.get_description());
}

TEST_F(ParserTest, HasWords) {
  const std::pair<const char*, bool> cases[] = {
      {"deploy", true},   {"deploy -staging", true},       {"in:#ops", false},
      {"-deploy", false}, {"-deploy in:#ops", false},      {"\"disk full\" on:2020-10-01", true},
      {"deploy*", true},  {"in:#ops OR from:@ann", false},
  };
  for (const auto& [query, has_words] : cases) {
    auto q = parse(query);
    ASSERT_TRUE(q) << query;
    EXPECT_EQ(q->has_words, has_words) << query;
  }
}

struct ErrorCase {
  const char* query;
  const char* message;
  const char* hint;
  std::optional<std::size_t> column;
};

constexpr const char* kOpHint =
    "AND, OR and NOT need something on both sides; write them in lower case to search for them";
constexpr const char* kDateHint =
    "dates are YYYY, YYYY-MM, YYYY-MM-DD, today or yesterday, e.g. 2020-10-01";

TEST_F(ParserTest, Errors) {
  ScopedTz tz("UTC");
  const ErrorCase cases[] = {
      {"", "empty query: give words or filters", "", std::nullopt},
      {"   ", "empty query: give words or filters", "", std::nullopt},
      {"***", "query has nothing to search for: \"***\"", "", std::nullopt},
      {"in:#opz", "no conversation named #opz", "did you mean #ops?", 1},
      {"deploy in:#alerts", "no conversation named #alerts", "did you mean #ops-alerts?", 8},
      {"in:#zzzzzz", "no conversation named #zzzzzz", "", 1},
      {"from:@bastain", "no person named @bastain", "did you mean @bastian?", 1},
      {"deploy -in:@bastain", "no person named @bastain", "did you mean @bastian?", 9},
      {"in:@dave", "no direct messages with @dave", "", 1},
      {"after:2020-13-01", "bad date in after:2020-13-01", kDateHint, 1},
      {"deploy on:2021-02-29", "bad date in on:2021-02-29", kDateHint, 8},
      {"before:tomorrow", "bad date in before:tomorrow", kDateHint, 1},
      {"date:..", "bad date in date:..", kDateHint, 1},
      {"date:2020-10-01..2020-13", "bad date in date:2020-10-01..2020-13", kDateHint, 1},
      {"is:starred", "unknown is:starred", "expected one of: thread, reply, bot, edited", 1},
      {"has::", "bad emoji in has::", "write it as in Slack, e.g. has::tada:", 1},
      {"in:", "in: needs a value, e.g. in:#general", "", 1},
      {"deploy -from:", "from: needs a value, e.g. from:@name", "", 9},
      {"deploy AND", "AND needs something on both sides", kOpHint, 8},
      {"OR deploy", "OR needs something on both sides", kOpHint, 1},
      {"deploy OR OR x", "OR needs something on both sides", kOpHint, 8},
      {"deploy NOT", "NOT needs something after it", kOpHint, 8},
      {"(deploy", "unmatched '('", "close it with ')'", 1},
      {"deploy)", "unmatched ')'", "remove it or add a '(' before it", 7},
      {"a () b", "empty parentheses", "", 4},
      {"\"out of", "unterminated quote", "close the phrase with \"", 1},
      {"(in:#opz OR deploy)", "no conversation named #opz", "did you mean #ops?", 2},
      {"deploy.x*", "a wildcard needs one word before the *: deploy.x*", "e.g. deploy*", 1},
  };
  for (const ErrorCase& c : cases) {
    auto q = parse(c.query);
    ASSERT_FALSE(q) << c.query << " parsed as " << q->query.get_description();
    EXPECT_EQ(q.error().code, core::ErrorCode::kBadQuery) << c.query;
    EXPECT_EQ(q.error().message, c.message) << c.query;
    EXPECT_EQ(q.error().hint, c.hint) << c.query;
    EXPECT_EQ(q.error().where.column, c.column) << c.query;
  }
}

TEST(QueryKeywordsTest, EverySchemaKeywordIsParsed) {
  for (const index::Field& f : index::kFields) {
    if (!f.keyword.empty()) {
      EXPECT_NE(find_keyword(f.keyword), nullptr) << f.keyword;
    }
  }
}

}  // namespace
}  // namespace backscroll::query
