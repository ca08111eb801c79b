#include "unrest/experiments/seed_ensemble.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/tiny_world.hpp"
#include "unrest/experiments/quantiles.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/branch_point.hpp"

namespace unrest::experiments {
namespace {

national::NationalScenario small_world() {
  auto s = unrest::testing::tiny_world(3, 1120, 64);
  s.rules.legitimacy = 0.7;
  s.mechanisms.riot.enabled = true;
  return s;
}

TEST(SeedEnsemble, ResultsDoNotDependOnTheThreadCount) {
  const auto a = run_ensemble(small_world(), 5, 1);
  const auto b = run_ensemble(small_world(), 5, 3);
  EXPECT_EQ(ensemble_quantiles_csv(a), ensemble_quantiles_csv(b));
  EXPECT_EQ(ensemble_figures_csv(a), ensemble_figures_csv(b));
  ASSERT_EQ(a.runs.size(), 5u);
  EXPECT_EQ(a.runs[4].seed, small_world().seed + 4);
}

TEST(SeedEnsemble, QuantilesAreThoseOfTheSeparateRuns) {
  const auto scenario = small_world();
  const auto e = run_ensemble(scenario, 4, 2);
  // Active citizens in place p1 at tick 10, from four separate runs.
  std::vector<double> actives;
  for (int i = 0; i < 4; ++i) {
    auto s = scenario;
    s.seed += static_cast<std::uint64_t>(i);
    actives.push_back(run_national(s)->records()[10][1].counts.active);
  }
  const std::size_t slots = e.place_ids.size();
  const std::size_t series = ensemble_series_names().size();
  ASSERT_EQ(e.place_ids[2], "p1");
  for (std::size_t r = 0; r < 4; ++r) {
    EXPECT_EQ(e.runs[r].series[(10 * slots + 2) * series + 1], actives[r]);
  }
  const std::string csv = ensemble_quantiles_csv(e);
  const std::string row =
      fmt::format("10,{},p1,active,{:.6g},{:.6g},{:.6g}\n", e.times[10], quantile(actives, 0.05),
                  quantile(actives, 0.5), quantile(actives, 0.95));
  EXPECT_NE(csv.find(row), std::string::npos) << row;
}

// Counterfactuals of one world: the hours they share run once a seed, and each ensemble is the
// one its variant gives alone, byte for byte.
TEST(SeedEnsemble, BranchedEnsemblesAreThoseOfEachVariantAlone) {
  using national::EventKind;
  using unrest::testing::event;
  auto base = small_world();
  base.rules.hardship_max = 0.4;
  base.mechanisms.hardship.enabled = true;
  base.events = {event(EventKind::price_shock, 2, 0.4, {0, 1}),
                 event(EventKind::concession, 20, 1.0, {0}),
                 event(EventKind::lethal_force, 30, 0.0, {1})};
  base.events[2].enabled = false;
  auto no_concession = base;  // differs from hour 20 on
  no_concession.events[1].enabled = false;
  auto force = base;  // from hour 30 on
  force.events[2].enabled = true;
  const std::vector<national::NationalScenario> variants = {base, no_concession, force};
  EXPECT_EQ(national::shared_hours(variants), 20);
  EXPECT_EQ(national::shared_hours({base, force}), 30);
  EXPECT_EQ(national::shared_hours({base, base}), base.ticks);
  auto other_seed = base;
  other_seed.seed += 1;
  EXPECT_EQ(national::shared_hours({base, other_seed}), 0);

  for (const auto& group : {variants, std::vector{base, other_seed}}) {
    ThreadJobRunner runner(2);
    const auto together = run_branched_ensembles(group, 3, runner);
    ASSERT_EQ(together.size(), group.size());
    for (std::size_t v = 0; v < group.size(); ++v) {
      const auto alone = run_ensemble(group[v], 3, 1);
      EXPECT_EQ(ensemble_quantiles_csv(together[v]), ensemble_quantiles_csv(alone)) << v;
      EXPECT_EQ(ensemble_figures_csv(together[v]), ensemble_figures_csv(alone)) << v;
    }
  }
  // The variants do differ, or the test would prove nothing.
  ThreadJobRunner runner(1);
  const auto e = run_branched_ensembles(variants, 3, runner);
  EXPECT_NE(ensemble_figures_csv(e[0]), ensemble_figures_csv(e[1]));
}

}  // namespace
}  // namespace unrest::experiments
