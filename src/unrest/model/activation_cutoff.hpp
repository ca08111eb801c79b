#pragma once
// Rule A restated for whole-number cop-to-active ratios, so that a decision on a large lattice
// needs one small integer a citizen instead of its hardship, risk aversion and a probability.
//
// For a fixed citizen and legitimacy, decides_active(H, R, L, P(q), T) can only go from true
// to false as the ratio q grows, because P(q) = 1 - exp(-k q) never decreases with q (checked
// on the table that is passed in). So there is a cutoff: the citizen is active exactly when
// the ratio is below it. With the floor and round-half-even ratios the ratio is a whole number
// and "ratio(C, A) < cutoff" is a test on integers with no division (ratio_below). The literal
// ratio is not a whole number and keeps the direct rule.
#include <cstdint>

#include "unrest/model/activation.hpp"
#include "unrest/model/classic_options.hpp"
#include "unrest/model/host_device.hpp"

namespace unrest::model {

// The smallest whole ratio q at which the citizen stays quiet, given P(q) for q = 0 .. ratios
// - 1 (nondecreasing); `ratios` if it is active at every ratio in the table.
UNREST_HOST_DEVICE inline std::uint32_t activation_cutoff(double hardship, double risk_aversion,
                                                          double legitimacy, double threshold,
                                                          const double* p_by_ratio,
                                                          std::uint32_t ratios) {
  std::uint32_t low = 0;
  std::uint32_t high = ratios;
  while (low < high) {  // invariant: active below `low`, quiet at and above `high`
    const std::uint32_t mid = low + (high - low) / 2;
    if (decides_active(hardship, risk_aversion, legitimacy, p_by_ratio[mid], threshold)) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

// ratio(C, A) < cutoff for cops C >= 0 and A = 1 + actives >= 1, in integers, for the whole
// ratios: floor(C / A) < m  <=>  C < m A;  round_half_even(C / A) < m  <=>  C / A < m - 1/2,
// or C / A = m - 1/2 and the tie rounds down to m - 1, which it does when m - 1 is even.
// Branch-free, so that a loop of these vectorises.
UNREST_HOST_DEVICE inline bool ratio_below_floor(std::uint32_t cops, std::uint32_t actives,
                                                 std::uint32_t cutoff) {
  return cops < cutoff * actives;
}

UNREST_HOST_DEVICE inline bool ratio_below_round_half_even(std::uint32_t cops,
                                                           std::uint32_t actives,
                                                           std::uint32_t cutoff) {
  // C / A < m - 1/2  <=>  2C + A < 2mA, with no subtraction to wrap when m = 0. Exact in 32
  // bits for the counts of any vision the scenarios allow (at most 40,401 sites).
  const std::uint32_t lhs = 2 * cops + actives;
  const std::uint32_t rhs = 2 * cutoff * actives;
  return (lhs < rhs) | ((lhs == rhs) & ((cutoff & 1u) == 1u));
}

}  // namespace unrest::model
