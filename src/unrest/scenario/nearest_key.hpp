#pragma once
// "Did you mean ...?": the valid name closest to a misspelt one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unrest::scenario {

// Levenshtein distance (insertions, deletions, substitutions).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `name`, if it is near enough to be a plausible typo.
std::optional<std::string> nearest_key(std::string_view name,
                                       const std::vector<std::string>& candidates);

}  // namespace unrest::scenario
