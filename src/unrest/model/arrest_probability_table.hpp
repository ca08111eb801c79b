#pragma once
// model::arrest_probability, cached for the small counts that make up nearly every decision:
// no division and no exp on the hot path. Values are exactly those of the function.
#include <array>
#include <cstdint>
#include <vector>

#include "unrest/model/arrest_probability.hpp"

namespace unrest::model {

class ArrestProbabilityTable {
 public:
  ArrestProbabilityTable(Ratio ratio, double k) : ratio_(ratio), k_(k) {
    for (int r = 0; r < kCached; ++r) {
      // A ratio of r is what cop_active_ratio gives for C = r, A = 1 under every rounding.
      by_ratio_[r] = arrest_probability(ratio, k, r, 1);
    }
    if (ratio == Ratio::literal) return;  // unrounded ratios do not index a table
    ratio_by_counts_.resize(kCached * kCached);
    for (int a = 1; a < kCached; ++a) {
      for (int c = 0; c < kCached; ++c) {
        ratio_by_counts_[a * kCached + c] =
            static_cast<std::uint8_t>(cop_active_ratio(ratio, c, a));
      }
    }
  }

  // P for C = cops, A = actives (A >= 1).
  double operator()(int cops, int actives) const {
    if (!ratio_by_counts_.empty() && cops < kCached && actives < kCached) {
      return by_ratio_[ratio_by_counts_[actives * kCached + cops]];
    }
    return arrest_probability(ratio_, k_, cops, actives);
  }

 private:
  static constexpr int kCached = 64;
  Ratio ratio_;
  double k_;
  std::array<double, kCached> by_ratio_{};
  std::vector<std::uint8_t> ratio_by_counts_;  // ratio(C, A) at [A * kCached + C]
};

}  // namespace unrest::model
