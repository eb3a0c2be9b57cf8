#include "query/suggest.h"

#include <algorithm>
#include <numeric>

namespace backscroll::query {

std::string fold_case(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max) {
  const std::string want = fold_case(wanted);
  struct Scored {
    std::size_t distance;
    std::size_t order;
    const std::string* name;
  };
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string have = fold_case(candidates[i]);
    if (have.empty() || want.empty()) continue;
    std::size_t d = edit_distance(want, have);
    std::size_t limit = std::max<std::size_t>(2, std::max(want.size(), have.size()) / 3);
    bool contains = have.find(want) != std::string::npos || want.find(have) != std::string::npos;
    if (d <= limit || contains) scored.push_back({d, i, &candidates[i]});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
    return x.distance != y.distance ? x.distance < y.distance : x.order < y.order;
  });
  std::vector<std::string> out;
  for (const Scored& s : scored) {
    if (out.size() == max) break;
    if (std::find(out.begin(), out.end(), *s.name) == out.end()) out.push_back(*s.name);
  }
  return out;
}

}  // namespace backscroll::query
