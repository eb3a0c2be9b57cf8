#pragma once
// Rng: the generator's only source of randomness. std::mt19937_64 is fully
// specified by the standard, but the std::uniform_*_distribution mappings are
// not, so every mapping to a range here is our own integer arithmetic: the same
// seed gives the same numbers, hence the same export bytes, on every platform.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>
#include <span>
#include <string>
#include <string_view>

namespace backscroll::generator {

// SplitMix64 finaliser: derives independent seeds (one per conversation) from
// the user's seed.
constexpr std::uint64_t mix_seed(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }

  // Uniform in [0, n), n > 0, without modulo bias (rejects the short tail).
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;
    std::uint64_t x;
    do {
      x = engine_();
    } while (x < threshold);
    return x % n;
  }

  // Uniform in [lo, hi], lo <= hi.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // True with probability p/100 (p/1000 for per_mille).
  bool percent(int p) { return below(100) < static_cast<std::uint64_t>(p); }
  bool per_mille(int p) { return below(1000) < static_cast<std::uint64_t>(p); }

  // An index in [0, n) where small indexes are likelier (minimum of two
  // draws: density falls linearly), a cheap Zipf-like skew for vocabularies.
  std::size_t skewed(std::size_t n) {
    std::uint64_t a = below(n), b = below(n);
    return static_cast<std::size_t>(a < b ? a : b);
  }

  // A uniformly chosen element of a non-empty array, vector or span.
  template <typename Container>
  const auto& pick(const Container& items) {
    return items[below(std::size(items))];
  }

  // An index chosen with probability weights[i] / sum(weights).
  std::size_t weighted(std::span<const int> weights) {
    std::uint64_t total = 0;
    for (int w : weights) total += static_cast<std::uint64_t>(w);
    std::uint64_t x = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < static_cast<std::uint64_t>(weights[i])) return i;
      x -= static_cast<std::uint64_t>(weights[i]);
    }
    return weights.size() - 1;
  }

  // n characters drawn from `alphabet`.
  std::string chars(std::size_t n, std::string_view alphabet) {
    std::string s(n, ' ');
    for (auto& c : s) c = alphabet[below(alphabet.size())];
    return s;
  }

 private:
  std::mt19937_64 engine_;
};

inline constexpr std::string_view kUpperAlnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
inline constexpr std::string_view kHex = "0123456789abcdef";
inline constexpr std::string_view kAlnum =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

}  // namespace backscroll::generator
