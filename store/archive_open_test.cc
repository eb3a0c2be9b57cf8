// Opening archives: modes, the write lock, format version checks.

#include <gtest/gtest.h>
#include <rocksdb/write_batch.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <vector>

#include "store/archive.h"
#include "store/rocks_db.h"
#include "store/test_temp_dir.h"

namespace backscroll::store {
namespace {

using core::ConversationId;
using core::ErrorCode;
using core::Message;

Message msg(const char* when, const char* text) {
  Message m;
  m.conversation_id = ConversationId("C1");
  m.ts = *core::SlackTs::parse(when);
  m.text = text;
  return m;
}

// Every file in `dir` with its size and modification time, as text.
std::string listing(const std::filesystem::path& dir) {
  std::string out;
  std::vector<std::filesystem::directory_entry> entries(std::filesystem::directory_iterator(dir),
                                                        std::filesystem::directory_iterator{});
  std::sort(entries.begin(), entries.end());
  for (const auto& e : entries) {
    out += e.path().filename().string() + " " + std::to_string(e.file_size()) + " " +
           std::to_string(e.last_write_time().time_since_epoch().count()) + "\n";
  }
  return out;
}

std::uint64_t count_messages(const Archive& archive) {
  std::uint64_t n = 0;
  auto ok = archive.for_each_message([&n](const Message&) {
    ++n;
    return true;
  });
  EXPECT_TRUE(ok) << ok.error().describe();
  return n;
}

TEST(ArchiveOpenTest, ReadOnlyMissingIsNotFound) {
  TestTempDir dir;
  for (auto path : {dir.path() / "nothing", dir.path()}) {
    auto archive = Archive::open(path, OpenMode::kReadOnly);
    ASSERT_FALSE(archive);
    EXPECT_EQ(archive.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(archive.error().hint, "run `backscroll ingest` to create it");
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "nothing"));
}

TEST(ArchiveOpenTest, WritableCreatesAndReopenKeepsData) {
  TestTempDir dir;
  auto path = dir.path() / "a" / "store";
  {
    auto archive = Archive::open(path, OpenMode::kWritable);
    ASSERT_TRUE(archive) << archive.error().describe();
    ASSERT_TRUE((*archive)->upsert_messages(std::vector<Message>{msg("1", "a"), msg("2", "b")}));
  }
  EXPECT_TRUE(std::filesystem::exists(path / "CURRENT"));
  EXPECT_TRUE(std::filesystem::exists(path / "backscroll.lock"));
  auto archive = Archive::open(path, OpenMode::kWritable);
  ASSERT_TRUE(archive) << archive.error().describe();
  EXPECT_EQ((*archive)->last_sequence(), 2u);
  EXPECT_EQ(count_messages(**archive), 2u);
  EXPECT_EQ(**(*archive)->get_meta("format_version"), "2");
}

TEST(ArchiveOpenTest, SecondWriterIsLockedWithPid) {
  TestTempDir dir;
  auto first = Archive::open(dir.path(), OpenMode::kWritable);
  ASSERT_TRUE(first) << first.error().describe();
  auto second = Archive::open(dir.path(), OpenMode::kWritable);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kLocked);
  EXPECT_EQ(second.error().message, "archive is locked");
  EXPECT_EQ(second.error().hint,
            "another backscroll process holds it: pid " + std::to_string(getpid()));
  first->reset();
  auto third = Archive::open(dir.path(), OpenMode::kWritable);
  EXPECT_TRUE(third) << third.error().describe();
}

TEST(ArchiveOpenTest, ReadOnlyBesideWriterAndRefresh) {
  TestTempDir dir;
  auto writer = Archive::open(dir.path(), OpenMode::kWritable);
  ASSERT_TRUE(writer);
  ASSERT_TRUE((*writer)->upsert_messages(std::vector<Message>{msg("1", "a")}));

  auto reader = Archive::open(dir.path(), OpenMode::kReadOnly);
  ASSERT_TRUE(reader) << reader.error().describe();
  EXPECT_EQ((*reader)->last_sequence(), 1u);
  EXPECT_EQ(count_messages(**reader), 1u);

  ASSERT_TRUE((*writer)->upsert_messages(std::vector<Message>{msg("2", "b"), msg("3", "c")}));
  EXPECT_EQ(count_messages(**reader), 1u);  // The view at open.
  ASSERT_TRUE((*reader)->refresh());
  EXPECT_EQ((*reader)->last_sequence(), 3u);
  EXPECT_EQ(count_messages(**reader), 3u);
  std::vector<std::uint64_t> seqs;
  ASSERT_TRUE((*reader)->for_each_change(1, [&](std::uint64_t seq, const Message&) {
    seqs.push_back(seq);
    return true;
  }));
  EXPECT_EQ(seqs, (std::vector<std::uint64_t>{2, 3}));
  auto stats = (*reader)->stats();
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->messages, 3u);

  // A second writer is still refused while the reader is open.
  auto second = Archive::open(dir.path(), OpenMode::kWritable);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kLocked);
}

TEST(ArchiveOpenTest, ReadOnlyWithoutWriterAndNoWrites) {
  TestTempDir dir;
  {
    auto writer = Archive::open(dir.path(), OpenMode::kWritable);
    ASSERT_TRUE(writer);
    ASSERT_TRUE((*writer)->upsert_messages(std::vector<Message>{msg("1", "a")}));
  }
  const std::string before = listing(dir.path());
  auto reader = Archive::open(dir.path(), OpenMode::kReadOnly);
  ASSERT_TRUE(reader) << reader.error().describe();
  EXPECT_EQ(count_messages(**reader), 1u);
  auto upsert = (*reader)->upsert_messages(std::vector<Message>{msg("2", "b")});
  ASSERT_FALSE(upsert);
  EXPECT_EQ(upsert.error().code, ErrorCode::kUsage);
  EXPECT_EQ((*reader)->put_meta("k", "v").error().code, ErrorCode::kUsage);
  EXPECT_EQ((*reader)->put_users({}).error().code, ErrorCode::kUsage);
  EXPECT_EQ((*reader)->put_conversations({}).error().code, ErrorCode::kUsage);
  EXPECT_TRUE((*reader)->refresh());
  EXPECT_EQ(listing(dir.path()), before);  // Read-only opens write nothing.
  // The read-only open took no lock: a writer can open beside it.
  auto writer = Archive::open(dir.path(), OpenMode::kWritable);
  EXPECT_TRUE(writer) << writer.error().describe();
}

TEST(ArchiveOpenTest, UnknownFormatVersionIsCorrupt) {
  TestTempDir dir;
  { ASSERT_TRUE(Archive::open(dir.path(), OpenMode::kWritable)); }
  {
    auto db = RocksDb::open(dir.path(), OpenMode::kWritable);
    ASSERT_TRUE(db);
    rocksdb::Status s =
        (*db)->db().Put(rocksdb::WriteOptions(), (*db)->cf(Family::kMeta), "format_version", "99");
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kWritable}) {
    auto archive = Archive::open(dir.path(), mode);
    ASSERT_FALSE(archive);
    EXPECT_EQ(archive.error().code, ErrorCode::kCorrupt);
    EXPECT_EQ(archive.error().message, "unknown archive format version \"99\"");
  }
}

TEST(ArchiveOpenTest, UndecodableMessageIsCorrupt) {
  TestTempDir dir;
  {
    auto archive = Archive::open(dir.path(), OpenMode::kWritable);
    ASSERT_TRUE(archive);
    ASSERT_TRUE((*archive)->upsert_messages(std::vector<Message>{msg("1", "a")}));
  }
  {
    auto db = RocksDb::open(dir.path(), OpenMode::kWritable);
    ASSERT_TRUE(db);
    std::string key("C1\0\0\0\0\0\0\x0f\x42\x40", 11);  // ts 1.000000
    ASSERT_TRUE((*db)
                    ->db()
                    .Put(rocksdb::WriteOptions(), (*db)->cf(Family::kMessages), key, "\x01garbage")
                    .ok());
  }
  auto archive = Archive::open(dir.path(), OpenMode::kReadOnly);
  ASSERT_TRUE(archive);
  auto got = (*archive)->get_message(ConversationId("C1"), *core::SlackTs::parse("1"));
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(got.error().message, "stored message does not decode (conversation C1 ts 1.000000)");
  auto stats = (*archive)->stats();
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().code, ErrorCode::kCorrupt);
}

TEST(ArchiveOpenTest, NotADirectoryIsStorageError) {
  TestTempDir dir;
  std::ofstream(dir.path() / "file") << "x";
  auto archive = Archive::open(dir.path() / "file", OpenMode::kWritable);
  ASSERT_FALSE(archive);
  EXPECT_EQ(archive.error().code, ErrorCode::kStorage);
}

}  // namespace
}  // namespace backscroll::store
