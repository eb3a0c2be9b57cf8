#include "index/shard.h"

#include <gtest/gtest.h>

#include <fstream>

#include "index/terms.h"
#include "index/test_util.h"

namespace backscroll::index {
namespace {

TEST(ShardTest, NameIsTheUtcQuarterAndASlot) {
  struct Case {
    const char* ts;
    const char* quarter;
  } cases[] = {
      {"1577836800.000000", "2020q1"},  // 2020-01-01T00:00:00Z
      {"1577836799.999999", "2019q4"},  // one micro-second earlier
      {"1585699200.000000", "2020q2"},  // 2020-04-01
      {"1601510400.000000", "2020q4"},  // 2020-10-01
      {"1609459199.000000", "2020q4"},  // 2020-12-31T23:59:59Z
      {"0", "1970q1"},
  };
  const core::ConversationId c1("C1");
  for (const Case& c : cases) {
    const std::string name = shard_name(c1, testing::ts(c.ts));
    EXPECT_EQ(name.substr(0, 6), c.quarter) << c.ts;
    EXPECT_TRUE(name == std::string(c.quarter) + "-0" || name == std::string(c.quarter) + "-1")
        << name;
  }
}

TEST(ShardTest, SlotIsAPersistedHashOfTheKey) {
  // Pinned (checked against an independent FNV-1a): changing the hash would
  // move messages between shards.
  EXPECT_EQ(shard_name(core::ConversationId("C1"), testing::ts("1516457078.000065")), "2018q1-0");
  EXPECT_EQ(shard_name(core::ConversationId("C1"), testing::ts("1516457078.000066")), "2018q1-1");
  EXPECT_EQ(shard_name(core::ConversationId("D2"), testing::ts("1516457078.000065")), "2018q1-0");
}

TEST(ShardTest, SlotsShareMessagesEvenly) {
  int in_slot_1 = 0;
  for (int i = 0; i < 10000; ++i) {
    const std::string name = shard_name(core::ConversationId("C" + std::to_string(i % 7)),
                                        core::SlackTs::from_micros(1600000000000000LL + i * 1000));
    in_slot_1 += name.back() == '1';
  }
  EXPECT_GT(in_slot_1, 4800);
  EXPECT_LT(in_slot_1, 5200);
}

TEST(ShardTest, OrdinalsAreConsecutive) {
  EXPECT_EQ(*shard_ordinal("2020q1-0") + 1, *shard_ordinal("2020q1-1"));
  EXPECT_EQ(*shard_ordinal("2020q1-1") + 1, *shard_ordinal("2020q2-0"));
  EXPECT_EQ(*shard_ordinal("2019q4-1") + 1, *shard_ordinal("2020q1-0"));
  for (const char* bad :
       {"2020q1", "2020q5-0", "2020q0-0", "2020q1-2", "20x0q1-0", "2020-q1-0", "", "lost+found"}) {
    EXPECT_FALSE(shard_ordinal(bad).has_value()) << bad;
  }
}

TEST(ShardTest, ListsOnlyShardDirectories) {
  testing::TempDir dir;
  EXPECT_TRUE(list_shards(dir.path() / "missing")->empty());
  for (const char* name : {"2020q2-1", "2019q4-0", "tmp"}) {
    std::filesystem::create_directories(shards_dir(dir.path()) / name);
    std::ofstream(shards_dir(dir.path()) / name / "iamglass") << "x";
  }
  std::filesystem::create_directories(shards_dir(dir.path()) / "2020q3-0");  // Half-created.
  EXPECT_EQ(*list_shards(dir.path()), (std::vector<std::string>{"2019q4-0", "2020q2-1"}));
}

TEST(TermsTest, DocumentDataRoundTrips) {
  const std::string data =
      document_data(core::ConversationId("C1"), testing::ts("1516457078.000065"));
  EXPECT_EQ(data, "C1\n1516457078.000065");
  auto key = parse_document_data(data);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->conversation.str(), "C1");
  EXPECT_EQ(key->ts.str(), "1516457078.000065");
  EXPECT_FALSE(parse_document_data("C1").has_value());
  EXPECT_FALSE(parse_document_data("\n1516457078.000065").has_value());
}

TEST(TermsTest, ReactionBotNameAndMonth) {
  const struct {
    const char* name;
    const char* term;
  } reactions[] = {
      {"fire", "XRfire"},
      {":fire:", "XRfire"},
      {"Fire", "XRfire"},
      {"+1::skin-tone-2", "XR+1"},
      {":+1::skin-tone-2:", "XR+1"},
      {"white_check_mark", "XRwhite_check_mark"},
      {"::", "XR"},
  };
  for (const auto& r : reactions) EXPECT_EQ(reaction_term(r.name), r.term) << r.name;
  EXPECT_EQ(bot_name_term("PagerDuty"), "XBpagerduty");
  EXPECT_EQ(bot_name_term("Ärger Bot"), "XBärger bot");
  EXPECT_EQ(month_value(testing::ts("1516457078.000065")), "2018-01");
  EXPECT_EQ(month_value(testing::ts("1609459199.999999")), "2020-12");  // UTC, last second
  EXPECT_EQ(month_value(testing::ts("1609459200.000000")), "2021-01");
}

}  // namespace
}  // namespace backscroll::index
