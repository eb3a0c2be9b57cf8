#include "tests/generator/lexicon.h"

#include <algorithm>
#include <iterator>
#include <unordered_set>
#include <utility>

#include "tests/generator/vocabulary.h"

namespace backscroll::generator {
namespace {

// Fixed: every export has the same tail, whatever its own seed.
constexpr std::uint64_t kLexiconSeed = 0x4C455849434F4EULL;

// Zipf-Mandelbrot weights 1 / (r + 1.7), as kWeightScale / (100 r + 170).
constexpr std::uint64_t kWeightScale = std::uint64_t{1} << 50;
constexpr std::uint64_t kShiftHundredths = 170;

constexpr std::string_view kOnsets[] = {
    "b",  "c",  "d",  "f",  "g",  "h",  "j",  "k",  "l",  "m",  "n",  "p",   "r",  "s",
    "t",  "v",  "w",  "z",  "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl",  "gr", "kr",
    "pl", "pr", "qu", "sh", "sk", "sl", "sn", "sp", "st", "th", "tr", "str", "y",  "x",
};
constexpr std::string_view kNuclei[] = {
    "a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e", "ai", "ea", "ee", "ie", "oa", "oo", "ou",
};
// Between syllables only simple consonants, at the end clusters too.
constexpr std::string_view kInnerCodas[] = {"n", "r", "l", "s", "m", "t", "x", "k"};
constexpr std::string_view kFinalCodas[] = {
    "n",  "r",  "s",  "t",  "l",  "m",  "k",  "x",  "nd", "nt", "rk",
    "st", "ck", "ng", "sh", "th", "ll", "ss", "rd", "lt", "sk", "rn",
};
constexpr int kSyllableWeights[] = {8, 42, 38, 12};  // 1, 2, 3 or 4 syllables.
// Pseudo-words containing these are skipped: a generated corpus stays polite.
constexpr std::string_view kBlocked[] = {
    "shit", "fuc",  "fuk", "cock", "cunt", "dick", "nig",  "fag",  "slut", "whor", "rape",
    "porn", "piss", "tit", "cum",  "jiz",  "nazi", "kill", "twat", "wank", "sex",  "ass",
};

bool blocked(std::string_view w) {
  return std::any_of(std::begin(kBlocked), std::end(kBlocked),
                     [&](std::string_view b) { return w.find(b) != std::string_view::npos; });
}

std::string pseudo_word(Rng& rng) {
  const int syllables = 1 + static_cast<int>(rng.weighted(kSyllableWeights));
  std::string w;
  for (int i = 0; i < syllables; ++i) {
    const bool last = i + 1 == syllables;
    if (rng.percent(i == 0 ? 85 : 95)) w += rng.pick(kOnsets);
    w += rng.pick(kNuclei);
    if (last && rng.percent(65)) {
      w += rng.pick(kFinalCodas);
    } else if (!last && rng.percent(25)) {
      w += rng.pick(kInnerCodas);
    }
  }
  return w;
}

bool all_lower(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A plausible typo of `w` (4+ lowercase letters): two letters swapped, one
// dropped or one doubled.
std::string typo(Rng& rng, std::string_view w) {
  std::string t(w);
  const std::size_t j = 1 + rng.below(t.size() - 2);
  switch (rng.below(3)) {
    case 0:
      std::swap(t[j], t[j + 1]);
      break;
    case 1:
      t.erase(j, 1);
      break;
    default:
      t = t.substr(0, j + 1) + t.substr(j);
  }
  return t;
}

}  // namespace

Lexicon::Lexicon(std::size_t tail) {
  Rng rng(mix_seed(kLexiconSeed));
  std::unordered_set<std::string> seen;
  for (std::string_view w : vocab::words()) {
    words_.emplace_back(w);
    seen.emplace(w);
  }
  const std::size_t head = words_.size();

  // Pseudo-words, shorter ones first (with some shuffle between lengths).
  std::vector<std::pair<std::size_t, std::string>> generated;
  generated.reserve(tail);
  while (generated.size() < tail) {
    std::string w = pseudo_word(rng);
    if (w.size() < 3 || w.size() > 14 || blocked(w) || !seen.insert(w).second) continue;
    generated.emplace_back(w.size() + rng.below(5), std::move(w));
  }
  std::stable_sort(generated.begin(), generated.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [key, w] : generated) {
    if (rng.percent(6)) w[0] = static_cast<char>(w[0] - ('a' - 'A'));  // A name.
    words_.push_back(std::move(w));
  }

  // Typos of the curated words, somewhere in the first third of the tail.
  for (std::size_t i = 0; i < head && tail > 0; ++i) {
    const std::string source = words_[i];
    if (source.size() < 4 || !all_lower(source) || !rng.percent(60)) continue;
    std::string t = typo(rng, source);
    if (!seen.insert(t).second) continue;
    const std::size_t at = head + rng.below(words_.size() - head + 2) / 3;
    words_.insert(words_.begin() + static_cast<std::ptrdiff_t>(at), std::move(t));
  }

  cumulative_.reserve(words_.size());
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < words_.size(); ++i) {
    total += kWeightScale / (100 * (i + 1) + kShiftHundredths);
    cumulative_.push_back(total);
  }
}

std::string_view Lexicon::draw(Rng& rng) const {
  const std::uint64_t x = rng.below(cumulative_.back());
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
  return words_[static_cast<std::size_t>(it - cumulative_.begin())];
}

}  // namespace backscroll::generator
