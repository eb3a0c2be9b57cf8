#include "query/parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <regex>

#include "index/schema.h"
#include "query/directory.h"
#include "query/field_processors.h"
#include "query/query_split.h"
#include "query/test_fixture.h"

namespace backscroll::query {
namespace {

using testing::ScopedTz;

// Xapian's escaping in descriptions: bytes outside printable ASCII as \xNN.
std::string escaped(const std::string& bytes) {
  std::string out;
  char buf[8];
  for (unsigned char c : bytes) {
    if (c == '\\') {
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

class ParserTest : public ::testing::Test {
 protected:
  Directory directory_{testing::planted_users(), testing::planted_conversations()};
};

struct ParseCase {
  const char* query;
  const char* description;
};

TEST_F(ParserTest, QueryToXapianDescription) {
  ScopedTz tz("UTC");
  const ParseCase cases[] = {
      {"deploy failed", "Query((Zdeploy@1 AND Zfail@2))"},
      {"\"deploy failed\"", "Query((deploy@1 PHRASE 2 failed@2))"},
      {"Deploy", "Query(deploy@1)"},
      {"deploy -staging", "Query((Zdeploy@1 AND_NOT Zstage@2))"},
      {"-staging", "Query((<alldocuments> AND_NOT Zstage@1))"},
      {"-staging -\"db 3\"", "Query((<alldocuments> AND_NOT (Zstage@1 OR (db@1 PHRASE 2 3@2))))"},
      {"deploy OR release", "Query((Zdeploy@1 OR Zreleas@2))"},
      {"(deploy OR release) notes", "Query(((Zdeploy@1 OR Zreleas@2) AND Znote@3))"},
      {"(deploy", "Query(Zdeploy@1)"},
      {"in:#ops", "Query((<alldocuments> FILTER XCC3))"},
      {"in:ops in:#general", "Query((<alldocuments> FILTER (XCC3 OR XCC1)))"},
      {"in:C2", "Query((<alldocuments> FILTER XCC2))"},
      {"in:#OPS-Alerts", "Query((<alldocuments> FILTER XCC2))"},
      {"from:@ann", "Query((<alldocuments> FILTER XAU1))"},
      {"from:annie", "Query((<alldocuments> FILTER (XAU1 OR XAU4)))"},
      {"from:\"Bastian Schmidt\"", "Query((<alldocuments> FILTER XAU2))"},
      {"from:U3", "Query((<alldocuments> FILTER XAU3))"},
      {"from:ck", "Query((<alldocuments> FILTER XAU3))"},
      {"from:@ann from:carol", "Query((<alldocuments> FILTER (XAU1 OR XAU3)))"},
      {"after:2020-10-01", "Query((<alldocuments> FILTER VALUE_GE 0 <1601596800>))"},
      {"before:2020-10-01", "Query((<alldocuments> FILTER VALUE_LE 0 <1601510400->))"},
      {"on:2020-10-01", "Query((<alldocuments> FILTER VALUE_RANGE 0 <1601510400> <1601596800->))"},
      {"is:thread", "Query((<alldocuments> FILTER XIthread))"},
      {"is:Reply", "Query((<alldocuments> FILTER XIreply))"},
      {"has:link kind:bot", "Query((<alldocuments> FILTER (XHlink AND XKbot)))"},
      {"is:thread is:edited", "Query((<alldocuments> FILTER (XIthread AND XIedited)))"},
      {"deploy in:#ops", "Query((Zdeploy@1 FILTER XCC3))"},
      {"deploy OR release in:#ops from:@ann",
       "Query(((Zdeploy@1 OR Zreleas@2) FILTER (XCC3 AND XAU1)))"},
      {"deploy -in:#ops", "Query((Zdeploy@1 AND_NOT XCC3))"},
      {"-in:#ops", "Query((<alldocuments> AND_NOT XCC3))"},
      {"in:#ops -staging", "Query(((<alldocuments> AND_NOT Zstage@1) FILTER XCC3))"},
      {"after:2020-09-30 before:2020-10-02 \"disk full\"",
       "Query(((disk@1 PHRASE 2 full@2) FILTER (VALUE_GE 0 <1601510400> AND VALUE_LE 0 "
       "<1601596800->)))"},
      {"in:general is:thread -from:dave deploy",
       "Query(((Zdeploy@1 FILTER (XCC1 AND XIthread)) AND_NOT XAU4))"},
      {"(in:#ops OR in:#general) deploy", "Query(((0 * XCC3 OR 0 * XCC1) AND Zdeploy@1))"},
      {"東京", "Query((東@1 AND 東京@1 AND 京@1))"},
  };
  for (const ParseCase& c : cases) {
    auto q = parse_query(c.query, directory_);
    ASSERT_TRUE(q) << c.query << ": " << q.error().describe();
    EXPECT_EQ(q->query.get_description(), expand_times(c.description)) << c.query;
  }
}

TEST_F(ParserTest, DaysAreLocal) {
  ScopedTz tz("America/Los_Angeles");  // 2020-10-01 starts at 07:00Z (PDT).
  auto q = parse_query("on:2020-10-01", directory_);
  ASSERT_TRUE(q) << q.error().describe();
  EXPECT_EQ(
      q->query.get_description(),
      expand_times("Query((<alldocuments> FILTER VALUE_RANGE 0 <1601535600> <1601622000->))"));
}

TEST_F(ParserTest, HasWords) {
  const std::pair<const char*, bool> cases[] = {
      {"deploy", true},   {"deploy -staging", true},  {"in:#ops", false},
      {"-deploy", false}, {"-deploy in:#ops", false}, {"\"disk full\" on:2020-10-01", true},
  };
  for (const auto& [query, has_words] : cases) {
    auto q = parse_query(query, directory_);
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
      {"after:2020-13-01", "bad date in after:2020-13-01",
       "dates are written YYYY-MM-DD, e.g. 2020-10-01", 1},
      {"deploy on:2021-02-29", "bad date in on:2021-02-29",
       "dates are written YYYY-MM-DD, e.g. 2020-10-01", 8},
      {"before:yesterday", "bad date in before:yesterday",
       "dates are written YYYY-MM-DD, e.g. 2020-10-01", 1},
      {"is:starred", "unknown is:starred", "expected one of: thread, reply, bot, edited", 1},
      {"in:", "in: needs a value, e.g. in:#general", "", 1},
      {"deploy -from:", "from: needs a value, e.g. from:@name", "", 8},
      {"deploy AND", "cannot parse query: Syntax: <expression> AND <expression>",
       "AND, OR and NOT need words on both sides; write them in lower case to search for them",
       std::nullopt},
      {"OR deploy", "cannot parse query: Syntax: <expression> OR <expression>",
       "AND, OR and NOT need words on both sides; write them in lower case to search for them",
       std::nullopt},
      {"(in:#opz OR deploy)", "no conversation named #opz", "did you mean #ops?", 2},
  };
  for (const ErrorCase& c : cases) {
    auto q = parse_query(c.query, directory_);
    ASSERT_FALSE(q) << c.query << " parsed as " << q->query.get_description();
    EXPECT_EQ(q.error().code, core::ErrorCode::kBadQuery) << c.query;
    EXPECT_EQ(q.error().message, c.message) << c.query;
    EXPECT_EQ(q.error().hint, c.hint) << c.query;
    EXPECT_EQ(q.error().where.column, c.column) << c.query;
  }
}

TEST(QuerySplitTest, TextAndFilters) {
  const std::pair<const char*, const char*> cases[] = {
      {"deploy OR release in:#ops -from:\"Ann Lee\"",
       "text: [deploy] [OR] [release] filters: in:#ops -from:Ann Lee"},
      {"(in:#a OR b) c", "text: [(in:#a] [OR] [b)] [c] filters:"},
      {"+is:thread \"a b\" -c", "text: [\"a b\"] [-c] filters: is:thread"},
      {"http://x.y/z foo:bar", "text: [http://x.y/z] [foo:bar] filters:"},
  };
  for (const auto& [query, expected] : cases) {
    auto split = split_query(query);
    ASSERT_TRUE(split) << query;
    EXPECT_EQ(describe(*split), expected) << query;
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
