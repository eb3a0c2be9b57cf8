// Incremental ingest: day-file hashes skip unchanged files; edits, tombstones
// and renames through real exports; strict mode writes nothing from a bad export.

#include <gtest/gtest.h>

#include "ingest/day_file_record.h"
#include "ingest/ingest.h"
#include "ingest/ingest_test_util.h"

namespace backscroll::ingest {
namespace {

using testing::open_archive;
using testing::TempDir;
using testing::write_file;
namespace fs = std::filesystem;

// "added/updated/unchanged skipped files known errors" of one ingest.
std::string summary(store::Archive& archive, const fs::path& path, bool strict = false) {
  IngestOptions options;
  options.strict = strict;
  auto r = ingest_export(archive, path, options);
  if (!r) return r.error().describe();
  return std::to_string(r->counts.added) + "/" + std::to_string(r->counts.updated) + "/" +
         std::to_string(r->counts.unchanged) + " skipped " + std::to_string(r->skipped) +
         " files " + std::to_string(r->files) + " known " + std::to_string(r->files_known) +
         " errors " + std::to_string(r->errors.size()) + (r->written ? "" : " refused");
}

void write_metadata(const fs::path& dir, const std::string& channel = "general") {
  write_file(dir / "users.json", R"([{"id": "U1", "name": "al"}])");
  write_file(dir / "channels.json", R"([{"id": "C1", "name": ")" + channel + R"("}])");
}

TEST(IngestIncrementalTest, UnchangedDayFilesAreNotParsedAgain) {
  TempDir dir;
  auto archive = open_archive(dir.path() / "archive");
  fs::path exp = dir.path() / "export";
  write_metadata(exp);
  write_file(exp / "general/2020-10-01.json",
             R"([{"user": "U1", "text": "a", "ts": "1601510400.000100"},
                 {"user": "U1", "text": "b", "ts": "1601510400.000200"},
                 {"user": "U1", "subtype": "message_changed", "ts": "1601510400.000300"}])");
  write_file(exp / "general/2020-10-02.json",
             R"([{"user": "U1", "text": "c", "ts": "1601596800.000100"}])");
  EXPECT_EQ(summary(*archive, exp), "3/0/0 skipped 1 files 2 known 0 errors 0");
  auto record = archive->get_meta("day_file/C1/2020-10-01.json");
  ASSERT_TRUE(record && *record);
  EXPECT_EQ(decode_day_file_record(**record)->messages, 2u);
  EXPECT_EQ(decode_day_file_record(**record)->skipped, 1u);
  const std::uint64_t sequence = archive->last_sequence();

  EXPECT_EQ(summary(*archive, exp), "0/0/3 skipped 1 files 2 known 2 errors 0");
  EXPECT_EQ(archive->last_sequence(), sequence);

  // An edit in one file: only that file is read again.
  write_file(exp / "general/2020-10-02.json",
             R"([{"user": "U1", "text": "c!", "ts": "1601596800.000100",
                  "edited": {"user": "U1", "ts": "1601596900.000000"}},
                 {"user": "U1", "text": "d", "ts": "1601596800.000200"}])");
  EXPECT_EQ(summary(*archive, exp), "1/1/2 skipped 1 files 2 known 1 errors 0");
  auto edited =
      archive->get_message(core::ConversationId("C1"), *core::SlackTs::parse("1601596800.000100"));
  ASSERT_TRUE(edited && *edited);
  EXPECT_EQ((*edited)->text, "c!");
  auto versions = archive->message_versions(core::ConversationId("C1"), (*edited)->ts);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].text, "c");
}

TEST(IngestIncrementalTest, TombstoneKeepsTextAndRenamesKeepFormerNames) {
  TempDir dir;
  auto archive = open_archive(dir.path() / "archive");
  fs::path first = dir.path() / "first", second = dir.path() / "second";
  write_metadata(first, "ops");
  write_file(first / "ops/2020-10-01.json",
             R"([{"user": "U1", "text": "disk full", "ts": "1601510400.000100",
                  "thread_ts": "1601510400.000100", "reply_count": 1},
                 {"user": "U1", "text": "fixed", "ts": "1601510400.000200",
                  "thread_ts": "1601510400.000100"}])");
  EXPECT_EQ(summary(*archive, first), "2/0/0 skipped 0 files 1 known 0 errors 0");
  write_metadata(second, "ops-alerts");
  write_file(second / "ops-alerts/2020-10-01.json",
             R"([{"subtype": "tombstone", "text": "This message was deleted.", "user": "USLACKBOT",
                  "hidden": true, "ts": "1601510400.000100", "thread_ts": "1601510400.000100"},
                 {"user": "U1", "text": "fixed", "ts": "1601510400.000200",
                  "thread_ts": "1601510400.000100"}])");
  EXPECT_EQ(summary(*archive, second), "0/1/1 skipped 0 files 1 known 0 errors 0");
  auto parent =
      archive->get_message(core::ConversationId("C1"), *core::SlackTs::parse("1601510400.000100"));
  ASSERT_TRUE(parent && *parent);
  EXPECT_EQ((*parent)->text, "disk full");
  EXPECT_TRUE((*parent)->deleted);
  auto c = archive->get_conversation(core::ConversationId("C1"));
  ASSERT_TRUE(c && *c);
  EXPECT_EQ((*c)->name, "ops-alerts");
  EXPECT_EQ((*c)->former_names, std::vector<std::string>{"ops"});
  // The older export again: nothing changes, the parent stays deleted.
  EXPECT_EQ(summary(*archive, first), "0/0/2 skipped 0 files 1 known 0 errors 0");
}

TEST(IngestIncrementalTest, StrictWritesNothingFromAnExportWithABadFile) {
  TempDir dir;
  auto archive = open_archive(dir.path() / "archive");
  fs::path exp = dir.path() / "export";
  write_metadata(exp);
  write_file(exp / "general/2020-10-01.json",
             R"([{"user": "U1", "text": "a", "ts": "1601510400.000100"}])");
  write_file(exp / "general/2020-10-02.json", R"([{"user": "U1", "text": )");
  EXPECT_EQ(summary(*archive, exp, true), "0/0/0 skipped 0 files 2 known 0 errors 1 refused");
  auto stats = archive->stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->messages, 0u);
  EXPECT_EQ(stats->users, 0u);
  EXPECT_EQ(stats->conversations, 0u);
  // Not strict: the good file goes in.
  EXPECT_EQ(summary(*archive, exp), "1/0/0 skipped 0 files 2 known 0 errors 1");
  // Repaired: strict checks only the file it does not know yet.
  write_file(exp / "general/2020-10-02.json",
             R"([{"user": "U1", "text": "b", "ts": "1601596800.000100"}])");
  EXPECT_EQ(summary(*archive, exp, true), "1/0/1 skipped 0 files 2 known 1 errors 0");
}

TEST(DayFileRecordTest, RoundTripsAndRejectsOtherSizes) {
  DayFileRecord r{0x0123456789abcdefULL, 7, 2};
  std::string v = encode_day_file_record(r);
  EXPECT_EQ(v.size(), 24u);
  EXPECT_EQ(v.substr(0, 2), "\x01\x23");
  EXPECT_EQ(decode_day_file_record(v), r);
  EXPECT_EQ(decode_day_file_record(v.substr(1)), std::nullopt);
  EXPECT_EQ(day_file_key(core::ConversationId("C1"), "2020-10-01.json"),
            "day_file/C1/2020-10-01.json");
}

}  // namespace
}  // namespace backscroll::ingest
