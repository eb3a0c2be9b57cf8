#include "tests/generator/lexicon.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/generator/vocabulary.h"

namespace backscroll::generator {
namespace {

TEST(Lexicon, CuratedHeadThenDistinctPronounceableTail) {
  const Lexicon lexicon;
  const auto head = vocab::words();
  ASSERT_GT(lexicon.size(), head.size() + Lexicon::kDefaultTail);  // Plus typos.
  for (std::size_t i = 0; i < head.size(); ++i) EXPECT_EQ(lexicon.word(i), head[i]);
  EXPECT_EQ(lexicon.word(0), "the");
  std::set<std::string> lower;
  for (std::size_t i = 0; i < lexicon.size(); ++i) {
    std::string w(lexicon.word(i));
    if (i >= head.size()) {
      ASSERT_GE(w.size(), 3u) << w;
      ASSERT_LE(w.size(), 14u) << w;
      for (std::size_t k = 0; k < w.size(); ++k) {
        const char c = w[k];
        ASSERT_TRUE((c >= 'a' && c <= 'z') || (k == 0 && c >= 'A' && c <= 'Z')) << w;
      }
    }
    for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    lower.insert(w);
  }
  EXPECT_EQ(lower.size(), lexicon.size()) << "no word twice, whatever its case";
}

TEST(Lexicon, SameWordsInEveryBuild) {
  const Lexicon a, b(1000);
  EXPECT_GT(b.size(), vocab::words().size() + 1000);
  // A smaller tail is not a prefix of a larger one (it is sorted by length),
  // but each is fixed.
  const Lexicon c(1000);
  for (std::size_t i = 0; i < b.size(); ++i) ASSERT_EQ(b.word(i), c.word(i));
  Rng r1(5), r2(5);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.draw(r1), a.draw(r2));
}

TEST(Lexicon, DrawsFollowZipf) {
  const Lexicon lexicon;
  std::map<std::string_view, int> rank_of;
  for (std::size_t i = 0; i < lexicon.size(); ++i) rank_of[lexicon.word(i)] = static_cast<int>(i);
  Rng rng(11);
  constexpr int kDraws = 200000;
  std::vector<int> count(lexicon.size(), 0);
  std::set<std::string_view> distinct;
  for (int i = 0; i < kDraws; ++i) {
    const std::string_view w = lexicon.draw(rng);
    ++count[rank_of.at(w)];
    distinct.insert(w);
  }
  // p(r) = 1 / ((r + 1.7) H) with H ~ 10.7 for ~100,400 words: rank 1 ~3.5%,
  // rank 10 ~0.80%, rank 100 ~0.092%; 55% of the draws are in the tail.
  EXPECT_NEAR(count[0] / double(kDraws), 0.0345, 0.003);
  EXPECT_NEAR(count[9] / double(kDraws), 0.0080, 0.001);
  EXPECT_NEAR(count[99] / double(kDraws), 0.00092, 0.0003);
  int tail = 0;
  for (std::size_t i = vocab::words().size(); i < count.size(); ++i) tail += count[i];
  EXPECT_NEAR(tail / double(kDraws), 0.55, 0.03);
  EXPECT_GT(distinct.size(), 40000u);
}

}  // namespace
}  // namespace backscroll::generator
