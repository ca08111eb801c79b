#include "unrest/model/movement.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "unrest/rng/random_stream.hpp"

namespace unrest::model {
namespace {

TEST(Movement, TheTargetIsUniformOverTheEmptyOffsets) {
  // 30 offsets, every third one empty: the 10 empty ones must be chosen equally often.
  rng::RandomStream r(21);
  std::vector<int> count(30, 0);
  int stayed = 0;
  const int moves = 50000;
  for (int i = 0; i < moves; ++i) {
    const auto k = choose_move_target(r, 30, 8, [](std::uint32_t k) { return k % 3 == 0; });
    if (!k) {
      ++stayed;
      continue;
    }
    ASSERT_EQ(*k % 3, 0u);
    ++count[*k];
  }
  const double expected = (moves - stayed) / 10.0;
  double chi2 = 0;
  for (int k = 0; k < 30; k += 3) chi2 += (count[k] - expected) * (count[k] - expected) / expected;
  EXPECT_LT(chi2, 27.9);  // chi-square, 9 degrees of freedom: 0.1 % point
  // Eight tries all missing a 1-in-3 chance: (2/3)^8 = 3.9 %.
  EXPECT_NEAR(stayed / static_cast<double>(moves), 0.039, 0.005);
}

TEST(Movement, NoEmptyOffsetOrNoOffsetMeansStaying) {
  rng::RandomStream r(2);
  EXPECT_FALSE(choose_move_target(r, 10, 8, [](std::uint32_t) { return false; }));
  EXPECT_FALSE(choose_move_target(r, 0, 8, [](std::uint32_t) { return true; }));
  EXPECT_EQ(offset_from_bits(0, 149), 0u);
  EXPECT_EQ(offset_from_bits(0xFFFF, 149), 148u);
}

// The classic form never leaves an agent standing beside an empty site, and its choice is
// uniform over the empty offsets whether it comes from a round or from the scan: with 2 empty
// offsets of 40 most choices come from the scan (the rounds miss with (38/40)^8 = 66 %).
TEST(Movement, TheExactFormIsUniformAndMovesWheneverItCan) {
  rng::RandomStream r(5);
  const std::uint32_t n = 40;
  auto is_empty = [](std::uint32_t k) { return k == 7 || k == 31; };
  std::vector<int> count(n, 0);
  const int moves = 20000;
  for (int i = 0; i < moves; ++i) {
    const auto k = choose_move_target_exact(
        n, 2, [&](std::uint32_t* pick) { r.below32x4(n, pick); },
        [&](const std::uint32_t* pick) {
          unsigned mask = 0;
          for (int j = 0; j < 4; ++j) mask |= static_cast<unsigned>(is_empty(pick[j])) << j;
          return mask;
        },
        is_empty, [&](std::uint32_t m) { return r.below(m); });
    ASSERT_TRUE(k);
    ASSERT_TRUE(is_empty(*k));
    ++count[*k];
  }
  // Binomial(20000, 1/2): sd 71; 4 sd.
  EXPECT_NEAR(count[7], moves / 2, 283);
  EXPECT_EQ(count[7] + count[31], moves);
}

TEST(Movement, TheScanPicksTheKthEmptyOffset) {
  auto is_empty = [](std::uint32_t k) { return k % 4 == 1; };  // 1, 5, 9, 13 of 16
  for (std::uint32_t k = 0; k < 4; ++k) {
    const auto chosen = choose_by_scan(16, is_empty, [&](std::uint32_t m) {
      EXPECT_EQ(m, 4u);  // drawn among the empty ones only
      return k;
    });
    EXPECT_EQ(chosen, 1 + 4 * k);
  }
  EXPECT_FALSE(choose_by_scan(
      16, [](std::uint32_t) { return false; },
      [](std::uint32_t) -> std::uint32_t { throw "no draw"; }));
}

}  // namespace
}  // namespace unrest::model
