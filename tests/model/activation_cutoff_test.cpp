#include "unrest/model/activation_cutoff.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "unrest/model/arrest_probability.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::model {
namespace {

// The cutoff restatement must give exactly rule A's decision for every count a vision of up
// to 149 sites can produce, for citizens and legitimacies drawn at random.
void expect_same_decisions(Ratio ratio) {
  const double k = 2.3, threshold = 0.1;
  constexpr int kVision = 149;
  std::vector<double> p_by_ratio;
  for (int q = 0; q <= kVision; ++q) p_by_ratio.push_back(arrest_probability(ratio, k, q, 1));
  rng::RandomStream rng(7);
  int active_decisions = 0, quiet_decisions = 0;
  for (int citizen = 0; citizen < 300; ++citizen) {
    const double hardship = static_cast<float>(rng.uniform());
    const double risk_aversion = static_cast<float>(rng.uniform());
    const double legitimacy = rng.uniform();
    const std::uint32_t cutoff =
        activation_cutoff(hardship, risk_aversion, legitimacy, threshold, p_by_ratio.data(),
                          static_cast<std::uint32_t>(p_by_ratio.size()));
    for (int cops = 0; cops <= kVision; cops += 1 + cops / 8) {
      for (int actives = 1; actives <= kVision + 1; actives += 1 + actives / 8) {
        const bool rule = decides_active(hardship, risk_aversion, legitimacy,
                                         arrest_probability(ratio, k, cops, actives), threshold);
        const bool below = ratio == Ratio::floor
                               ? ratio_below_floor(cops, actives, cutoff)
                               : ratio_below_round_half_even(cops, actives, cutoff);
        ASSERT_EQ(rule, below) << "H " << hardship << " R " << risk_aversion << " L " << legitimacy
                               << " C " << cops << " A " << actives;
        (rule ? active_decisions : quiet_decisions) += 1;
      }
    }
  }
  // Both outcomes occur often, so the comparison is not vacuous.
  EXPECT_GT(active_decisions, 10000);
  EXPECT_GT(quiet_decisions, 10000);
}

TEST(ActivationCutoff, FloorRatioGivesRuleAExactly) { expect_same_decisions(Ratio::floor); }

TEST(ActivationCutoff, RoundHalfEvenRatioGivesRuleAExactly) {
  expect_same_decisions(Ratio::round_half_even);
}

TEST(ActivationCutoff, RoundHalfEvenTiesFollowTheRounding) {
  // C / A = 1/2 rounds to 0, 3/2 to 2, 5/2 to 2: below cutoff 1, not below 2, below 3.
  EXPECT_TRUE(ratio_below_round_half_even(1, 2, 1));
  EXPECT_FALSE(ratio_below_round_half_even(3, 2, 2));
  EXPECT_TRUE(ratio_below_round_half_even(5, 2, 3));
  EXPECT_FALSE(ratio_below_round_half_even(5, 2, 2));
  EXPECT_FALSE(ratio_below_round_half_even(0, 1, 0));  // nothing is below a cutoff of 0
}

TEST(ActivationCutoff, GrievanceAtOrUnderTheThresholdIsNeverActive) {
  const std::vector<double> p_by_ratio = {0.0, 0.5, 0.9};
  EXPECT_EQ(activation_cutoff(0.5, 0.3, 0.8, 0.1, p_by_ratio.data(), 3), 0u);  // G = 0.1
  EXPECT_EQ(activation_cutoff(1.0, 0.0, 0.0, 0.1, p_by_ratio.data(), 3), 3u);  // no risk
}

}  // namespace
}  // namespace unrest::model
