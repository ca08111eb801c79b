// The paper's headline phenomena, as statistical claims with fixed seeds and stated tolerances.
// Each claim is checked over several seeds, so that it tests the model rather than one draw.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_scenarios.hpp"
#include "unrest/analysis/outbursts.hpp"
#include "unrest/run_classic.hpp"

namespace unrest {
namespace {

using testing::run_n;

std::vector<std::uint32_t> actives_of(const ClassicRun& run) {
  std::vector<std::uint32_t> a;
  for (std::size_t i = 1; i < run.series.size(); ++i) a.push_back(run.series[i].active);
  return a;
}

std::uint32_t peak_of(const ClassicRun& run) {
  const auto a = actives_of(run);
  return *std::max_element(a.begin(), a.end());
}

// Run 2, NetLogo semantics: punctuated equilibrium. Over 3000 ticks, at least 20 outbursts
// (more than 50 actives), separated by calm spells averaging at least 5 ticks, and at least
// 60 % of all ticks calm. (Seeds 1-5 give about 100 outbursts, 20 calm ticks between them.)
TEST(ClassicPhenomena, RunTwoShowsPunctuatedEquilibrium) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const auto run = run_classic(run_n(2, {fmt::format("run.seed={}", seed)}));
    const auto actives = actives_of(run);
    const auto stats = analysis::outburst_statistics(actives, 1, 50);
    const auto calm = std::count_if(actives.begin(), actives.end(), [](auto a) { return a <= 50; });
    EXPECT_GE(stats.outbursts.size(), 20u) << "seed " << seed;
    ASSERT_TRUE(stats.waiting_time.mean.has_value());
    EXPECT_GE(*stats.waiting_time.mean, 5.0) << "seed " << seed;
    EXPECT_GE(calm, static_cast<long>(0.6 * actives.size())) << "seed " << seed;
  }
}

// The literal ratio C / A: no outburst at all in any of 5 seeds (NetLogo's notes: the floor
// is what makes punctuated equilibrium appear).
TEST(ClassicPhenomena, LiteralRatioShowsNoOutbursts) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const auto run =
        run_classic(run_n(2, {fmt::format("run.seed={}", seed), "model.ratio=literal"}));
    EXPECT_TRUE(analysis::find_outbursts(actives_of(run), 1, 50).empty()) << "seed " << seed;
  }
}

// Mesa's semantics show punctuated equilibrium too (at least 10 outbursts per seed).
TEST(ClassicPhenomena, MesaPresetAlsoShowsOutbursts) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const auto run = run_classic(run_n(2, {fmt::format("run.seed={}", seed), "model.preset=mesa"}));
    EXPECT_GE(analysis::find_outbursts(actives_of(run), 1, 50).size(), 10u) << "seed " << seed;
  }
}

// Run 4's sudden drop provokes a larger peak than run 3's gradual cut in most seeds: at least
// 14 of 20 (a fair coin does that with probability 0.058).
TEST(ClassicPhenomena, SuddenLegitimacyDropProvokesLargerPeakThanGradualCut) {
  int sudden_larger = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const std::vector<std::string> s = {fmt::format("run.seed={}", seed), "run.ticks=250"};
    sudden_larger += peak_of(run_classic(run_n(4, s))) > peak_of(run_classic(run_n(3, s)));
  }
  EXPECT_GE(sudden_larger, 14);
}

// Run 5: removing cops tips the society into rebellion (a peak over 100 actives in every one
// of 5 seeds) while the control, the same society keeping its cops, has no outburst in at
// least 4 of the 5.
TEST(ClassicPhenomena, RemovingCopsTipsIntoRebellionWhileTheControlStaysCalm) {
  int calm_controls = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const std::vector<std::string> s = {fmt::format("run.seed={}", seed), "run.ticks=800"};
    EXPECT_GT(peak_of(run_classic(run_n(5, s))), 100u) << "seed " << seed;
    auto control = s;
    control.push_back("schedule=[]");
    calm_controls += peak_of(run_classic(run_n(5, control))) <= 50;
  }
  EXPECT_GE(calm_controls, 4);
}

}  // namespace
}  // namespace unrest
