#include "unrest/engine/sequential_engine.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "test_scenarios.hpp"

namespace unrest::engine {
namespace {

using testing::run_n;

// A 15 x 15 torus that one cop with square vision 7 sees whole: every free citizen is in every
// cop's vision, so arrests are frequent and each rule shows quickly.
scenario::Scenario small_world(const char* preset, std::vector<std::string> sets = {}) {
  std::vector<std::string> all = {std::string("model.preset=") + preset,
                                  "model.width=15",
                                  "model.height=15",
                                  "model.vision_shape=square",
                                  "model.placement=exact",
                                  "model.citizen_density=0.2",
                                  "model.cop_density=0.01",
                                  "model.legitimacy=0",
                                  "model.threshold=0",
                                  "model.max_jail_term=5"};
  all.insert(all.end(), sets.begin(), sets.end());
  return run_n(2, all);
}

TEST(SequentialEngine, IncrementalCountsMatchAFullRecountUnderEveryOption) {
  const std::vector<std::vector<std::string>> variants = {
      {},
      {"model.preset=mesa"},
      {"model.ratio=literal"},
      {"model.vision_shape=square", "model.vision_includes_own_site=false"},
      {"model.vision_shape=cross", "model.citizen_movement=false"},
      {"model.preset=mesa", "model.citizen_movement=false", "model.vision=3"},
      {"model.max_jail_term=infinite", "model.legitimacy=0.6"},
  };
  for (const auto& v : variants) {
    SequentialEngine engine(run_n(2, v));
    for (int t = 0; t < 150; ++t) {
      engine.step();
      ASSERT_TRUE(engine.world().derived_counts_consistent())
          << "tick " << t << " variant " << ::testing::PrintToString(v);
    }
  }
}

TEST(SequentialEngine, NoCitizenCanEverBeActiveAtLegitimacyPointNine) {
  for (double legitimacy : {0.9, 0.95}) {
    SequentialEngine engine(
        run_n(2, {fmt::format("model.legitimacy={}", legitimacy), "model.cop_density=0"}));
    for (int t = 0; t < 300; ++t) {
      engine.step();
      ASSERT_EQ(engine.counts().active, 0u);
    }
  }
}

TEST(SequentialEngine, WithoutCopsExactlyTheCitizensWithHardshipAboveHalfTurnActiveAtPointEight) {
  SequentialEngine engine(run_n(2, {"model.legitimacy=0.8", "model.cop_density=0"}));
  engine.step();
  const auto& w = engine.world();
  std::uint32_t expected = 0;
  for (std::uint32_t c = 0; c < w.citizen_count(); ++c) {
    EXPECT_EQ(w.is_active(c), w.hardship(c) > 0.5) << "citizen " << c;
    expected += w.hardship(c) > 0.5;
  }
  EXPECT_EQ(engine.counts().active, expected);
  // About half can be active (Binomial(1120, 0.5): sd 16.7; allow 5 sd).
  EXPECT_NEAR(expected, 560.0, 84.0);
}

TEST(SequentialEngine, WithCopsOnlyCitizensWithHardshipAboveHalfAreEverActiveAtPointEight) {
  SequentialEngine engine(run_n(2, {"model.legitimacy=0.8"}));
  std::set<std::uint32_t> ever;
  for (int t = 0; t < 500; ++t) {
    engine.step();
    for (std::uint32_t c = 0; c < engine.world().citizen_count(); ++c) {
      if (engine.world().is_active(c)) ever.insert(c);
    }
  }
  EXPECT_GT(ever.size(), 50u);
  for (std::uint32_t c : ever) EXPECT_GT(engine.world().hardship(c), 0.5);
}

TEST(SequentialEngine, NetlogoJailTermsRunDownAtTheEndOfEveryTickTheArrestTickIncluded) {
  SequentialEngine engine(small_world("netlogo"));
  const auto& w = engine.world();
  std::vector<bool> was_jailed(w.citizen_count(), false);
  std::vector<std::uint32_t> left(w.citizen_count(), 0);
  std::uint32_t longest = 0;
  for (int t = 0; t < 2000; ++t) {
    engine.step();
    for (std::uint32_t c = 0; c < w.citizen_count(); ++c) {
      const bool jailed = w.is_jailed(c);
      if (jailed) {
        ASSERT_GE(w.jail_left(c), 1u);  // a term that reaches 0 frees at once
        longest = std::max(longest, w.jail_left(c));
        if (was_jailed[c]) {
          ASSERT_EQ(w.jail_left(c), left[c] - 1);
        }
      } else if (was_jailed[c]) {
        ASSERT_EQ(left[c], 1u);
      }
      was_jailed[c] = jailed;
      left[c] = w.jail_left(c);
    }
  }
  // Terms are drawn from {0..4}; one tick has passed by the first look.
  EXPECT_EQ(longest, 3u);
}

TEST(SequentialEngine, MesaJailTermsRunDownInThePrisonersOwnActivations) {
  SequentialEngine engine(small_world("mesa"));
  const auto& w = engine.world();
  std::vector<bool> was_jailed(w.citizen_count(), false);
  std::vector<std::uint32_t> left(w.citizen_count(), 0);
  std::uint32_t longest = 0;
  for (int t = 0; t < 2000; ++t) {
    engine.step();
    for (std::uint32_t c = 0; c < w.citizen_count(); ++c) {
      const bool jailed = w.is_jailed(c);
      if (jailed) {
        ASSERT_LE(w.jail_left(c), 5u);
        longest = std::max(longest, w.jail_left(c));
        // One activation a tick: one step down, unless released (at 0) and re-arrested.
        if (was_jailed[c] && left[c] > 0) {
          ASSERT_EQ(w.jail_left(c), left[c] - 1);
        }
      } else if (was_jailed[c]) {
        ASSERT_EQ(left[c], 0u);
      }
      was_jailed[c] = jailed;
      left[c] = w.jail_left(c);
    }
  }
  EXPECT_EQ(longest, 5u);  // terms from {0..5}
}

int ticks_with_cop_on_jailed_site(const scenario::Scenario& s, int& arrest_ticks) {
  SequentialEngine engine(s);
  const auto& w = engine.world();
  int shared = 0;
  arrest_ticks = 0;
  std::uint64_t arrests = 0;
  for (int t = 0; t < 1000; ++t) {
    engine.step();
    if (engine.counts().arrests == arrests) continue;
    arrests = engine.counts().arrests;
    ++arrest_ticks;
    for (std::uint32_t c = 0; c < w.citizen_count(); ++c) {
      if (w.is_jailed(c) && w.citizen_site(c) == w.cop_site(0)) {
        ++shared;
        break;
      }
    }
  }
  return shared;
}

TEST(SequentialEngine, NetlogoCopsStepOntoTheArresteeMesaCopsDoNot) {
  const std::vector<std::string> one_cop = {"model.cop_density=0.005", "model.max_jail_term=1000"};
  int arrest_ticks = 0;
  const int netlogo = ticks_with_cop_on_jailed_site(small_world("netlogo", one_cop), arrest_ticks);
  ASSERT_GT(arrest_ticks, 20);
  // The arrest is the cop's last act in its activation; only a zero term (1 in 1000) frees
  // the arrestee to walk away.
  EXPECT_GE(netlogo, arrest_ticks * 95 / 100);
  const int mesa = ticks_with_cop_on_jailed_site(small_world("mesa", one_cop), arrest_ticks);
  ASSERT_GT(arrest_ticks, 20);
  EXPECT_EQ(mesa, 0);
}

std::pair<bool, bool> who_moves(const scenario::Scenario& s) {
  SequentialEngine engine(s);
  const auto& w = engine.world();
  std::vector<std::uint32_t> citizens, cops;
  for (std::uint32_t c = 0; c < w.citizen_count(); ++c) citizens.push_back(w.citizen_site(c));
  for (std::uint32_t p = 0; p < w.cop_count(); ++p) cops.push_back(w.cop_site(p));
  for (int t = 0; t < 20; ++t) engine.step();
  bool citizens_moved = false, cops_moved = false;
  for (std::uint32_t c = 0; c < w.citizen_count(); ++c)
    citizens_moved |= citizens[c] != w.citizen_site(c);
  for (std::uint32_t p = 0; p < w.cop_count(); ++p) cops_moved |= cops[p] != w.cop_site(p);
  return {citizens_moved, cops_moved};
}

TEST(SequentialEngine, MovementOffFreezesCitizensOnlyOrEveryone) {
  EXPECT_EQ(who_moves(run_n(2)), std::make_pair(true, true));
  EXPECT_EQ(who_moves(run_n(2, {"model.citizen_movement=false"})), std::make_pair(false, true));
  EXPECT_EQ(who_moves(run_n(2, {"model.citizen_movement=false", "model.movement_off_freezes=all"})),
            std::make_pair(false, false));
  EXPECT_EQ(who_moves(run_n(2, {"model.preset=mesa", "model.citizen_movement=false"})),
            std::make_pair(false, false));
}

TEST(SequentialEngine, SameSeedSameSeriesOtherSeedOtherSeries) {
  auto series = [](std::uint64_t seed) {
    SequentialEngine engine(run_n(2, {fmt::format("run.seed={}", seed)}));
    std::vector<std::uint32_t> actives;
    for (int t = 0; t < 300; ++t) {
      engine.step();
      actives.push_back(engine.counts().active * 100000 + engine.counts().jailed);
    }
    return actives;
  };
  EXPECT_EQ(series(5), series(5));
  EXPECT_NE(series(5), series(6));
}

TEST(SequentialEngine, LegitimacyJumpsAtTickSeventySeven) {
  SequentialEngine engine(run_n(4));
  for (int t = 1; t <= 80; ++t) {
    engine.step();
    EXPECT_EQ(engine.legitimacy(), t < 77 ? 0.9 : 0.7) << t;
  }
}

TEST(SequentialEngine, LegitimacyFallsOneHundredthATickToPointTwo) {
  SequentialEngine engine(run_n(3));
  for (int t = 1; t <= 200; ++t) {
    engine.step();
    const double expected = t < 77 ? 0.9 : std::max(0.2, 0.9 - 0.01 * (t - 76));
    EXPECT_NEAR(engine.legitimacy(), expected, 1e-9) << t;
  }
}

TEST(SequentialEngine, CopsAreRemovedOneByOneFromTickFifty) {
  SequentialEngine engine(run_n(5));
  const std::uint32_t initial = engine.counts().cops;
  EXPECT_EQ(initial, 118u);
  for (int t = 1; t <= 300; ++t) {
    engine.step();
    const std::uint32_t removed = t < 50 ? 0 : 1 + (t - 50) / 10;
    EXPECT_EQ(engine.counts().cops, initial - removed) << t;
    if (t % 50 == 0) {
      ASSERT_TRUE(engine.world().derived_counts_consistent());
    }
  }
}

TEST(SequentialEngine, AddedCopsLandOnEmptySites) {
  auto s = run_n(2);
  s.schedule.push_back({.id = "reinforce",
                        .tick = 5,
                        .every = 0,
                        .times = 1,
                        .action = scenario::ScheduleAction::add_cops,
                        .value = 30});
  SequentialEngine engine(s);
  for (int t = 0; t < 10; ++t) engine.step();
  EXPECT_EQ(engine.counts().cops, 64u + 30u);
  EXPECT_TRUE(engine.world().derived_counts_consistent());
}

}  // namespace
}  // namespace unrest::engine
