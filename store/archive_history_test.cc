// The archive loses nothing: edits keep versions, tombstones keep text,
// renames keep former names, and format 1 archives open and upgrade.

#include <gtest/gtest.h>

#include "store/archive.h"
#include "store/rocks_db.h"
#include "store/test_temp_dir.h"

namespace backscroll::store {
namespace {

using core::ConversationId;
using core::Message;
using core::SlackTs;

Message msg(const char* text, const char* edited = nullptr) {
  Message m;
  m.conversation_id = ConversationId("C1");
  m.ts = *SlackTs::parse("1600000000.000100");
  m.thread_ts = m.ts;
  m.raw_text = text;
  m.text = text;
  if (edited) m.edited_ts = SlackTs::parse(edited);
  return m;
}

Message tombstone() {
  Message m = msg("This message was deleted.");
  m.kind = core::MessageKind::kTombstone;
  m.subtype = "tombstone";
  m.hidden = true;
  m.deleted = true;
  return m;
}

class ArchiveHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Archive::open(dir_.path(), OpenMode::kWritable);
    ASSERT_TRUE(opened) << opened.error().describe();
    archive_ = std::move(*opened);
  }
  std::string counts(const Message& m) {
    auto c = archive_->upsert_messages(std::vector<Message>{m});
    if (!c) return c.error().describe();
    return std::to_string(c->added) + "/" + std::to_string(c->updated) + "/" +
           std::to_string(c->unchanged);
  }
  Message current() { return **archive_->get_message(ConversationId("C1"), msg("").ts); }
  std::vector<std::string> versions() {
    auto v = archive_->message_versions(ConversationId("C1"), msg("").ts);
    EXPECT_TRUE(v) << v.error().describe();
    std::vector<std::string> out;
    for (const Message& m : *v) out.push_back(m.raw_text);
    return out;
  }
  TestTempDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(ArchiveHistoryTest, EditsReplaceTextAndKeepVersionsOldestFirst) {
  using V = std::vector<std::string>;
  EXPECT_EQ(counts(msg("first")), "1/0/0");
  EXPECT_EQ(counts(msg("second", "1600000100.000000")), "0/1/0");
  EXPECT_EQ(counts(msg("third", "1600000200.000000")), "0/1/0");
  EXPECT_EQ(current().raw_text, "third");
  EXPECT_EQ(versions(), (V{"first", "second"}));
  // An older export ingested again changes nothing.
  EXPECT_EQ(counts(msg("first")), "0/0/1");
  EXPECT_EQ(counts(msg("second", "1600000100.000000")), "0/0/1");
  EXPECT_EQ(current().raw_text, "third");
  EXPECT_EQ(versions(), (V{"first", "second"}));
  EXPECT_EQ(archive_->last_sequence(), 3u);
}

TEST_F(ArchiveHistoryTest, OlderVersionSeenLastIsKeptAsAVersion) {
  EXPECT_EQ(counts(msg("edited", "1600000100.000000")), "1/0/0");
  EXPECT_EQ(counts(msg("original")), "0/0/1");
  EXPECT_EQ(current().raw_text, "edited");
  EXPECT_EQ(versions(), std::vector<std::string>{"original"});
}

TEST_F(ArchiveHistoryTest, TombstoneKeepsArchivedTextAndMarksDeleted) {
  EXPECT_EQ(counts(msg("the parent")), "1/0/0");
  EXPECT_EQ(counts(tombstone()), "0/1/0");
  Message m = current();
  EXPECT_EQ(m.raw_text, "the parent");
  EXPECT_TRUE(m.deleted);
  EXPECT_EQ(m.kind, core::MessageKind::kPlain);
  EXPECT_EQ(counts(tombstone()), "0/0/1");
  EXPECT_EQ(counts(msg("the parent")), "0/0/1");  // An older export: still deleted.
  EXPECT_TRUE(current().deleted);
  EXPECT_EQ(versions(), std::vector<std::string>{});
  // The thread entry survives: the parent still heads its thread.
  auto thread = archive_->thread(ConversationId("C1"), msg("").ts);
  ASSERT_TRUE(thread);
  EXPECT_EQ(thread->size(), 1u);
}

TEST_F(ArchiveHistoryTest, RenamesKeepFormerNames) {
  core::Conversation c;
  c.id = ConversationId("C1");
  c.name = "ops";
  ASSERT_TRUE(archive_->put_conversations(std::vector{c}));
  c.name = "ops-alerts";
  ASSERT_TRUE(archive_->put_conversations(std::vector{c}));
  c.name = "alerts";
  ASSERT_TRUE(archive_->put_conversations(std::vector{c}));
  auto got = archive_->get_conversation(c.id);
  ASSERT_TRUE(got && *got);
  EXPECT_EQ((*got)->name, "alerts");
  EXPECT_EQ((*got)->former_names, (std::vector<std::string>{"ops", "ops-alerts"}));

  core::User u;
  u.id = core::UserId("U1");
  u.name = "jo";
  ASSERT_TRUE(archive_->put_users(std::vector{u}));
  u.name = "jo.b";
  ASSERT_TRUE(archive_->put_users(std::vector{u}));
  auto user = archive_->get_user(u.id);
  ASSERT_TRUE(user && *user);
  EXPECT_EQ((*user)->former_names, std::vector<std::string>{"jo"});
}

// A format 1 archive: no versions family, format_version "1".
void make_format_1(const std::filesystem::path& dir) {
  auto db = RocksDb::open(dir, OpenMode::kWritable);
  ASSERT_TRUE(db);
  ASSERT_TRUE((*db)->db().DropColumnFamily((*db)->cf(Family::kVersions)).ok());
  ASSERT_TRUE((*db)
                  ->db()
                  .Put(rocksdb::WriteOptions(), (*db)->cf(Family::kMeta), "format_version", "1")
                  .ok());
}

TEST(ArchiveFormatTest, Format1OpensReadOnlyAndUpgradesOnWritableOpen) {
  TestTempDir dir;
  {
    auto archive = Archive::open(dir.path(), OpenMode::kWritable);
    ASSERT_TRUE(archive);
    ASSERT_TRUE((*archive)->upsert_messages(std::vector<Message>{msg("kept")}));
  }
  make_format_1(dir.path());
  {
    auto reader = Archive::open(dir.path(), OpenMode::kReadOnly);
    ASSERT_TRUE(reader) << reader.error().describe();
    EXPECT_EQ(**(*reader)->get_meta("format_version"), "1");
    auto versions = (*reader)->message_versions(ConversationId("C1"), msg("").ts);
    ASSERT_TRUE(versions);
    EXPECT_TRUE(versions->empty());
  }
  auto writer = Archive::open(dir.path(), OpenMode::kWritable);
  ASSERT_TRUE(writer) << writer.error().describe();
  EXPECT_EQ(**(*writer)->get_meta("format_version"), "2");
  auto c = (*writer)->upsert_messages(std::vector<Message>{msg("edited", "1600000300.000000")});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->updated, 1u);
  EXPECT_EQ((*(*writer)->message_versions(ConversationId("C1"), msg("").ts)).size(), 1u);
}

}  // namespace
}  // namespace backscroll::store
