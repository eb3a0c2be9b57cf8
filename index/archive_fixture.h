#pragma once
// Tests only: a writable archive in a temp dir, filled with synthetic messages
// spread over several quarters, and the index directory beside it.

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "index/reader.h"
#include "index/test_util.h"
#include "store/archive.h"

namespace backscroll::index::testing {

class ArchiveFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::Archive::open(dir_.path() / "archive", store::OpenMode::kWritable);
    ASSERT_TRUE(opened) << opened.error().describe();
    archive_ = std::move(*opened);
  }

  // `count` messages in conversations C0..C2, one every ~2.3 days from
  // 2019-01-01, so 300 of them span 8 quarters. Message i says "message i"
  // plus an animal, and every 10th starts a thread that the next one replies to.
  static std::vector<core::Message> synthetic(int count) {
    static const char* const kAnimals[] = {"heron", "otter", "badger", "lynx", "marten"};
    std::vector<core::Message> out;
    for (int i = 0; i < count; ++i) {
      core::Message m;
      m.conversation_id = core::ConversationId("C" + std::to_string(i % 3));
      m.ts = core::SlackTs::from_micros((1546300800LL + i * 200000LL) * 1000000LL + i);
      m.user_id = core::UserId("U" + std::to_string(i % 5));
      m.text = "message " + std::to_string(i) + " about the " + kAnimals[i % 5];
      if (i % 10 == 0) m.thread_ts = m.ts;
      out.push_back(std::move(m));
    }
    for (int i = 1; i < count; ++i) {
      if (i % 10 != 1) continue;
      out[i].conversation_id = out[i - 1].conversation_id;
      out[i].thread_ts = out[i - 1].ts;
    }
    return out;
  }

  void fill(int count) {
    messages_ = synthetic(count);
    auto counts = archive_->upsert_messages(messages_);
    ASSERT_TRUE(counts) << counts.error().describe();
    ASSERT_EQ(counts->added, static_cast<std::uint64_t>(count));
  }

  void upsert(const core::Message& m) {
    auto counts = archive_->upsert_messages(std::vector<core::Message>{m});
    ASSERT_TRUE(counts) << counts.error().describe();
  }

  Xapian::Database reader(const std::filesystem::path& index_dir) {
    auto db = open_reader(index_dir);
    if (!db) ADD_FAILURE() << db.error().describe();
    return db ? *db : Xapian::Database();
  }

  // Q term -> all terms of that document, for comparing whole indexes.
  static std::map<std::string, std::vector<std::string>> all_term_lists(
      const Xapian::Database& db) {
    std::map<std::string, std::vector<std::string>> out;
    for (auto id = db.allterms_begin("Q"); id != db.allterms_end("Q"); ++id) {
      Xapian::docid did = *db.postlist_begin(*id);
      out[*id] = {db.termlist_begin(did), db.termlist_end(did)};
    }
    return out;
  }

  TempDir dir_;
  std::filesystem::path index_dir_ = dir_.path() / "index";
  std::unique_ptr<store::Archive> archive_;
  std::vector<core::Message> messages_;
};

}  // namespace backscroll::index::testing
