// The token rules of index/TOKENS.md end to end: messages indexed by the
// DocumentBuilder into a real Xapian database, queried with TextQuery as
// query/ does, one query per line with the exact set of messages it finds.
#include "index/text_query.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "index/document_builder.h"
#include "index/schema.h"
#include "index/terms.h"
#include "index/test_util.h"
#include "index/text_analysis.h"

namespace backscroll::index {
namespace {

using testing::TempDir;

struct Planted {
  const char* id;  // Also the message's conversation, so hits are named.
  const char* text;
  const char* reaction = "";
};

const Planted kMessages[] = {
    {"host", "deploy to batch2.prod.example.com failed"},
    {"alert", "alert disk_space._ firing on db1"},
    {"branch", "merged feature/dat-220 into main"},
    {"short", "fixed by 7cf4e0a"},
    {"long", "reverted 7cf4e0a9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6"},
    {"ticket", "see #6888 for details"},
    {"ip", "host 10.0.3.17 is unreachable"},
    {"url", "dashboard https://grafana.example.com/d/abc?x=1"},
    {"oom", "java.lang.OutOfMemoryError: Java heap space"},
    {"german", "Störung im Netzwerk"},
    {"japanese", "東京都の天気"},
    {"chinese", "用户登录失败"},
    {"emoji", ":fire: prod is down"},
    {"reacted", "all good", "fire"},
    {"disks", "the disks are full"},
};

class TextQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db((dir_.path() / "db").string(), Xapian::DB_CREATE);
    DocumentBuilder builder;
    for (const Planted& p : kMessages) {
      core::Message m = testing::message(p.id, "1516457078.000065", "U1", p.text);
      if (*p.reaction) m.reactions.push_back(core::Reaction{.name = p.reaction, .count = 1});
      db.replace_document(id_term(m.conversation_id, m.ts), builder.build(m));
    }
    db.commit();
    db.close();
    db_ = Xapian::Database((dir_.path() / "db").string());
  }

  // Words separated by spaces are AND-ed (query/'s default); a query in
  // double quotes is a phrase.
  std::string hits(const std::string& query) {
    TextQuery text;
    Xapian::termpos position = 0;
    Xapian::Query q;
    if (query.size() > 1 && query.front() == '"') {
      q = text.phrase(query.substr(1, query.size() - 2), position);
    } else {
      std::istringstream words(query);
      std::vector<Xapian::Query> parts;
      for (std::string w; words >> w;) parts.push_back(text.word(w, position));
      q = Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    std::set<std::string> found;
    Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string data = it.get_document().get_data();
      found.insert(data.substr(0, data.find('\n')));
    }
    std::string out;
    for (const std::string& f : found) (out += out.empty() ? "" : " ") += f;
    return out;
  }

  TempDir dir_;
  Xapian::Database db_;
};

TEST_F(TextQueryTest, QueriesFindExactlyThePlantedMessages) {
  const struct {
    const char* query;
    const char* hits;  // Sorted message ids.
  } cases[] = {
      // Host names: whole and in parts.
      {"batch2.prod.example.com", "host"},
      {"batch2.prod", "host"},
      {"batch2", "host"},
      {"example.com", "host url"},
      {"prod.batch2", ""},
      // Identifiers with punctuation.
      {"disk_space._", "alert"},
      {"disk_space", "alert"},
      {"feature/dat-220", "branch"},
      {"dat-220", "branch"},
      // Hashes: a short hash finds itself and longer ones.
      {"7cf4e0a", "long short"},
      {"7cf4e0a9b1", "long"},
      {"7CF4E0A9B1C2", "long"},
      {"7cf4e0a9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6", "long"},
      {"7cf4e0b", ""},
      // Ticket numbers.
      {"#6888", "ticket"},
      {"6888", "ticket"},
      // IPv4 addresses, whole and by prefix.
      {"10.0.3.17", "ip"},
      {"10.0.3", "ip"},
      {"10.0", "ip"},
      {"10.0.3.18", ""},
      // URLs and their host parts.
      {"https://grafana.example.com/d/abc?x=1", "url"},
      {"grafana.example.com", "url"},
      {"grafana", "url"},
      // camelCase: whole, lower case, in words, as a phrase, partly.
      {"OutOfMemoryError", "oom"},
      {"outofmemoryerror", "oom"},
      {"out of memory error", "oom"},
      {"\"out of memory error\"", "oom"},
      {"OutOfMemory", "oom"},
      {"java.lang.OutOfMemoryError", "oom"},
      // snake_case parts are words too.
      {"disk", "alert disks"},
      {"\"disk space\"", "alert"},
      // Case and accents.
      {"Störung", "german"},
      {"störung", "german"},
      {"STÖRUNG", "german"},
      {"storung", "german"},
      {"Storung", "german"},
      {"\"storung im\"", "german"},
      // Stemming (English).
      {"failing", "host"},
      {"disks", "alert disks"},  // disk_space is also "disk space"
      {"\"the disk\"", ""},
      // CJK n-grams.
      {"東京", "japanese"},
      {"天気", "japanese"},
      {"用户", "chinese"},
      {"登录", "chinese"},
      // Emoji shortcodes, in text and as reactions.
      {"fire", "alert emoji reacted"},  // alert: "firing" stems to fire
      {":fire:", "alert emoji reacted"},
      {"\"fire\"", "emoji reacted"},
  };
  for (const auto& c : cases) EXPECT_EQ(hits(c.query), c.hits) << c.query;
}

TEST(TextQueryDescriptionTest, WordQueries) {
  const struct {
    const char* word;
    const char* description;
  } cases[] = {
      {"deploy", "Query(Zdeploy@1)"},
      {"2020", "Query(2020@1)"},
      {"#6888", "Query(6888@1)"},
      {"batch2.prod", "Query((batch2@1 PHRASE 2 prod@2))"},
      {"OutOfMemory", "Query((Zoutofmemori@1 OR (out@2 PHRASE 3 of@3 PHRASE 3 memory@4)))"},
      {"disk_space", "Query((Zdisk_spac@1 OR (disk@2 PHRASE 2 space@3)))"},
      {"***", "Query()"},
  };
  TextQuery text;
  for (const auto& c : cases) {
    Xapian::termpos position = 0;
    EXPECT_EQ(text.word(c.word, position).get_description(), c.description) << c.word;
  }
  EXPECT_EQ(text.words("a.b Deploy"), (std::vector<std::string>{"a", "b", "deploy"}));
}

}  // namespace
}  // namespace backscroll::index
