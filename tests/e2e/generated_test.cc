// End to end on generated exports: counts match the generator's manifest,
// re-ingest changes nothing, zip and folder give the same archive, threads
// come back whole and in order, reindex and check agree.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "tests/e2e/backscroll_cli.h"

namespace backscroll::testing {
namespace {

namespace fs = std::filesystem;

std::uint64_t manifest_count(const std::string& manifest, const char* key) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(manifest);
  return doc[key].get_uint64();
}

struct ExportedMessage {
  std::string conversation_folder;
  std::string ts;
  std::string thread_ts;
};

// Every message of an export folder, read independently of backscroll.
std::vector<ExportedMessage> read_export(const fs::path& root) {
  std::vector<ExportedMessage> all;
  simdjson::dom::parser parser;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    for (const auto& day : fs::directory_iterator(dir.path())) {
      simdjson::dom::element doc = parser.load(day.path().string());
      for (simdjson::dom::element m : doc.get_array()) {
        ExportedMessage e;
        e.conversation_folder = dir.path().filename().string();
        e.ts = std::string(std::string_view(m["ts"].get_string()));
        std::string_view thread_ts;
        if (!m["thread_ts"].get_string().get(thread_ts)) e.thread_ts = std::string(thread_ts);
        all.push_back(std::move(e));
      }
    }
  }
  return all;
}

class GeneratedExport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    manifest_ = new std::string(generate_export(tmp_->path() / "export", 3000, 7));
    generate_export(tmp_->path() / "export.zip", 3000, 7, /*zip=*/true);
  }
  static void TearDownTestSuite() {
    delete tmp_;
    delete manifest_;
  }
  static fs::path folder() { return tmp_->path() / "export"; }
  static fs::path zip() { return tmp_->path() / "export.zip"; }
  static TempDir* tmp_;
  static std::string* manifest_;
};
TempDir* GeneratedExport::tmp_ = nullptr;
std::string* GeneratedExport::manifest_ = nullptr;

TEST_F(GeneratedExport, IngestArchivesEveryMessageOnceAndReingestChangesNothing) {
  BackscrollCli cli;
  const std::uint64_t messages = manifest_count(*manifest_, "messages");
  ASSERT_EQ(messages, 3000u);

  ProcessResult first = cli.run({"ingest", folder().string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out.rfind("ingest: 3000 new, 0 updated, 0 unchanged, 0 skipped messages", 0), 0u)
      << first.out;
  EXPECT_EQ(first.err, "");

  simdjson::dom::element stats = cli.json({"stats", "--json"});
  EXPECT_EQ(stats["messages"].get_uint64().value(), messages);
  EXPECT_EQ(stats["users"].get_uint64().value(), manifest_count(*manifest_, "users"));
  EXPECT_EQ(stats["threads"].get_uint64().value(), manifest_count(*manifest_, "threads"));
  EXPECT_EQ(stats["messages_by_kind"]["bot"].get_uint64().value(),
            manifest_count(*manifest_, "bot_messages") + manifest_count(*manifest_, "app_posts"));

  ProcessResult again = cli.run({"ingest", folder().string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out.rfind("ingest: 0 new, 0 updated, 3000 unchanged, 0 skipped messages", 0), 0u)
      << again.out;
  EXPECT_NE(again.out.find("0 indexed; nothing changed"), std::string::npos) << again.out;

  ProcessResult check = cli.run({"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.out, "check: ok, 3000 messages, 3000 documents\n");
}

TEST_F(GeneratedExport, ZipAndFolderGiveTheSameArchive) {
  BackscrollCli from_folder, from_zip;
  ASSERT_EQ(from_folder.run({"ingest", folder().string()}).exit_code, 0);
  ProcessResult z = from_zip.run({"ingest", zip().string()});
  ASSERT_EQ(z.exit_code, 0) << z.err;
  EXPECT_EQ(from_folder.run({"stats", "--json"}).out, from_zip.run({"stats", "--json"}).out);
  for (const char* q : {"disk", "in:#ops-alerts", "is:thread", "deploy OR rollback"})
    EXPECT_EQ(from_folder.hit_keys(q), from_zip.hit_keys(q)) << q;
  EXPECT_FALSE(from_folder.hit_keys("is:thread").empty());
}

TEST_F(GeneratedExport, ThreadsComeBackWholeParentFirstAcrossDayFiles) {
  BackscrollCli cli;
  ASSERT_EQ(cli.run({"ingest", folder().string()}).exit_code, 0);

  // Independently: every thread's messages, grouped by (folder, thread_ts).
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> threads;
  for (const ExportedMessage& m : read_export(folder()))
    if (!m.thread_ts.empty()) threads[{m.conversation_folder, m.thread_ts}].push_back(m.ts);
  ASSERT_GE(threads.size(), 10u);

  int checked = 0;
  for (auto& [key, ts_list] : threads) {
    if (ts_list.size() < 3) continue;
    std::sort(ts_list.begin(), ts_list.end());
    // Ask by the last reply's ts; the folder name is the conversation's name
    // for channels (DM folders are ids): both are accepted.
    simdjson::dom::element thread =
        cli.json({"thread", key.first, ts_list.back(), "--format", "json"});
    EXPECT_EQ(std::string_view(thread["thread_ts"].get_string()), key.second);
    std::vector<std::string> got;
    for (simdjson::dom::element m : thread["messages"].get_array())
      got.emplace_back(std::string_view(m["ts"].get_string()));
    EXPECT_EQ(got, ts_list) << key.first << " " << key.second;
    EXPECT_EQ(got.front(), key.second) << "the parent comes first";
    if (++checked == 8) break;
  }
  EXPECT_EQ(checked, 8);
}

TEST_F(GeneratedExport, ReindexRebuildsTheSameIndex) {
  BackscrollCli cli;
  ASSERT_EQ(cli.run({"ingest", folder().string()}).exit_code, 0);
  const std::vector<std::string> before = cli.hit_keys("disk OR deploy");
  ASSERT_FALSE(before.empty());
  fs::remove_all(cli.archive() / "index");
  ProcessResult missing = cli.run({"check"});
  EXPECT_EQ(missing.exit_code, 1);
  ProcessResult reindex = cli.run({"reindex"});
  ASSERT_EQ(reindex.exit_code, 0) << reindex.err;
  EXPECT_EQ(reindex.out, "reindex: 3000 messages indexed\n");
  EXPECT_EQ(cli.hit_keys("disk OR deploy"), before);
  EXPECT_EQ(cli.run({"check"}).exit_code, 0);
}

TEST_F(GeneratedExport, SearchJsonHasTheContractFields) {
  BackscrollCli cli;
  ASSERT_EQ(cli.run({"ingest", folder().string()}).exit_code, 0);
  simdjson::dom::element result = cli.json({"search", "--json", "--limit", "5", "is:thread"});
  EXPECT_EQ(std::string_view(result["query"].get_string()), "is:thread");
  EXPECT_GT(result["total"].get_uint64().value(), 5u);
  simdjson::dom::array hits = result["hits"].get_array();
  EXPECT_EQ(hits.size(), 5u);
  for (simdjson::dom::element hit : hits) {
    for (const char* field :
         {"conversation_id", "conversation", "ts", "user_id", "user", "time", "thread_ts", "text",
          "snippet"})
      EXPECT_FALSE(hit[field].error()) << field;
    std::string_view time = hit["time"].get_string();
    EXPECT_EQ(time.size(), 20u);
    EXPECT_EQ(time.back(), 'Z');
  }
}

TEST_F(GeneratedExport, SortNewestAndOldestAreExactTimeOrders) {
  BackscrollCli cli;
  ASSERT_EQ(cli.run({"ingest", folder().string()}).exit_code, 0);
  auto times = [&](const char* sort) {
    simdjson::dom::element r =
        cli.json({"search", "--json", "--limit", "10000", "--sort", sort, "in:#ops-alerts"});
    std::vector<double> t;
    for (simdjson::dom::element hit : r["hits"].get_array())
      t.push_back(std::stod(std::string(std::string_view(hit["ts"].get_string()))));
    return t;
  };
  std::vector<double> newest = times("newest"), oldest = times("oldest");
  ASSERT_GT(newest.size(), 10u);
  EXPECT_TRUE(std::is_sorted(newest.rbegin(), newest.rend()));
  EXPECT_TRUE(std::is_sorted(oldest.begin(), oldest.end()));
  EXPECT_EQ(newest.size(), oldest.size());
}

}  // namespace
}  // namespace backscroll::testing
