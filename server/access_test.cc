#include "server/access.h"

#include <gtest/gtest.h>

#include "query/directory.h"
#include "server/server.h"

namespace backscroll::server {
namespace {

std::string describe(const Grant& g) {
  std::string out = g.token + " ";
  out += g.kind == ScopeKind::kAll ? "all" : g.kind == ScopeKind::kPublic ? "public" : "listed";
  for (const std::string& c : g.conversations) out += " [" + c + "]";
  return out;
}

TEST(ParseGrantsTest, Table) {
  struct Case {
    const char* text;
    const char* expected;  // Grants joined by "|", or "error: <message>".
  } cases[] = {
      {"", ""},
      {"# only a comment\n\n   \n", ""},
      {"abcdefgh all\n", "abcdefgh all"},
      {"  abcdefgh\tpublic  \r\n", "abcdefgh public"},
      {"abcdefgh ops,#incidents,G0123\n12345678 all",
       "abcdefgh listed [ops] [#incidents] [G0123]|12345678 all"},
      {"abcdefgh #ops", "abcdefgh listed [#ops]"},
      {"abcdefgh\n", "error: tokens file line 1: a token needs a scope (all, public or names)"},
      {"\nabcdefgh ops, incidents\n",
       "error: tokens file line 2: expected TOKEN SCOPE, found 3 fields (names in a scope are "
       "separated by commas only)"},
      {"abc all\n", "error: tokens file line 1: token shorter than 8 characters"},
      {"abcdefgh all\nabcdefgh public\n", "error: tokens file line 2: token given twice"},
      {"abcdefgh ops,,x\n", "error: tokens file line 1: empty conversation name in the scope"},
  };
  for (const Case& c : cases) {
    auto grants = parse_grants(c.text);
    std::string got;
    if (!grants) {
      EXPECT_EQ(grants.error().code, core::ErrorCode::kUsage);
      got = "error: " + grants.error().message;
    } else {
      for (const Grant& g : *grants) got += (got.empty() ? "" : "|") + describe(g);
    }
    EXPECT_EQ(got, c.expected) << "input: " << c.text;
  }
}

TEST(AuthenticateTest, Table) {
  auto grants = parse_grants("token-one-1234 all\ntoken-two-1234 public\n");
  ASSERT_TRUE(grants);
  struct Case {
    bool has_header;
    const char* header;
    const char* expected;  // "anonymous", "grant N" or "refused".
  } cases[] = {
      {false, "", "anonymous"},
      {true, "Bearer token-one-1234", "grant 0"},
      {true, "Bearer token-two-1234", "grant 1"},
      {true, "Bearer token-two-1234 ", "grant 1"},
      {true, "Bearer token-two-123", "refused"},
      {true, "Bearer token-two-12345", "refused"},
      {true, "bearer token-one-1234", "refused"},
      {true, "Basic dXNlcjpwYXNz", "refused"},
      {true, "", "refused"},
      {true, "Bearer ", "refused"},
  };
  for (const Case& c : cases) {
    auto caller = authenticate(*grants, c.has_header, c.header);
    std::string got = !caller         ? "refused"
                      : caller->grant ? "grant " + std::to_string(*caller->grant)
                                      : "anonymous";
    EXPECT_EQ(got, c.expected) << c.header;
  }
}

TEST(MakeViewTest, ScopesSeeTheirConversations) {
  auto conversation = [](const char* id, core::ConversationKind kind, const char* name) {
    core::Conversation c;
    c.id = core::ConversationId(id);
    c.kind = kind;
    c.name = name;
    return c;
  };
  const std::vector<core::Conversation> all = {
      conversation("C1", core::ConversationKind::kPublic, "general"),
      conversation("G1", core::ConversationKind::kPrivate, "secret-ops"),
      conversation("D1", core::ConversationKind::kDm, "D1"),
  };
  auto directory = std::make_shared<const query::Directory>(std::vector<core::User>{}, all);
  auto grants =
      parse_grants("aaaaaaaa all\nbbbbbbbb public\ncccccccc #secret-ops,nosuch\ndddddddd D1\n");
  ASSERT_TRUE(grants);
  auto ids = [](const View& v) {
    std::string out;
    for (const core::Conversation& c : v.conversations()) out += c.id.str() + " ";
    return out;
  };
  std::vector<std::string> unresolved;
  View anonymous = make_view(nullptr, all, directory, &unresolved);
  View root = make_view(&(*grants)[0], all, directory, &unresolved);
  View pub = make_view(&(*grants)[1], all, directory, &unresolved);
  View ops = make_view(&(*grants)[2], all, directory, &unresolved);
  View dm = make_view(&(*grants)[3], all, directory, &unresolved);
  EXPECT_EQ(ids(anonymous), "C1 ");
  EXPECT_TRUE(root.is_all());
  EXPECT_FALSE(root.ids().has_value());
  EXPECT_EQ(ids(root), "C1 G1 D1 ");
  EXPECT_EQ(ids(pub), "C1 ");
  EXPECT_EQ(ids(ops), "C1 G1 ");
  EXPECT_EQ(ids(dm), "C1 D1 ");
  EXPECT_EQ(unresolved, std::vector<std::string>{"nosuch"});
  EXPECT_FALSE(anonymous.can_see(core::ConversationId("G1")));
  EXPECT_TRUE(ops.can_see(core::ConversationId("G1")));
  // Names resolve among the view's conversations only: no hint names G1.
  auto missing = anonymous.directory().find_conversation("#secret-opz");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().describe().find("secret-ops"), std::string::npos);
  auto seen = ops.directory().find_conversation("#secret-opz");
  ASSERT_FALSE(seen);
  EXPECT_NE(seen.error().describe().find("secret-ops"), std::string::npos);
  EXPECT_TRUE(ops.directory().find_conversation("#secret-ops"));
}

TEST(ParseListenTest, Table) {
  struct Case {
    const char* text;
    const char* expected;  // "host port" or "error".
  } cases[] = {
      {"127.0.0.1:8080", "127.0.0.1 8080"},
      {"0.0.0.0:80", "0.0.0.0 80"},
      {":9000", "0.0.0.0 9000"},
      {"[::1]:8080", "::1 8080"},
      {"localhost:0", "localhost 0"},
      {"::1:8080", "error"},
      {"127.0.0.1", "error"},
      {"127.0.0.1:", "error"},
      {"127.0.0.1:65536", "error"},
      {"127.0.0.1:80x", "error"},
  };
  for (const Case& c : cases) {
    auto parsed = parse_listen(c.text);
    std::string got = parsed ? parsed->first + " " + std::to_string(parsed->second) : "error";
    EXPECT_EQ(got, c.expected) << c.text;
  }
}

}  // namespace
}  // namespace backscroll::server
