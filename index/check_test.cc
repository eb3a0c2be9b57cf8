#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "index/archive_fixture.h"
#include "index/document_builder.h"
#include "index/index.h"
#include "index/schema.h"
#include "index/shard.h"
#include "index/terms.h"

namespace backscroll::index {
namespace {

class CheckTest : public testing::ArchiveFixture {
 protected:
  void SetUp() override {
    ArchiveFixture::SetUp();
    fill(kCount);
    auto stats = catch_up(*archive_, index_dir_);
    ASSERT_TRUE(stats) << stats.error().describe();
  }

  CheckReport run_check() {
    auto report = check(*archive_, index_dir_);
    if (!report) {
      ADD_FAILURE() << report.error().describe();
      return {};
    }
    return *report;
  }

  // Opens the shard holding message `i` for writing.
  Xapian::WritableDatabase shard_of(int i) {
    return Xapian::WritableDatabase(
        shard_path(index_dir_, shard_name(messages_[i].conversation_id, messages_[i].ts)).string(),
        Xapian::DB_OPEN);
  }

  static constexpr int kCount = 120;
};

TEST_F(CheckTest, PassesAfterCatchUp) {
  CheckReport report = run_check();
  EXPECT_EQ(report.problems, std::vector<std::string>{});
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.messages, static_cast<std::uint64_t>(kCount));
  EXPECT_EQ(report.documents, static_cast<std::uint64_t>(kCount));
}

TEST_F(CheckTest, FindsADeletedDocument) {
  const core::Message& m = messages_[17];
  {
    Xapian::WritableDatabase shard = shard_of(17);
    shard.delete_document(id_term(m.conversation_id, m.ts));
    shard.commit();
  }
  CheckReport report = run_check();
  EXPECT_EQ(
      report.problems,
      (std::vector<std::string>{"message " + m.ts.str() + " in conversation " +
                                    m.conversation_id.str() + " is not indexed",
                                "the index holds 119 documents but the archive has 120 messages"}));
  EXPECT_EQ(report.documents, 119u);
}

TEST_F(CheckTest, FindsAStrayDocument) {
  {
    core::Message stray = messages_[5];
    stray.conversation_id = core::ConversationId("C9");
    Xapian::WritableDatabase shard = shard_of(5);
    DocumentBuilder builder;
    shard.replace_document(id_term(stray.conversation_id, stray.ts), builder.build(stray));
    shard.commit();
  }
  CheckReport report = run_check();
  EXPECT_EQ(
      report.problems,
      (std::vector<std::string>{"the index holds message " + messages_[5].ts.str() +
                                    " in conversation C9, which is not in the archive",
                                "the index holds 121 documents but the archive has 120 messages"}));
}

TEST_F(CheckTest, FindsADuplicateDocument) {
  {
    Xapian::WritableDatabase shard = shard_of(3);
    DocumentBuilder builder;
    shard.add_document(builder.build(messages_[3]));
    shard.commit();
  }
  CheckReport report = run_check();
  const core::Message& m = messages_[3];
  EXPECT_EQ(
      report.problems,
      (std::vector<std::string>{"message " + m.ts.str() + " in conversation " +
                                    m.conversation_id.str() + " is indexed 2 times",
                                "the index holds 121 documents but the archive has 120 messages"}));
}

TEST_F(CheckTest, FindsAnIndexBehindTheArchive) {
  core::Message added = messages_.back();
  added.ts = core::SlackTs::from_micros(added.ts.micros() + 1000000);
  upsert(added);
  core::Message edited = messages_[0];
  edited.text = "edited";
  upsert(edited);
  CheckReport report = run_check();
  EXPECT_EQ(report.problems,
            (std::vector<std::string>{
                "message " + added.ts.str() + " in conversation " + added.conversation_id.str() +
                    " is not indexed",
                "the index holds 120 documents but the archive has 121 messages",
                "index is behind the archive by 2 changes; run `backscroll ingest` or "
                "`backscroll reindex`"}));

  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  EXPECT_EQ(run_check().problems, std::vector<std::string>{});
}

TEST_F(CheckTest, ReportsAMissingIndex) {
  CheckReport report = *check(*archive_, dir_.path() / "nowhere");
  EXPECT_EQ(report.documents, 0u);
  ASSERT_EQ(report.problems.size(), 23u);  // 20 listed, a summary, the count, behind.
  EXPECT_EQ(report.problems[20], "... and 100 more messages are not indexed");
  EXPECT_EQ(report.problems[22],
            "index is behind the archive by 120 changes; run `backscroll ingest` or "
            "`backscroll reindex`");
}

}  // namespace
}  // namespace backscroll::index
