#include "index/schema.h"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

namespace backscroll::index {
namespace {

TEST(SchemaTest, PrefixesAreUniqueAndNotPrefixesOfEachOther) {
  for (const Field& a : kFields) {
    for (const Field& b : kFields) {
      if (&a == &b) continue;
      EXPECT_NE(a.prefix, b.prefix);
      EXPECT_FALSE(b.prefix.starts_with(a.prefix)) << a.prefix << " is a prefix of " << b.prefix;
    }
  }
}

TEST(SchemaTest, KeywordsAndSlotsAreUnique) {
  std::set<std::string_view> keywords;
  for (const Field& f : kFields) {
    if (!f.keyword.empty()) {
      EXPECT_TRUE(keywords.insert(f.keyword).second) << f.keyword;
    }
  }
  std::set<unsigned> slots = {kSlotTime, kSlotConversation, kSlotAuthor, kSlotMonth};
  EXPECT_EQ(slots.size(), 4u);
}

}  // namespace
}  // namespace backscroll::index
