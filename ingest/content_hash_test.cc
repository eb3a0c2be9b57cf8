// content_hash() is XXH64 with seed 0: reference values from the xxHash
// specification's test vectors and the xxhsum tool.

#include "ingest/content_hash.h"

#include <gtest/gtest.h>

#include <string>

namespace backscroll::ingest {
namespace {

TEST(ContentHashTest, MatchesXxh64) {
  EXPECT_EQ(content_hash(""), 0xEF46DB3751D8E999ULL);
  EXPECT_EQ(content_hash("a"), 0xD24EC4F1A98C6E5BULL);
  EXPECT_EQ(content_hash("abc"), 0x44BC2CF5AD770999ULL);
}

TEST(ContentHashTest, EveryTailLengthDiffers) {
  std::string s(100, '\0');
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<char>(i * 7 + 3);
  std::vector<std::uint64_t> seen;
  for (std::size_t n = 0; n <= s.size(); ++n) {
    std::uint64_t h = content_hash(std::string_view(s).substr(0, n));
    EXPECT_EQ(std::count(seen.begin(), seen.end(), h), 0) << n;
    seen.push_back(h);
  }
}

}  // namespace
}  // namespace backscroll::ingest
