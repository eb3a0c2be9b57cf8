#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "index/archive_fixture.h"
#include "index/index.h"
#include "index/index_internal.h"
#include "index/schema.h"
#include "index/shard.h"
#include "index/text_analysis.h"

namespace backscroll::index {
namespace {

class CatchUpTest : public testing::ArchiveFixture {};

constexpr int kCount = 300;

TEST_F(CatchUpTest, IndexesEveryMessageInQuarterShards) {
  fill(kCount);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
  auto stats = catch_up(*archive_, index_dir_, [&](std::uint64_t done, std::uint64_t total) {
    progress.emplace_back(done, total);
  });
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->applied, static_cast<std::uint64_t>(kCount));
  EXPECT_EQ(stats->from_sequence, 0u);
  EXPECT_EQ(stats->to_sequence, archive_->last_sequence());
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), std::make_pair(std::uint64_t{kCount}, std::uint64_t{kCount}));

  EXPECT_EQ(*list_shards(index_dir_),
            (std::vector<std::string>{"2019q1-0", "2019q1-1", "2019q2-0", "2019q2-1", "2019q3-0",
                                      "2019q3-1", "2019q4-0", "2019q4-1", "2020q1-0", "2020q1-1",
                                      "2020q2-0", "2020q2-1", "2020q3-0", "2020q3-1", "2020q4-0",
                                      "2020q4-1"}));
  auto states = read_shard_states(index_dir_);
  ASSERT_TRUE(states);
  for (const ShardState& s : *states) {
    EXPECT_EQ(s.applied, archive_->last_sequence()) << s.name;
    EXPECT_EQ(s.schema_version, kSchemaVersion) << s.name;
  }
  Xapian::Database db = reader(index_dir_);
  EXPECT_EQ(db.get_doccount(), static_cast<Xapian::doccount>(kCount));
  EXPECT_EQ(db.get_termfreq("otter"), static_cast<Xapian::doccount>(kCount / 5));
  EXPECT_EQ(db.get_termfreq("XIreply"), static_cast<Xapian::doccount>(kCount / 10));
}

TEST_F(CatchUpTest, SecondRunAppliesNothing) {
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  auto again = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(again) << again.error().describe();
  EXPECT_EQ(again->applied, 0u);
  EXPECT_EQ(again->from_sequence, archive_->last_sequence());
  EXPECT_EQ(again->to_sequence, archive_->last_sequence());
}

TEST_F(CatchUpTest, EditReplacesTheDocument) {
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  core::Message edited = messages_[42];  // "message 42 about the badger"
  edited.text = "message 42 about the wombat";
  edited.edited_ts = core::SlackTs::from_micros(edited.ts.micros() + 60000000);
  upsert(edited);

  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->applied, 1u);
  EXPECT_EQ(stats->to_sequence, stats->from_sequence + 1);
  Xapian::Database db = reader(index_dir_);
  EXPECT_EQ(db.get_doccount(), static_cast<Xapian::doccount>(kCount));
  EXPECT_EQ(db.get_termfreq("wombat"), 1u);
  EXPECT_EQ(db.get_termfreq("42"), 1u);
  EXPECT_EQ(db.get_termfreq("badger"), static_cast<Xapian::doccount>(kCount / 5 - 1));
  EXPECT_EQ(db.get_termfreq("XIedited"), 1u);
}

TEST_F(CatchUpTest, RebuildGivesTheSameTermListsAsCatchUp) {
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  core::Message edited = messages_[7];
  edited.text = "rewritten completely";
  upsert(edited);  // The changelog now holds message 7 twice.
  ASSERT_TRUE(catch_up(*archive_, index_dir_));

  const std::filesystem::path rebuilt_dir = dir_.path() / "rebuilt";
  auto first = rebuild(*archive_, rebuilt_dir);
  ASSERT_TRUE(first) << first.error().describe();
  EXPECT_EQ(first->applied, static_cast<std::uint64_t>(kCount));  // Message 7 is written once.
  auto rebuilt = rebuild(*archive_, rebuilt_dir);                 // Over an existing index.
  ASSERT_TRUE(rebuilt) << rebuilt.error().describe();
  EXPECT_EQ(rebuilt->from_sequence, 0u);

  auto expected = all_term_lists(reader(index_dir_));
  EXPECT_EQ(expected.size(), static_cast<std::size_t>(kCount));
  EXPECT_EQ(all_term_lists(reader(rebuilt_dir)), expected);
  EXPECT_EQ(reader(rebuilt_dir).get_doccount(), static_cast<Xapian::doccount>(kCount));
}

TEST_F(CatchUpTest, OneThreadAndSmallCommitsGiveTheSameIndex) {
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  const std::filesystem::path other = dir_.path() / "other";
  CatchUpOptions options;
  options.threads = 1;
  options.commit_every = 7;
  auto stats = catch_up_with_options(*archive_, other, {}, options);
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(all_term_lists(reader(other)), all_term_lists(reader(index_dir_)));
}

TEST_F(CatchUpTest, RepairsARunThatCommittedOnlyOneShard) {
  fill(kCount);
  CatchUpOptions crashed;
  crashed.only_shards = std::set<std::string>{"2019q3-1"};
  auto partial = catch_up_with_options(*archive_, index_dir_, {}, crashed);
  ASSERT_TRUE(partial) << partial.error().describe();
  EXPECT_EQ(list_shards(index_dir_)->size(), 16u);  // Created before any change is sent.
  const Xapian::doccount in_2019q3 = reader(index_dir_).get_doccount();
  EXPECT_GT(in_2019q3, 10u);
  auto before = check(*archive_, index_dir_);
  ASSERT_TRUE(before);
  EXPECT_FALSE(before->ok());

  auto repaired = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(repaired) << repaired.error().describe();
  EXPECT_EQ(repaired->from_sequence, 0u);
  EXPECT_EQ(repaired->applied, kCount - in_2019q3);  // 2019q3 is skipped.
  EXPECT_EQ(reader(index_dir_).get_doccount(), static_cast<Xapian::doccount>(kCount));
  auto report = check(*archive_, index_dir_);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->problems, std::vector<std::string>{});
}

TEST_F(CatchUpTest, RepairsAShardCommittedBehindTheOthers) {
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  // Simulate a crash in which 2020q1-0 lost its last commits: its applied
  // sequence is back at 100 and its documents after that are gone.
  {
    Xapian::WritableDatabase shard(shard_path(index_dir_, "2020q1-0").string(), Xapian::DB_OPEN);
    std::vector<std::string> ids(shard.allterms_begin("Q"), shard.allterms_end("Q"));
    ASSERT_GT(ids.size(), 2u);
    shard.delete_document(ids.front());
    shard.delete_document(ids.back());
    shard.set_metadata(std::string(kMetaAppliedSequence), "100");
    shard.commit();
  }
  auto check_before = check(*archive_, index_dir_);
  ASSERT_TRUE(check_before);
  EXPECT_FALSE(check_before->ok());

  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->from_sequence, 100u);
  EXPECT_GE(stats->applied, 2u);
  EXPECT_EQ(reader(index_dir_).get_doccount(), static_cast<Xapian::doccount>(kCount));
  auto report = check(*archive_, index_dir_);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->problems, std::vector<std::string>{});
}

TEST_F(CatchUpTest, ReplacesAShardLeftHalfCreated) {
  fill(kCount);
  const std::filesystem::path half = shard_path(index_dir_, "2019q2-1");
  std::filesystem::create_directories(half);
  std::ofstream(half / "postlist.glass") << "garbage";
  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->applied, static_cast<std::uint64_t>(kCount));
  auto report = check(*archive_, index_dir_);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->problems, std::vector<std::string>{});
}

TEST_F(CatchUpTest, EmptyArchiveMakesNoShards) {
  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->applied, 0u);
  EXPECT_TRUE(list_shards(index_dir_)->empty());
  auto db = open_reader(index_dir_);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, core::ErrorCode::kNotFound);
}

TEST_F(CatchUpTest, ShardOfAnotherSchemaVersionIsReported) {
  fill(10);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  const std::string name = list_shards(index_dir_)->front();
  {
    Xapian::WritableDatabase shard(shard_path(index_dir_, name).string(), Xapian::DB_OPEN);
    shard.set_metadata(std::string(kMetaSchemaVersion), "0");
    shard.commit();
  }
  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().code, core::ErrorCode::kCorrupt);
  ASSERT_TRUE(rebuild(*archive_, index_dir_));
  EXPECT_TRUE(check(*archive_, index_dir_)->ok());
}

TEST_F(CatchUpTest, OldSchemaAsksForReindexOnBothSides) {
  fill(10);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  const std::vector<std::string> names = *list_shards(index_dir_);
  for (const std::string& name : names) {
    Xapian::WritableDatabase shard(shard_path(index_dir_, name).string(), Xapian::DB_OPEN);
    shard.set_metadata(std::string(kMetaSchemaVersion), "1");
    shard.set_metadata(std::string(kMetaLanguage), "");
    shard.commit();
  }
  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().code, core::ErrorCode::kCorrupt);
  EXPECT_EQ(stats.error().hint, "run `backscroll reindex` to rebuild the index");
  auto language = index_language(reader(index_dir_));
  ASSERT_FALSE(language);
  EXPECT_EQ(language.error().code, core::ErrorCode::kCorrupt);
  EXPECT_EQ(language.error().message,
            "the search index has schema version 1 and no language, this backscroll reads "
            "version 2");
  EXPECT_EQ(language.error().hint, "run `backscroll reindex` to rebuild the index");
}

TEST_F(CatchUpTest, LanguageIsRecordedAndKept) {
  fill(10);
  auto german = Language::parse("german");
  auto english = Language::parse("english");
  ASSERT_TRUE(german && english);
  ASSERT_TRUE(catch_up(*archive_, index_dir_, {}, *german));
  EXPECT_EQ(index_language(reader(index_dir_))->name(), "german");

  // Later runs keep it; asking for another one is a usage error.
  core::Message edited = messages_[0];
  edited.text = "Häuser";
  upsert(edited);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  EXPECT_EQ(reader(index_dir_).get_termfreq("Zhaus"), 1u);
  const std::vector<ShardState> states = *read_shard_states(index_dir_);
  for (const ShardState& s : states) EXPECT_EQ(s.language, "german");
  auto other = catch_up(*archive_, index_dir_, {}, *english);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, core::ErrorCode::kUsage);
  EXPECT_EQ(other.error().hint, "run `backscroll reindex --language english`");

  // rebuild keeps the language unless told otherwise.
  ASSERT_TRUE(rebuild(*archive_, index_dir_));
  EXPECT_EQ(index_language(reader(index_dir_))->name(), "german");
  ASSERT_TRUE(rebuild(*archive_, index_dir_, {}, *english));
  EXPECT_EQ(index_language(reader(index_dir_))->name(), "english");
  EXPECT_TRUE(check(*archive_, index_dir_)->ok());
}

TEST_F(CatchUpTest, LockedShardIsReportedAsLocked) {
  fill(10);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  const std::string name = shard_name(messages_[0].conversation_id, messages_[0].ts);
  Xapian::WritableDatabase holder(shard_path(index_dir_, name).string(), Xapian::DB_OPEN);
  core::Message edited = messages_[0];
  edited.text = "changed";
  upsert(edited);
  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().code, core::ErrorCode::kLocked) << stats.error().describe();
}

}  // namespace
}  // namespace backscroll::index
