#include "unrest/model/arrest.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "unrest/model/neighbourhood.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::model {
namespace {

TEST(Arrest, TheArresteeIsUniformAmongTheActivesSeen) {
  rng::RandomStream r(3);
  std::vector<int> count(7, 0);
  const int draws = 70000;
  for (int i = 0; i < draws; ++i) {
    const std::uint32_t k = choose_arrestee(r, 7);
    ASSERT_LT(k, 7u);
    ++count[k];
  }
  // Chi-square with 6 degrees of freedom: 22.5 is its 0.1 % point.
  double chi2 = 0;
  for (int c : count) chi2 += (c - draws / 7.0) * (c - draws / 7.0) / (draws / 7.0);
  EXPECT_LT(chi2, 22.5);
  EXPECT_EQ(choose_arrestee(r, 1), 0u);
}

TEST(Arrest, AZeroTermHoldsOnlyUnderTheOwnActivationCountdown) {
  EXPECT_FALSE(holds_arrestee(JailCountdown::end_of_tick, 0));  // NetLogo: free at once
  EXPECT_TRUE(holds_arrestee(JailCountdown::end_of_tick, 1));
  EXPECT_TRUE(holds_arrestee(JailCountdown::own_activation, 0));  // Mesa: until its next turn
  EXPECT_TRUE(holds_arrestee(JailCountdown::own_activation, 3));
}

TEST(Arrest, CopsMoveAndStepOntoTheArresteeUnlessFrozen) {
  EXPECT_TRUE(cops_move(true, MovementOffFreezes::all));
  EXPECT_TRUE(cops_move(false, MovementOffFreezes::citizens));  // NetLogo freezes citizens only
  EXPECT_FALSE(cops_move(false, MovementOffFreezes::all));      // Mesa freezes everybody
  EXPECT_TRUE(steps_onto_arrestee(CopAfterArrest::move_to_arrestee, true));
  EXPECT_FALSE(steps_onto_arrestee(CopAfterArrest::move_to_arrestee, false));
  EXPECT_FALSE(steps_onto_arrestee(CopAfterArrest::stay, true));
}

TEST(Arrest, TheWholeNumberDiscIsTheNeighbourhoodsDisc) {
  for (int radius : {1, 4, 7, 30}) {
    const auto disc = Neighbourhood::make(VisionShape::disc, radius, true);
    int inside = 0;
    for (int dy = -radius; dy <= radius; ++dy) {
      for (int dx = -radius; dx <= radius; ++dx) inside += within_disc(dx, dy, radius) ? 1 : 0;
    }
    EXPECT_EQ(inside, disc.size()) << radius;
    for (const Offset o : disc.offsets()) EXPECT_TRUE(within_disc(o.dx, o.dy, radius));
  }
  EXPECT_FALSE(within_disc(5, 5, 7));
  EXPECT_TRUE(within_disc(0, 7, 7));
}

}  // namespace
}  // namespace unrest::model
