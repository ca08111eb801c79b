#include "unrest/model/arrest_probability.hpp"

#include <gtest/gtest.h>

#include "unrest/model/activation.hpp"

namespace unrest::model {
namespace {

TEST(ArrestProbability, OneCopOneActiveIsPoint8997) {
  // The paper's check: P(C = 1, A = 1) = 1 - exp(-2.3) = 0.8997.
  for (Ratio r : {Ratio::floor, Ratio::round_half_even, Ratio::literal}) {
    EXPECT_NEAR(arrest_probability(r, 2.3, 1, 1), 0.8997, 5e-5) << to_string(r);
  }
}

TEST(ArrestProbability, FloorGivesZeroWheneverCopsAreFewerThanActives) {
  for (int a = 1; a <= 20; ++a) {
    for (int c = 0; c < a; ++c) EXPECT_EQ(arrest_probability(Ratio::floor, 2.3, c, a), 0.0);
  }
  EXPECT_GT(arrest_probability(Ratio::floor, 2.3, 5, 5), 0.0);
}

TEST(ArrestProbability, RoundHalfEvenRoundsTiesToEven) {
  EXPECT_EQ(cop_active_ratio(Ratio::round_half_even, 1, 2), 0.0);  // 0.5 -> 0
  EXPECT_EQ(cop_active_ratio(Ratio::round_half_even, 3, 2), 2.0);  // 1.5 -> 2
  EXPECT_EQ(cop_active_ratio(Ratio::round_half_even, 5, 2), 2.0);  // 2.5 -> 2
  EXPECT_EQ(cop_active_ratio(Ratio::round_half_even, 7, 2), 4.0);  // 3.5 -> 4
  EXPECT_EQ(cop_active_ratio(Ratio::round_half_even, 2, 3), 1.0);  // 0.67 -> 1
  EXPECT_EQ(cop_active_ratio(Ratio::round_half_even, 1, 3), 0.0);  // 0.33 -> 0
  EXPECT_EQ(round_half_even(0.5), 0.0);
  EXPECT_EQ(round_half_even(1.5), 2.0);
  EXPECT_EQ(round_half_even(2.5), 2.0);
  EXPECT_EQ(round_half_even(2.6), 3.0);
}

TEST(ArrestProbability, LiteralRatioIsUnrounded) {
  EXPECT_DOUBLE_EQ(cop_active_ratio(Ratio::literal, 1, 4), 0.25);
  EXPECT_NEAR(arrest_probability(Ratio::literal, 2.3, 1, 4), 1 - std::exp(-2.3 * 0.25), 1e-15);
}

TEST(Activation, ActiveOnlyWhenGrievanceMinusRiskExceedsThresholdStrictly) {
  // G = 0.5 * (1 - 0.6) = 0.2; N = 0.5 * 0.2 = 0.1; G - N = 0.1 is not > 0.1.
  EXPECT_FALSE(decides_active(0.5, 0.5, 0.6, 0.2, 0.1));
  EXPECT_TRUE(decides_active(0.5, 0.5, 0.6, 0.19, 0.1));
  // With P = 0 a citizen is active iff H > T / (1 - L): at L = 0.8 iff H > 0.5.
  EXPECT_TRUE(decides_active(0.51, 1.0, 0.8, 0.0, 0.1));
  EXPECT_FALSE(decides_active(0.49, 0.0, 0.8, 0.0, 0.1));
  // At L = 0.9, G <= 0.1 for every H <= 1: nobody can ever be active.
  EXPECT_FALSE(decides_active(1.0, 0.0, 0.9, 0.0, 0.1));
}

}  // namespace
}  // namespace unrest::model

TEST(ArrestProbability, ExtraActivesFromTheNewsJoinTheRatioBeforeItIsRounded) {
  using unrest::model::cop_active_ratio;
  using unrest::model::Ratio;
  // No extra: the integer ratio, bit for bit.
  for (int c = 0; c < 9; ++c) {
    for (int a = 1; a < 9; ++a) {
      for (auto r : {Ratio::floor, Ratio::round_half_even, Ratio::literal}) {
        EXPECT_EQ(cop_active_ratio(r, c, a, 0.0), cop_active_ratio(r, c, a));
      }
    }
  }
  // 5 cops against 1 + 1.5: 2.0 floor, 2.0 rounded, 2.0 literal; against 1 + 1.0: 2.5.
  EXPECT_EQ(cop_active_ratio(Ratio::floor, 5, 1, 1.5), 2.0);
  EXPECT_EQ(cop_active_ratio(Ratio::floor, 5, 1, 1.0), 2.0);
  EXPECT_EQ(cop_active_ratio(Ratio::round_half_even, 5, 1, 1.0), 2.0);  // 2.5 -> 2
  EXPECT_EQ(cop_active_ratio(Ratio::round_half_even, 7, 1, 1.0), 4.0);  // 3.5 -> 4
  EXPECT_DOUBLE_EQ(cop_active_ratio(Ratio::literal, 5, 1, 1.0), 2.5);
}
