#pragma once
// Rule C's jail term: an integer drawn uniformly from a range; the classic model's is
// {0..Jmax-1} or {0..Jmax}.
#include <cstdint>
#include <limits>

#include "unrest/model/classic_options.hpp"

namespace unrest::model {

// A term that never runs out (the paper's "infinite" jail term).
inline constexpr std::uint32_t kLifeSentence = std::numeric_limits<std::uint32_t>::max();

// A term drawn uniformly from the integers {min_term..max_term} (min_term <= max_term).
template <typename Rng>
std::int64_t draw_jail_term_between(Rng& rng, std::int64_t min_term, std::int64_t max_term) {
  return min_term +
         static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(max_term - min_term + 1)));
}

// Number of distinct terms to draw from; the term is then `draw_below(count)`.
inline std::uint64_t jail_term_choices(JailTermRange range, std::uint32_t max_jail_term) {
  return range == JailTermRange::exclusive ? max_jail_term
                                           : static_cast<std::uint64_t>(max_jail_term) + 1;
}

template <typename Rng>
std::uint32_t draw_jail_term(Rng& rng, JailTermRange range, const MaxJailTerm& max_jail_term) {
  if (!max_jail_term) return kLifeSentence;
  return static_cast<std::uint32_t>(rng.below(jail_term_choices(range, *max_jail_term)));
}

}  // namespace unrest::model
