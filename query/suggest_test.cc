#include "query/suggest.h"

#include <gtest/gtest.h>

namespace backscroll::query {
namespace {

TEST(SuggestTest, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("ops", "ops"), 0u);
  EXPECT_EQ(edit_distance("opz", "ops"), 1u);
  EXPECT_EQ(edit_distance("bastain", "bastian"), 2u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(SuggestTest, ClosestNames) {
  const std::vector<std::string> names = {"general", "ops-alerts", "ops", "random", "Ops-Team"};
  EXPECT_EQ(closest_names("opz", names), (std::vector<std::string>{"ops"}));
  EXPECT_EQ(closest_names("ops-alert", names), (std::vector<std::string>{"ops-alerts", "ops"}));
  EXPECT_EQ(closest_names("OPS", names),
            (std::vector<std::string>{"ops", "Ops-Team", "ops-alerts"}));
  EXPECT_EQ(closest_names("genral", names), (std::vector<std::string>{"general"}));
  EXPECT_EQ(closest_names("zzzzzz", names), (std::vector<std::string>{}));
  EXPECT_EQ(closest_names("ops", names, 1), (std::vector<std::string>{"ops"}));
}

TEST(SuggestTest, FoldCase) { EXPECT_EQ(fold_case("Ops-ALERTS é"), "ops-alerts é"); }

}  // namespace
}  // namespace backscroll::query
