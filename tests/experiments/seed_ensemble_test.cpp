#include "unrest/experiments/seed_ensemble.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/tiny_world.hpp"
#include "unrest/experiments/quantiles.hpp"
#include "unrest/run_national.hpp"

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

}  // namespace
}  // namespace unrest::experiments
