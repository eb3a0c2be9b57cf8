// End to end: `thread --format markdown|html` and `export` on real exports,
// compared with checked-in documents in tests/e2e/golden/. After a deliberate
// change of the document format, regenerate them with
//   BACKSCROLL_UPDATE_GOLDEN=1 ctest -R Export
// and review the diff like any other change.

#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/e2e/backscroll_cli.h"

namespace backscroll::testing {
namespace {

namespace fs = std::filesystem;

const char* kViewer = "slack/slack-export-viewer";
const char* kZulipMessages = "slack/zulip/slack_fixtures/exported_messages_fixtures";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Compares `actual` with tests/e2e/golden/NAME (or rewrites it, see above).
void expect_golden(const std::string& actual, const std::string& name) {
  const fs::path path = fs::path(BACKSCROLL_SOURCE_DIR) / "tests/e2e/golden" / name;
  if (std::getenv("BACKSCROLL_UPDATE_GOLDEN") != nullptr) write_text(path, actual);
  EXPECT_EQ(actual, read_text(path)) << "differs from " << path;
}

// An export of one channel, #showcase, holding Zulip's real single-message
// fixtures (every kind of markup) and its real thread, each in the day file
// of its ts (UTC).
fs::path showcase_export(const fs::path& dir) {
  const fs::path source = fixture(kZulipMessages);
  std::map<std::string, std::vector<std::string>> days;  // Day -> message objects.
  for (const auto& entry : fs::directory_iterator(source)) {
    std::string text = read_text(entry.path());
    if (text.find('[') < text.find('{'))  // A thread: an array of messages; keep them.
      text = text.substr(text.find('[') + 1, text.rfind(']') - text.find('[') - 1);
    const std::size_t ts_at = text.find("\"ts\": \"") + 7;
    const std::time_t seconds = std::stoll(text.substr(ts_at, 10));
    char day[16];
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    days[day].push_back(text);
  }
  for (auto& [day, objects] : days) {
    std::sort(objects.begin(), objects.end());
    std::string json = "[";
    for (const std::string& o : objects) json += (json.size() > 1 ? "," : "") + o;
    write_text(dir / "showcase" / (day + ".json"), json + "]");
  }
  fs::copy_file(fixture("slack/zulip/slack_fixtures/test_slack_importer/users.json"),
                dir / "users.json");
  write_text(dir / "channels.json",
             R"([{"id": "C0SHOWCASE", "name": "showcase", "created": 1434139000,)"
             R"( "members": [], "topic": {"value": ""}, "purpose": {"value": ""}}])");
  return dir;
}

class ExportTest : public ::testing::Test {
 protected:
  std::string ok(const std::vector<std::string>& args) {
    ProcessResult r = cli_.run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return r.out;
  }
  BackscrollCli cli_;
};

TEST_F(ExportTest, ShowcaseThreadAsMarkdownAndHtml) {
  ASSERT_EQ(cli_.run({"ingest", showcase_export(cli_.dir() / "export").string()}).exit_code, 0);
  expect_golden(ok({"thread", "#showcase", "1434139103.000002", "--format", "markdown"}),
                "showcase-thread.md");
  expect_golden(ok({"thread", "#showcase", "1434139102.000002", "--format", "html"}),
                "showcase-thread.html");
}

TEST_F(ExportTest, ShowcaseDigestOfEveryMarkupKind) {
  ASSERT_EQ(cli_.run({"ingest", showcase_export(cli_.dir() / "export").string()}).exit_code, 0);
  expect_golden(ok({"export", "in:#showcase"}), "showcase-digest.md");
  expect_golden(ok({"export", "--format", "html", "in:#showcase"}), "showcase-digest.html");
}

TEST_F(ExportTest, ViewerThreadsWithPermalinks) {
  ASSERT_EQ(cli_.run({"ingest", fixture(kViewer)}).exit_code, 0);
  expect_golden(ok({"export", "--threads", "--workspace-url", "https://mesos-magellan.slack.com",
                    "in:#enrique executor"}),
                "viewer-executor.md");
}

TEST_F(ExportTest, ViewerAnonymizedWithoutBots) {
  ASSERT_EQ(cli_.run({"ingest", fixture(kViewer)}).exit_code, 0);
  const std::string doc = ok({"export", "--no-bots", "--anonymize", "--workspace-url",
                              "https://mesos-magellan.slack.com", "in:#enrique executor"});
  expect_golden(doc, "viewer-executor-anonymized.md");
  // Every name the archive knows for the people of #enrique, and the workspace.
  for (const char* name : {"hamza", "Hamza", "Faran", "abilinski", "Harry", "Potter", "doubledeez",
                           "Hermione", "mesos-magellan.slack.com"})
    EXPECT_EQ(doc.find(name), std::string::npos) << name;
  // A name it does not know (a GitHub handle in a link preview) stays: documented.
  EXPECT_NE(doc.find("by hfaran"), std::string::npos);
}

TEST_F(ExportTest, PlantedAlertsInBerlinTime) {
  ASSERT_EQ(cli_.run({"ingest", fixture("slack/planted")}).exit_code, 0);
  expect_golden(ok({"--tz", "Europe/Berlin", "export", "--workspace-url", "https://acme.slack.com",
                    "in:#ops-alerts"}),
                "planted-ops-alerts.md");
}

TEST_F(ExportTest, MistakesAreClearErrors) {
  ASSERT_EQ(cli_.run({"ingest", fixture(kViewer)}).exit_code, 0);
  ProcessResult unknown = cli_.run({"export", "in:#nowhere"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("nowhere"), std::string::npos) << unknown.err;
  EXPECT_EQ(unknown.out, "");
  ProcessResult format = cli_.run({"thread", "#enrique", "1452845924.000009", "--format", "pdf"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_NE(format.err.find("--format must be text, json, markdown or html, not 'pdf'"),
            std::string::npos)
      << format.err;
  ProcessResult limit = cli_.run({"export", "--limit", "0", "docker"});
  EXPECT_EQ(limit.exit_code, 2);
  EXPECT_NE(limit.err.find("--limit must be at least 1"), std::string::npos) << limit.err;
}

}  // namespace
}  // namespace backscroll::testing
