#pragma once
// Close-match suggestions for names a user mistyped ("did you mean #ops?").

#include <string>
#include <string_view>
#include <vector>

namespace backscroll::query {

// Lower-case ASCII letters (other bytes unchanged), for case-insensitive names.
std::string fold_case(std::string_view text);

// Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `max` candidates closest to `wanted` by case-insensitive edit distance,
// closest first (ties keep the candidates' order), keeping only plausible ones:
// distance at most a third of the longer length (at least 2), or one containing
// the other. Duplicates are dropped.
std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max = 3);

}  // namespace backscroll::query
