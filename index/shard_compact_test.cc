#include "index/shard_compact.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "index/archive_fixture.h"
#include "index/index.h"
#include "index/index_internal.h"
#include "index/shard.h"

namespace backscroll::index {
namespace {

namespace fs = std::filesystem;

constexpr int kCount = 300;

std::uint64_t tree_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

std::set<std::string> entries_of(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir))
    out.insert(entry.path().filename().string());
  return out;
}

std::vector<std::string> metadata_of(const fs::path& shard) {
  Xapian::Database db(shard.string());
  std::vector<std::string> out;
  for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it) {
    out.push_back(*it + "=" + db.get_metadata(*it));
  }
  return out;
}

class ShardCompactTest : public testing::ArchiveFixture {
 protected:
  // Catches up with every shard of >= 10 new documents compacted (all 16 of
  // the fixture's, about 19 documents each).
  CatchUpStats catch_up_compacting(const fs::path& index_dir) {
    CatchUpOptions options;
    options.compact_min_documents = 10;
    auto stats = catch_up_with_options(*archive_, index_dir, {}, options);
    EXPECT_TRUE(stats) << stats.error().describe();
    return stats ? *stats : CatchUpStats{};
  }

  void expect_consistent() {
    auto report = check(*archive_, index_dir_);
    ASSERT_TRUE(report) << report.error().describe();
    EXPECT_EQ(report->problems, std::vector<std::string>{});
    EXPECT_EQ(reader(index_dir_).get_doccount(), static_cast<Xapian::doccount>(kCount));
  }
};

TEST_F(ShardCompactTest, CompactedIndexHasTheSameDocumentsAndMetadata) {
  fill(kCount);
  const fs::path plain = dir_.path() / "plain";
  auto plain_stats = catch_up(*archive_, plain);  // Default threshold: nothing compacted.
  ASSERT_TRUE(plain_stats) << plain_stats.error().describe();
  EXPECT_EQ(plain_stats->compacted_shards, 0u);

  const CatchUpStats stats = catch_up_compacting(index_dir_);
  const std::vector<std::string> names = *list_shards(index_dir_);
  ASSERT_EQ(names.size(), 16u);
  std::uint64_t expected_compacted = 0;
  const auto plain_states = read_shard_states(plain);
  ASSERT_TRUE(plain_states) << plain_states.error().describe();
  for (const ShardState& s : *plain_states) expected_compacted += s.documents >= 10;
  EXPECT_GT(expected_compacted, 0u);
  EXPECT_EQ(stats.compacted_shards, expected_compacted);
  EXPECT_EQ(stats.applied, static_cast<std::uint64_t>(kCount));

  // Same documents (term lists, docids), same metadata, fewer bytes, no leftovers.
  EXPECT_EQ(all_term_lists(reader(index_dir_)), all_term_lists(reader(plain)));
  EXPECT_EQ(entries_of(shards_dir(index_dir_)), std::set<std::string>(names.begin(), names.end()));
  for (const std::string& name : names) {
    Xapian::Database a(shard_path(index_dir_, name).string());
    Xapian::Database b(shard_path(plain, name).string());
    EXPECT_EQ(a.get_doccount(), b.get_doccount()) << name;
    EXPECT_EQ(a.get_lastdocid(), b.get_lastdocid()) << name;
    for (auto id = b.allterms_begin("Q"); id != b.allterms_end("Q"); ++id) {
      EXPECT_EQ(*a.postlist_begin(*id), *b.postlist_begin(*id)) << name << " " << *id;
      EXPECT_EQ(a.get_document(*a.postlist_begin(*id)).get_data(),
                b.get_document(*b.postlist_begin(*id)).get_data());
    }
    EXPECT_EQ(metadata_of(shard_path(index_dir_, name)), metadata_of(shard_path(plain, name)))
        << name;
    EXPECT_EQ(metadata_of(shard_path(index_dir_, name)).size(), 3u) << name;
  }
  EXPECT_LT(tree_bytes(shards_dir(index_dir_)), tree_bytes(shards_dir(plain)));
  expect_consistent();
}

TEST_F(ShardCompactTest, CompactedShardTakesLaterEdits) {
  fill(kCount);
  ASSERT_GT(catch_up_compacting(index_dir_).compacted_shards, 0u);
  core::Message edited = messages_[42];  // "message 42 about the badger"
  edited.text = "message 42 about the wombat";
  upsert(edited);
  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->applied, 1u);
  EXPECT_EQ(stats->compacted_shards, 0u);
  Xapian::Database db = reader(index_dir_);
  EXPECT_EQ(db.get_termfreq("wombat"), 1u);
  EXPECT_EQ(db.get_termfreq("badger"), static_cast<Xapian::doccount>(kCount / 5 - 1));
  expect_consistent();

  // And compacts again, a shard of one written document with threshold 1.
  edited.text = "message 42 about the quokka";
  upsert(edited);
  CatchUpOptions options;
  options.compact_min_documents = 1;
  auto again = catch_up_with_options(*archive_, index_dir_, {}, options);
  ASSERT_TRUE(again) << again.error().describe();
  EXPECT_EQ(again->compacted_shards, 1u);
  EXPECT_EQ(reader(index_dir_).get_termfreq("quokka"), 1u);
  EXPECT_EQ(reader(index_dir_).get_termfreq("wombat"), 0u);
  expect_consistent();
}

TEST_F(ShardCompactTest, ReadersKeepTheOldShardUntilTheyReopen) {
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  Xapian::Database before = reader(index_dir_);
  const std::string name = list_shards(index_dir_)->front();
  ASSERT_TRUE(compact_shard(index_dir_, name));
  EXPECT_EQ(before.get_doccount(), static_cast<Xapian::doccount>(kCount));
  EXPECT_EQ(before.get_termfreq("otter"), static_cast<Xapian::doccount>(kCount / 5));
  Xapian::Enquire enquire(before);
  enquire.set_query(Xapian::Query("heron"));
  EXPECT_EQ(enquire.get_mset(0, 1000).size(), static_cast<Xapian::doccount>(kCount / 5));
  before.reopen();
  EXPECT_EQ(before.get_termfreq("otter"), static_cast<Xapian::doccount>(kCount / 5));
  expect_consistent();
}

TEST_F(ShardCompactTest, LockedShardIsNotCompacted) {
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  const std::string name = list_shards(index_dir_)->front();
  Xapian::WritableDatabase holder(shard_path(index_dir_, name).string(), Xapian::DB_OPEN);
  auto compacted = compact_shard(index_dir_, name);
  ASSERT_FALSE(compacted);
  EXPECT_EQ(compacted.error().code, core::ErrorCode::kLocked) << compacted.error().describe();
  EXPECT_FALSE(fs::exists(shards_dir(index_dir_) / (name + kCompactTmpSuffix)));
}

TEST_F(ShardCompactTest, LeftoverCompactTmpIsDeleted) {
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  const std::string name = list_shards(index_dir_)->front();
  const fs::path tmp = shards_dir(index_dir_) / (name + kCompactTmpSuffix);
  fs::create_directories(tmp);
  std::ofstream(tmp / "postlist.glass") << "half written";

  // A compaction running elsewhere holds the shard's lock: left alone.
  {
    Xapian::WritableDatabase holder(shard_path(index_dir_, name).string(), Xapian::DB_OPEN);
    auto locked = catch_up(*archive_, index_dir_);
    ASSERT_FALSE(locked);
    EXPECT_EQ(locked.error().code, core::ErrorCode::kLocked);
    EXPECT_TRUE(fs::exists(tmp / "postlist.glass"));
  }
  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->applied, 0u);
  EXPECT_FALSE(fs::exists(tmp));
  expect_consistent();
}

TEST_F(ShardCompactTest, ShardLeftAsOldIsRenamedBack) {
  // A crash between the fallback's two renames: S.old and a complete S.compact-tmp.
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  const std::string name = list_shards(index_dir_)->front();
  const fs::path shard = shard_path(index_dir_, name);
  const fs::path old = shards_dir(index_dir_) / (name + kCompactOldSuffix);
  const fs::path tmp = shards_dir(index_dir_) / (name + kCompactTmpSuffix);
  Xapian::Database(shard.string()).compact(tmp.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  fs::rename(shard, old);
  EXPECT_EQ(list_shards(index_dir_)->size(), 15u);

  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->applied, 0u);
  EXPECT_EQ(stats->from_sequence, archive_->last_sequence());
  EXPECT_TRUE(fs::exists(shard / "iamglass"));
  EXPECT_FALSE(fs::exists(old));
  EXPECT_FALSE(fs::exists(tmp));
  EXPECT_EQ(list_shards(index_dir_)->size(), 16u);
  expect_consistent();
}

TEST_F(ShardCompactTest, OldBesideTheSwappedShardIsDeleted) {
  // A crash after the swap, before the old copy was deleted.
  fill(kCount);
  ASSERT_TRUE(catch_up(*archive_, index_dir_));
  const std::string name = list_shards(index_dir_)->back();
  const fs::path old = shards_dir(index_dir_) / (name + kCompactOldSuffix);
  fs::copy(shard_path(index_dir_, name), old);
  ASSERT_TRUE(compact_shard(index_dir_, name));

  auto stats = catch_up(*archive_, index_dir_);
  ASSERT_TRUE(stats) << stats.error().describe();
  EXPECT_EQ(stats->applied, 0u);
  EXPECT_FALSE(fs::exists(old));
  const std::vector<std::string> names = *list_shards(index_dir_);
  EXPECT_EQ(entries_of(shards_dir(index_dir_)), std::set<std::string>(names.begin(), names.end()));
  expect_consistent();
}

TEST_F(ShardCompactTest, RecoveryWithoutAnIndexDoesNothing) {
  EXPECT_TRUE(recover_compactions(index_dir_));
  EXPECT_FALSE(fs::exists(index_dir_));
}

}  // namespace
}  // namespace backscroll::index
