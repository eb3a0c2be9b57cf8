// Archive reads and writes against a real RocksDB in a fresh directory.

#include "store/archive.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "store/test_temp_dir.h"

namespace backscroll::store {
namespace {

using core::ConversationId;
using core::Message;
using core::SlackTs;

SlackTs ts(const char* text) { return *SlackTs::parse(text); }

Message msg(const char* conv, const char* when, const char* text, const char* thread = nullptr) {
  Message m;
  m.conversation_id = ConversationId(conv);
  m.ts = ts(when);
  m.text = text;
  if (thread) m.thread_ts = ts(thread);
  return m;
}

// Texts of the messages a scan visits, in visit order.
std::vector<std::string> texts(const std::vector<Message>& ms) {
  std::vector<std::string> out;
  for (const Message& m : ms) out.push_back(m.text);
  return out;
}

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Archive::open(dir_.path() / "store", OpenMode::kWritable);
    ASSERT_TRUE(opened) << opened.error().describe();
    archive_ = std::move(*opened);
  }

  UpsertCounts upsert(const std::vector<Message>& ms,
                      const std::map<std::string, std::string>& meta = {}) {
    auto counts = archive_->upsert_messages(ms, meta);
    EXPECT_TRUE(counts) << counts.error().describe();
    return counts ? *counts : UpsertCounts{};
  }

  std::vector<Message> scan(const char* conv, std::optional<SlackTs> from,
                            std::optional<SlackTs> to) {
    std::vector<Message> out;
    auto ok = archive_->scan_conversation(ConversationId(conv), from, to, [&](const Message& m) {
      out.push_back(m);
      return true;
    });
    EXPECT_TRUE(ok) << ok.error().describe();
    return out;
  }

  std::vector<Message> scan_back(const char* conv, std::optional<SlackTs> before,
                                 std::size_t limit = 100) {
    std::vector<Message> out;
    auto ok =
        archive_->scan_conversation_backward(ConversationId(conv), before, [&](const Message& m) {
          out.push_back(m);
          return out.size() < limit;
        });
    EXPECT_TRUE(ok) << ok.error().describe();
    return out;
  }

  std::vector<std::pair<std::uint64_t, std::string>> changes(std::uint64_t after) {
    std::vector<std::pair<std::uint64_t, std::string>> out;
    auto ok = archive_->for_each_change(after, [&](std::uint64_t seq, const Message& m) {
      out.emplace_back(seq, m.text);
      return true;
    });
    EXPECT_TRUE(ok) << ok.error().describe();
    return out;
  }

  TestTempDir dir_;
  std::unique_ptr<Archive> archive_;
};

void expect_counts(const UpsertCounts& c, std::uint64_t added, std::uint64_t updated,
                   std::uint64_t unchanged) {
  EXPECT_EQ(c.added, added);
  EXPECT_EQ(c.updated, updated);
  EXPECT_EQ(c.unchanged, unchanged);
}

TEST_F(ArchiveTest, UpsertCountsAddedUpdatedUnchanged) {
  expect_counts(upsert({msg("C1", "1.000001", "a"), msg("C1", "2", "b")}), 2, 0, 0);
  EXPECT_EQ(archive_->last_sequence(), 2u);
  expect_counts(upsert({msg("C1", "1.000001", "a"), msg("C1", "2", "B"), msg("C2", "2", "c")}), 1,
                1, 1);
  EXPECT_EQ(archive_->last_sequence(), 4u);
  expect_counts(upsert({msg("C1", "1.000001", "a"), msg("C1", "2", "B")}), 0, 0, 2);
  EXPECT_EQ(archive_->last_sequence(), 4u);
  auto got = archive_->get_message(ConversationId("C1"), ts("2.000000"));
  ASSERT_TRUE(got && *got);
  EXPECT_EQ((*got)->text, "B");
  EXPECT_EQ((*got)->ts.str(), "2");
  auto missing = archive_->get_message(ConversationId("C1"), ts("3"));
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
}

TEST_F(ArchiveTest, DuplicateInOneBatchLaterWins) {
  expect_counts(upsert({msg("C1", "1", "first"), msg("C1", "2", "x"), msg("C1", "1", "second")}), 2,
                0, 0);
  EXPECT_EQ(archive_->last_sequence(), 2u);
  EXPECT_EQ(texts(scan("C1", {}, {})), (std::vector<std::string>{"second", "x"}));
  // Against a stored copy: the last copy decides (here it equals the stored one).
  expect_counts(upsert({msg("C1", "1", "third"), msg("C1", "1", "second")}), 0, 0, 1);
  expect_counts(upsert({msg("C1", "1", "second"), msg("C1", "1", "third")}), 0, 1, 0);
  EXPECT_EQ(changes(0), (std::vector<std::pair<std::uint64_t, std::string>>{
                            {1, "x"}, {2, "third"}, {3, "third"}}));
}

TEST_F(ArchiveTest, ChangelogInInputOrderAndAfter) {
  upsert({msg("C2", "5", "c2-5"), msg("C1", "9", "c1-9"), msg("C1", "1", "c1-1")});
  upsert({msg("C1", "9", "c1-9 edited"), msg("C3", "1", "c3-1")});
  using Changes = std::vector<std::pair<std::uint64_t, std::string>>;
  // Entries show each message's current state.
  EXPECT_EQ(
      changes(0),
      (Changes{{1, "c2-5"}, {2, "c1-9 edited"}, {3, "c1-1"}, {4, "c1-9 edited"}, {5, "c3-1"}}));
  EXPECT_EQ(changes(3), (Changes{{4, "c1-9 edited"}, {5, "c3-1"}}));
  EXPECT_EQ(changes(5), Changes{});
  EXPECT_EQ(changes(UINT64_MAX), Changes{});
  std::vector<std::uint64_t> seen;
  auto ok = archive_->for_each_change(0, [&](std::uint64_t seq, const Message&) {
    seen.push_back(seq);
    return seq < 2;
  });
  ASSERT_TRUE(ok);
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{1, 2}));
}

TEST_F(ArchiveTest, ChangelogAcrossManyBatches) {
  std::vector<Message> ms;
  for (int i = 0; i < 2500; ++i) {
    ms.push_back(msg("C1", std::to_string(1000 + i).c_str(), std::to_string(i).c_str()));
  }
  expect_counts(upsert(ms), 2500, 0, 0);
  std::uint64_t expected = 11;
  auto ok = archive_->for_each_change(10, [&](std::uint64_t seq, const Message& m) {
    EXPECT_EQ(seq, expected);
    EXPECT_EQ(m.text, std::to_string(seq - 1));
    ++expected;
    return true;
  });
  ASSERT_TRUE(ok);
  EXPECT_EQ(expected, 2501u);
}

TEST_F(ArchiveTest, MetaUpdatesGoWithMessages) {
  upsert({msg("C1", "1", "a")}, {{"day:general/2018-01-20.json", "hash1"}});
  auto meta = archive_->get_meta("day:general/2018-01-20.json");
  ASSERT_TRUE(meta && *meta);
  EXPECT_EQ(**meta, "hash1");
  // Meta alone is written even when every message is unchanged.
  expect_counts(upsert({msg("C1", "1", "a")}, {{"day:x", "h"}}), 0, 0, 1);
  EXPECT_EQ(**archive_->get_meta("day:x"), "h");
  ASSERT_TRUE(archive_->put_meta("k", "v"));
  EXPECT_EQ(**archive_->get_meta("k"), "v");
  EXPECT_FALSE(*archive_->get_meta("nope"));
  auto reserved = archive_->put_meta("last_sequence", "x");
  ASSERT_FALSE(reserved);
  EXPECT_EQ(reserved.error().code, core::ErrorCode::kUsage);
  auto reserved2 = archive_->upsert_messages({}, {{"format_version", "2"}});
  ASSERT_FALSE(reserved2);
  EXPECT_EQ(reserved2.error().code, core::ErrorCode::kUsage);
}

TEST_F(ArchiveTest, ThreadReturnsParentAndRepliesInTsOrderForAnyInsertOrder) {
  const char* parent_ts = "1516457000.000100";
  std::vector<Message> thread = {
      msg("C1", parent_ts, "parent", parent_ts),
      msg("C1", "1516457000.000200", "r1", parent_ts),
      msg("C1", "1516457001.000000", "r2", parent_ts),
      msg("C1", "1516457100.5", "r3", parent_ts),
  };
  std::vector<Message> noise = {
      msg("C1", "1516457000.000150", "not in thread"),
      msg("C1", "1516457002", "other thread", "1516457002"),
      msg("C2", "1516457000.000300", "other conversation", parent_ts),
  };
  std::vector<std::size_t> order(thread.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(42);
  for (int round = 0; round < 8; ++round) {
    TestTempDir dir;
    auto archive = Archive::open(dir.path(), OpenMode::kWritable);
    ASSERT_TRUE(archive);
    std::shuffle(order.begin(), order.end(), rng);
    ASSERT_TRUE((*archive)->upsert_messages(noise));
    for (std::size_t i : order) {  // One message per batch.
      ASSERT_TRUE((*archive)->upsert_messages(std::span(&thread[i], 1)));
    }
    auto got = (*archive)->thread(ConversationId("C1"), ts(parent_ts));
    ASSERT_TRUE(got) << got.error().describe();
    EXPECT_EQ(texts(*got), (std::vector<std::string>{"parent", "r1", "r2", "r3"}))
        << "round " << round;
  }
}

TEST_F(ArchiveTest, ThreadWithoutParentAndMovedReply) {
  upsert({msg("C1", "20", "reply", "10"), msg("C1", "30", "moves", "10")});
  EXPECT_EQ(texts(*archive_->thread(ConversationId("C1"), ts("10"))),
            (std::vector<std::string>{"reply", "moves"}));
  // A reply whose thread_ts changes leaves the old thread.
  upsert({msg("C1", "30", "moves", "25")});
  EXPECT_EQ(texts(*archive_->thread(ConversationId("C1"), ts("10"))),
            (std::vector<std::string>{"reply"}));
  EXPECT_EQ(texts(*archive_->thread(ConversationId("C1"), ts("25"))),
            (std::vector<std::string>{"moves"}));
  EXPECT_TRUE(archive_->thread(ConversationId("C1"), ts("99"))->empty());
}

TEST_F(ArchiveTest, ScanConversationBounds) {
  upsert({msg("C1", "999999999.000001", "a"), msg("C1", "1000000000", "b"),
          msg("C1", "1000000000.000001", "c"), msg("C1", "1000000005", "d"),
          msg("C10", "1", "other"), msg("C", "1", "other2")});
  using V = std::vector<std::string>;
  struct Case {
    std::optional<SlackTs> from, to;
    V want;
  };
  const std::vector<Case> cases = {
      {{}, {}, V{"a", "b", "c", "d"}},
      {ts("1000000000"), {}, V{"b", "c", "d"}},
      {{}, ts("1000000000"), V{"a"}},
      {ts("1000000000"), ts("1000000005"), V{"b", "c"}},
      {ts("1000000000.000001"), ts("1000000000.000002"), V{"c"}},
      {ts("1000000006"), {}, V{}},
      {ts("1000000005"), ts("1000000000"), V{}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(texts(scan("C1", c.from, c.to)), c.want)
        << (c.from ? c.from->str() : "-") << " " << (c.to ? c.to->str() : "-");
  }
  EXPECT_EQ(texts(scan("C9", {}, {})), V{});
}

TEST_F(ArchiveTest, ScanConversationBackward) {
  upsert({msg("C1", "1", "a"), msg("C1", "2", "b"), msg("C1", "3", "c"), msg("C2", "0.5", "x"),
          msg("C0", "9", "y")});
  using V = std::vector<std::string>;
  EXPECT_EQ(texts(scan_back("C1", {})), (V{"c", "b", "a"}));
  EXPECT_EQ(texts(scan_back("C1", ts("3"))), (V{"b", "a"}));
  EXPECT_EQ(texts(scan_back("C1", ts("2.5"))), (V{"b", "a"}));
  EXPECT_EQ(texts(scan_back("C1", ts("1"))), V{});
  EXPECT_EQ(texts(scan_back("C1", {}, 2)), (V{"c", "b"}));
  EXPECT_EQ(texts(scan_back("C3", {})), V{});
}

TEST_F(ArchiveTest, ForEachMessageInKeyOrder) {
  upsert({msg("C2", "1", "c2"), msg("C1", "2", "c1-2"), msg("C1", "1", "c1-1")});
  std::vector<Message> all;
  ASSERT_TRUE(archive_->for_each_message([&](const Message& m) {
    all.push_back(m);
    return true;
  }));
  EXPECT_EQ(texts(all), (std::vector<std::string>{"c1-1", "c1-2", "c2"}));
}

TEST_F(ArchiveTest, UsersAndConversations) {
  std::vector<core::User> users = {{core::UserId("U2"), "bo", "Bo", "", false, true},
                                   {core::UserId("U1"), "al", "Al", "al!", true, false}};
  ASSERT_TRUE(archive_->put_users(users));
  auto u1 = archive_->get_user(core::UserId("U1"));
  ASSERT_TRUE(u1 && *u1);
  EXPECT_EQ(**u1, users[1]);
  EXPECT_FALSE(*archive_->get_user(core::UserId("U3")));
  EXPECT_EQ(*archive_->users(), (std::vector<core::User>{users[1], users[0]}));

  std::vector<core::Conversation> convs = {
      {ConversationId("C1"),
       core::ConversationKind::kPublic,
       "general",
       "t",
       "p",
       {core::UserId("U1")},
       false,
       1449252889},
      {ConversationId("D1"), core::ConversationKind::kDm, "D1", "", "", {}, false, 0}};
  ASSERT_TRUE(archive_->put_conversations(convs));
  EXPECT_EQ(**archive_->get_conversation(ConversationId("D1")), convs[1]);
  EXPECT_FALSE(*archive_->get_conversation(ConversationId("G1")));
  EXPECT_EQ(*archive_->conversations(), convs);
  // Replacing a user overwrites it.
  users[0].real_name = "Bo B.";
  ASSERT_TRUE(archive_->put_users(std::span(&users[0], 1)));
  EXPECT_EQ((*archive_->get_user(core::UserId("U2")))->real_name, "Bo B.");
}

TEST_F(ArchiveTest, StatsExactValues) {
  auto empty = archive_->stats();
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->messages, 0u);
  EXPECT_FALSE(empty->first);
  EXPECT_FALSE(empty->last);

  Message bot = msg("C2", "1000000000.5", "bot");
  bot.kind = core::MessageKind::kBot;
  Message join = msg("C1", "999999999", "join");
  join.kind = core::MessageKind::kJoin;
  upsert({msg("C1", "1516457000", "p", "1516457000"), msg("C1", "1516457001", "r", "1516457000"),
          msg("C1", "1516457002", "r", "1516457000"), msg("C1", "1516457003", "lone", "1516457003"),
          msg("C2", "1516457004", "r", "1516457000"), bot, join});
  upsert({msg("C1", "1516457001", "r edited", "1516457000")});
  ASSERT_TRUE(
      archive_->put_users(std::vector<core::User>{{core::UserId("U1")}, {core::UserId("U2")}}));
  ASSERT_TRUE(archive_->put_conversations(
      std::vector<core::Conversation>{{ConversationId("C1"), core::ConversationKind::kPublic},
                                      {ConversationId("C2"), core::ConversationKind::kPublic},
                                      {ConversationId("D1"), core::ConversationKind::kDm}}));

  auto st = archive_->stats();
  ASSERT_TRUE(st) << st.error().describe();
  EXPECT_EQ(st->messages, 7u);
  EXPECT_EQ(st->conversations, 3u);
  EXPECT_EQ(st->users, 2u);
  ASSERT_TRUE(st->first && st->last);
  EXPECT_EQ(st->first->str(), "999999999");
  EXPECT_EQ(st->last->str(), "1516457004");
  EXPECT_EQ(st->messages_by_kind,
            (std::map<std::string, std::uint64_t>{{"bot", 1}, {"join", 1}, {"plain", 5}}));
  EXPECT_EQ(st->conversations_by_kind,
            (std::map<std::string, std::uint64_t>{{"dm", 1}, {"public", 2}}));
  EXPECT_EQ(st->threads, 3u);  // C1/1516457000, C1/1516457003, C2/1516457000.
  EXPECT_EQ(st->last_sequence, 8u);
}

TEST_F(ArchiveTest, RejectsNulInConversationId) {
  Message m = msg("C1", "1", "a");
  m.conversation_id = ConversationId(std::string("C\0", 2));
  auto r = archive_->upsert_messages(std::span(&m, 1));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::ErrorCode::kUsage);
  EXPECT_EQ(archive_->last_sequence(), 0u);
}

}  // namespace
}  // namespace backscroll::store
