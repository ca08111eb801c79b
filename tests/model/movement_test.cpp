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

}  // namespace
}  // namespace unrest::model
