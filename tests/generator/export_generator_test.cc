#include "tests/generator/export_generator.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/slack_ts.h"
#include "tests/generator/pacific_time.h"

namespace backscroll::generator {
namespace {

namespace fs = std::filesystem;
using Files = std::map<std::string, std::string>;  // Relative path -> content.

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "genexport-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Files read_folder(const fs::path& root) {
  Files files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), root).string()] = read_file(e.path());
  }
  return files;
}

Files read_zip(const fs::path& zip) {
  Files files;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  EXPECT_EQ(archive_read_open_filename(a, zip.c_str(), 1 << 16), ARCHIVE_OK);
  archive_entry* entry;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    std::string content(static_cast<std::size_t>(archive_entry_size(entry)), '\0');
    EXPECT_EQ(archive_read_data(a, content.data(), content.size()),
              static_cast<la_ssize_t>(content.size()));
    files[archive_entry_pathname(entry)] = content;
  }
  archive_read_free(a);
  return files;
}

ExportStats generate(const fs::path& out, std::uint64_t n, std::uint64_t seed = 1, int days = 365,
                     bool zip = false) {
  GeneratorOptions o;
  o.messages = n;
  o.seed = seed;
  o.days = days;
  o.zip = zip;
  auto stats = generate_export(o, out);
  EXPECT_TRUE(stats.has_value()) << (stats ? "" : stats.error().describe());
  return stats ? *stats : ExportStats{};
}

// What an independent pass over the written files finds.
struct Recount {
  ExportStats stats;
  std::uint64_t replies_after_parent_file = 0;
  std::uint64_t orphan_replies = 0;
  std::uint64_t reply_count_mismatches = 0;
  std::vector<std::string> problems;
};

Recount recount(const Files& files) {
  Recount r;
  simdjson::dom::parser parser;
  struct Thread {
    std::string file;
    std::int64_t reply_count = 0;
    std::int64_t seen = 0;
  };
  std::map<std::string, std::map<std::string, Thread>> threads;  // folder -> thread_ts -> info
  std::map<std::string, std::int64_t> last_ts;                   // folder -> last ts
  std::set<std::string> folders;
  for (const auto& [path, content] : files) {  // Sorted: day files of a folder in date order.
    r.stats.bytes += content.size();
    auto slash = path.find('/');
    simdjson::padded_string padded(content);
    simdjson::dom::element doc;
    if (parser.parse(padded).get(doc) != simdjson::SUCCESS) {
      r.problems.push_back("not JSON: " + path);
      continue;
    }
    if (slash == std::string::npos) {
      if (path == "users.json") r.stats.users = doc.get_array().size();
      continue;
    }
    std::string folder = path.substr(0, slash);
    std::string date = path.substr(slash + 1, 10);
    folders.insert(folder);
    r.stats.day_files += 1;
    for (simdjson::dom::element m : doc.get_array()) {
      r.stats.messages += 1;
      std::string_view ts_text = m["ts"].get_string().value();
      auto ts = core::SlackTs::parse(ts_text);
      if (!ts || ts->str().size() != 17) {
        r.problems.push_back("bad ts " + std::string(ts_text));
        continue;
      }
      if (last_ts.count(folder) && ts->micros() <= last_ts[folder]) {
        r.problems.push_back("ts not increasing in " + path);
      }
      last_ts[folder] = ts->micros();
      if (core::format_day(pacific_day(ts->seconds())) != date) {
        r.problems.push_back("ts " + ts->str() + " not on the day of " + path);
      }
      std::string_view subtype;
      const bool has_subtype = m["subtype"].get_string().get(subtype) == simdjson::SUCCESS;
      if (has_subtype && subtype == "bot_message") r.stats.bot_messages += 1;
      std::string_view bot_id;
      if (!has_subtype && m["bot_id"].get_string().get(bot_id) == simdjson::SUCCESS)
        r.stats.app_posts += 1;
      std::string_view thread_ts;
      if (m["thread_ts"].get_string().get(thread_ts) != simdjson::SUCCESS) continue;
      if (thread_ts == ts_text) {
        std::int64_t count = m["reply_count"].get_int64().value();
        threads[folder][std::string(thread_ts)] = Thread{path, count, 0};
        r.stats.threads += 1;
      } else {
        r.stats.replies += 1;
        auto it = threads[folder].find(std::string(thread_ts));
        if (it == threads[folder].end()) {
          r.orphan_replies += 1;
          continue;
        }
        it->second.seen += 1;
        if (it->second.file < path) r.replies_after_parent_file += 1;
      }
    }
  }
  for (const auto& [folder, by_ts] : threads) {
    for (const auto& [ts, t] : by_ts) {
      if (t.seen != t.reply_count) r.reply_count_mismatches += 1;
    }
  }
  r.stats.conversations = folders.size();
  return r;
}

void expect_same_stats(const ExportStats& a, const ExportStats& b) {
  EXPECT_EQ(a.messages, b.messages);
  EXPECT_EQ(a.conversations, b.conversations);
  EXPECT_EQ(a.users, b.users);
  EXPECT_EQ(a.day_files, b.day_files);
  EXPECT_EQ(a.threads, b.threads);
  EXPECT_EQ(a.replies, b.replies);
  EXPECT_EQ(a.bot_messages, b.bot_messages);
  EXPECT_EQ(a.app_posts, b.app_posts);
  EXPECT_EQ(a.bytes, b.bytes);
}

TEST(ExportGenerator, SameSeedSameBytesOtherSeedOtherBytes) {
  TempDir dir;
  generate(dir.path() / "a", 3000, 7);
  generate(dir.path() / "b", 3000, 7);
  generate(dir.path() / "c", 3000, 8);
  Files a = read_folder(dir.path() / "a");
  EXPECT_TRUE(a == read_folder(dir.path() / "b"));
  EXPECT_FALSE(a == read_folder(dir.path() / "c"));
  generate(dir.path() / "a.zip", 500, 7, 30, true);
  generate(dir.path() / "b.zip", 500, 7, 30, true);
  EXPECT_EQ(read_file(dir.path() / "a.zip"), read_file(dir.path() / "b.zip"));
}

TEST(ExportGenerator, ExactCountsValidSortedPacificDayFiles) {
  struct Case {
    std::uint64_t messages;
    int days;
  };
  for (const Case c : {Case{0, 365}, Case{1, 365}, Case{7, 1}, Case{2500, 365}, Case{4000, 7}}) {
    SCOPED_TRACE(c.messages);
    TempDir dir;
    ExportStats stats = generate(dir.path() / "out", c.messages, 3, c.days);
    Recount r = recount(read_folder(dir.path() / "out"));
    EXPECT_EQ(r.problems, std::vector<std::string>{});
    EXPECT_EQ(r.stats.messages, c.messages);
    expect_same_stats(stats, r.stats);
    EXPECT_EQ(r.orphan_replies, 0u);
    EXPECT_EQ(r.reply_count_mismatches, 0u);
    EXPECT_EQ(r.stats.users, 150u);
  }
}

TEST(ExportGenerator, RepliesLandInLaterDayFilesThanTheirParents) {
  TempDir dir;
  ExportStats stats = generate(dir.path() / "out", 5000, 1);
  Recount r = recount(read_folder(dir.path() / "out"));
  EXPECT_GT(stats.threads, 100u);
  EXPECT_GT(stats.replies, 500u);
  EXPECT_GT(r.replies_after_parent_file, 100u);
  EXPECT_GT(stats.bot_messages, 100u);
}

TEST(ExportGenerator, ZipHoldsTheSameEntriesAsTheFolder) {
  TempDir dir;
  ExportStats folder_stats = generate(dir.path() / "out", 1500, 5);
  ExportStats zip_stats = generate(dir.path() / "out.zip", 1500, 5, 365, true);
  expect_same_stats(folder_stats, zip_stats);
  Files folder = read_folder(dir.path() / "out");
  Files zip = read_zip(dir.path() / "out.zip");
  EXPECT_EQ(zip.size(), folder.size());
  EXPECT_TRUE(zip == folder);
}

TEST(ExportGenerator, MetadataMatchesFolders) {
  TempDir dir;
  generate(dir.path() / "out", 3000, 2);
  Files files = read_folder(dir.path() / "out");
  simdjson::dom::parser parser;
  std::set<std::string> names;
  int bots = 0, deleted = 0, empty_display = 0, string_created = 0, archived = 0;
  for (const char* meta :
       {"users.json", "channels.json", "groups.json", "dms.json", "mpims.json"}) {
    simdjson::padded_string padded(files.at(meta));
    simdjson::dom::array list = parser.parse(padded).get_array().value();
    for (simdjson::dom::element e : list) {
      if (std::string_view(meta) == "users.json") {
        bots += e["is_bot"].get_bool().value() ? 1 : 0;
        deleted += e["deleted"].get_bool().value() ? 1 : 0;
        empty_display += e["profile"]["display_name"].get_string().value().empty() ? 1 : 0;
        continue;
      }
      std::string_view name;
      bool dm = e["name"].get_string().get(name) != simdjson::SUCCESS;
      names.insert(std::string(dm ? e["id"].get_string().value() : name));
      string_created += e["created"].is_string() ? 1 : 0;
      bool is_archived = false;
      if (e["is_archived"].get_bool().get(is_archived) == simdjson::SUCCESS && is_archived) {
        ++archived;
      }
      if (std::string_view(meta) == "mpims.json") {
        EXPECT_EQ(name.substr(0, 5), "mpdm-");
        EXPECT_EQ(name.substr(name.size() - 2), "-1");
      }
    }
  }
  EXPECT_GE(bots, 4);
  EXPECT_GE(deleted, 5);
  EXPECT_GT(empty_display, 30);
  EXPECT_GT(string_created, 0);
  EXPECT_EQ(archived, 1);
  EXPECT_GT(names.size(), 35u);
  for (const auto& [path, content] : files) {
    auto slash = path.find('/');
    if (slash != std::string::npos) {
      EXPECT_TRUE(names.count(path.substr(0, slash))) << path;
    }
  }
}

// Lowercase words of 3+ ASCII letters, as separated by anything else.
std::set<std::string> letter_words(std::string_view text) {
  std::set<std::string> words;
  std::string w;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w += static_cast<char>(c | 0x20);
      continue;
    }
    if (w.size() >= 3) words.insert(w);
    w.clear();
  }
  return words;
}

TEST(ExportGenerator, VocabularyIsBroadWithFrequentHeadWords) {
  TempDir dir;
  constexpr std::uint64_t kMessages = 20000;
  generate(dir.path() / "out", kMessages, 4);
  simdjson::dom::parser parser;
  std::map<std::string, std::uint64_t> df;  // Word -> messages with it in text or a title.
  std::uint64_t out_of_disk_in_ops_alerts = 0;
  for (const auto& [path, content] : read_folder(dir.path() / "out")) {
    if (path.find('/') == std::string::npos) continue;
    simdjson::padded_string padded(content);
    for (simdjson::dom::element m : parser.parse(padded).get_array()) {
      std::string text(m["text"].get_string().value());
      simdjson::dom::array attachments;
      if (m["attachments"].get_array().get(attachments) == simdjson::SUCCESS) {
        for (simdjson::dom::element a : attachments)
          text += " " + std::string(a["title"].get_string().value());
      }
      for (const std::string& w : letter_words(text)) df[w] += 1;
      if (path.rfind("ops-alerts/", 0) == 0 && text.find("out of disk") != std::string::npos)
        out_of_disk_in_ops_alerts += 1;
    }
  }
  EXPECT_GT(df.size(), 10000u);  // 20,596 with this seed.
  std::vector<std::uint64_t> counts;
  for (const auto& [w, n] : df) counts.push_back(n);
  std::sort(counts.begin(), counts.end());
  EXPECT_LE(counts[counts.size() / 2], 2u) << "the median word is rare";
  EXPECT_GT(df["the"], kMessages / 10);
  for (const char* w : {"disk", "deploy", "rollback"}) EXPECT_GT(df[w], kMessages / 100) << w;
  EXPECT_GT(out_of_disk_in_ops_alerts, 20u);
}

int run_cli(const std::string& args, std::string* out) {
  std::string cmd = std::string(BACKSCROLL_GENEXPORT) + " " + args + " 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  int status = ::pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(GenexportCli, UsageErrorsExitTwo) {
  TempDir dir;
  const std::string out = (dir.path() / "x").string();
  for (const std::string& args : std::vector<std::string>{
           "", "--messages 5", "--messages five " + out, "--messages 5 --start 2023-02-30 " + out,
           "--messages 5 --days 0 " + out, "--bogus " + out, "--messages 5 " + out + " " + out}) {
    std::string stdout_text;
    EXPECT_EQ(run_cli(args, &stdout_text), 2) << args;
    EXPECT_EQ(stdout_text, "") << args;
  }
}

TEST(GenexportCli, PrintsOneLineManifest) {
  TempDir dir;
  std::string text;
  ASSERT_EQ(
      run_cli("--messages 40 --seed 9 --start 2024-02-26 --days 10 " + (dir.path() / "o").string(),
              &text),
      0);
  ASSERT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find('\n'), text.size() - 1);
  Recount r = recount(read_folder(dir.path() / "o"));
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element m = parser.parse(padded).value();
  EXPECT_EQ(m["messages"].get_uint64().value(), 40u);
  EXPECT_EQ(m["conversations"].get_uint64().value(), r.stats.conversations);
  EXPECT_EQ(m["day_files"].get_uint64().value(), r.stats.day_files);
  EXPECT_EQ(m["bytes"].get_uint64().value(), r.stats.bytes);
  EXPECT_EQ(m["format"].get_string().value(), "pretty4");
  EXPECT_EQ(m["start"].get_string().value(), "2024-02-26");
}

}  // namespace
}  // namespace backscroll::generator
