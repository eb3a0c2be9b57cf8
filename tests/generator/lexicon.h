#pragma once
// Lexicon: the words of generated chat text, ranked, and a Zipf-distributed
// draw over them, so a generated corpus has a realistic vocabulary: a few
// words in a large share of messages and a long tail of rare ones.
//
// Ranks 1.. are the curated words of vocab::words() (function words and ops
// jargon, most frequent first), then a long tail built from a fixed seed, so
// every export shares it whatever its own seed: pronounceable pseudo-words
// made of syllables ("brandor", "quelix", "Tromast" for a name), shorter ones
// ranked first, with typos of the curated words ("rollbakc", "dploy") mixed in.
// draw() picks rank r with probability proportional to 1 / (r + 1.7), a
// Zipf-Mandelbrot law with exponent 1, computed in integers so that the same
// Rng gives the same words on every platform. Example: with 100,000 tail
// words, rank 1 ("the") comes in 3.5% of draws, rank 1,000 in 0.009%, and 55%
// of all draws land outside the curated head.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tests/generator/rng.h"

namespace backscroll::generator {

class Lexicon {
 public:
  // The size of the default tail.
  static constexpr std::size_t kDefaultTail = 100000;

  // Builds the ranking: the curated head plus `tail` generated words (tens of
  // milliseconds for the default). Deterministic: it uses no outside seed.
  explicit Lexicon(std::size_t tail = kDefaultTail);

  // A word drawn by rank, rank 1 likeliest (see the file comment). The view
  // stays valid as long as the lexicon.
  std::string_view draw(Rng& rng) const;

  // All words, by rank (index 0 is rank 1).
  std::size_t size() const { return words_.size(); }
  std::string_view word(std::size_t index) const { return words_[index]; }

 private:
  std::vector<std::string> words_;
  std::vector<std::uint64_t> cumulative_;  // cumulative_[i]: total weight of ranks 1..i+1.
};

}  // namespace backscroll::generator
