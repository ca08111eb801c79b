#include "unrest/experiments/abc_smc.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "unrest/rng/random_stream.hpp"

namespace unrest::experiments {
namespace {

// A toy model with a known answer: it reports theta + noise (sd 0.05 x theta), and the data
// say 20, so the posterior must gather near 20 from a prior on [1, 100].
std::vector<double> toy(const std::vector<double>& theta, std::uint64_t seed) {
  rng::RandomStream draw(seed);
  const double noise = (draw.uniform() + draw.uniform() + draw.uniform() - 1.5) * 0.1;
  return {theta[0] * (1.0 + noise)};
}

AbcSettings settings(int threads) {
  AbcSettings s;
  s.particles = 40;
  s.generations = 5;
  s.threads = threads;
  s.seed = 11;
  return s;
}

TEST(AbcSmc, ThePosteriorGathersAroundTheTruthAndTolerancesShrink) {
  const std::vector<Prior> priors = {{"theta", 1.0, 100.0, true}};
  const auto r = run_abc_smc(priors, {{20.0, 20.0}}, toy, settings(2));
  ASSERT_EQ(r.generations.size(), 5u);
  const auto& last = r.generations.back().particles;
  const double median = weighted_quantile(last, 0, 0.5);
  EXPECT_NEAR(median, 20.0, 2.0);
  EXPECT_LT(weighted_quantile(last, 0, 0.95) - weighted_quantile(last, 0, 0.05), 10.0);
  for (std::size_t g = 2; g < r.generations.size(); ++g) {
    EXPECT_LT(r.generations[g].tolerance, r.generations[g - 1].tolerance);
  }
  double total = 0;
  for (const auto& p : last) total += p.weight;
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_GE(r.simulations, 5u * 40u);
}

TEST(AbcSmc, ResultsDoNotDependOnThreadsAndACacheReplaysExactly) {
  const std::vector<Prior> priors = {{"theta", 1.0, 100.0, false}};
  SimulationCache cache;
  const auto a =
      run_abc_smc(priors, {{20.0, 20.0}}, toy, settings(1), {}, [&](const SimulationRecord& r) {
        cache[{r.generation, r.number}] = r;
        return true;
      });
  const auto b = run_abc_smc(priors, {{20.0, 20.0}}, toy, settings(3));
  ASSERT_EQ(a.generations.size(), b.generations.size());
  for (std::size_t i = 0; i < a.generations.back().particles.size(); ++i) {
    EXPECT_EQ(a.generations.back().particles[i].theta, b.generations.back().particles[i].theta);
    EXPECT_EQ(a.generations.back().particles[i].weight, b.generations.back().particles[i].weight);
  }
  // A restart with every simulation cached simulates nothing and gives the same posterior.
  const Simulator never = [](const std::vector<double>&, std::uint64_t) -> std::vector<double> {
    throw std::logic_error("simulated although cached");
  };
  const auto c = run_abc_smc(priors, {{20.0, 20.0}}, never, settings(2), cache);
  EXPECT_EQ(c.generations.back().particles.front().theta,
            a.generations.back().particles.front().theta);
}

TEST(AbcSmc, TheToleranceFallsBelowATieAtTheLargestDistance) {
  EXPECT_DOUBLE_EQ(next_tolerance({1, 2, 3, 4}, 0.5), 2.5);
  // Most runs missed in the same way: the median is the atom, so the tolerance drops under it.
  EXPECT_DOUBLE_EQ(next_tolerance({0.7, 0.9, 4.1, 4.1, 4.1}, 0.5), 0.9);
  EXPECT_DOUBLE_EQ(next_tolerance({4.1, 4.1}, 0.5), 4.1);  // nothing below: unchanged
}

TEST(AbcSmc, DistanceIsTheRootMeanSquareOfLogRelativeErrors) {
  const national::Interval nine{9, 9};
  EXPECT_DOUBLE_EQ(log_error_distance({9, 99}, {nine, {99, 99}}), 0.0);
  EXPECT_NEAR(log_error_distance({19}, {nine}), std::log(2.0), 1e-12);
  EXPECT_NEAR(log_error_distance({19, 9}, {nine, nine}), std::log(2.0) / std::sqrt(2.0), 1e-12);
  EXPECT_TRUE(std::isinf(log_error_distance({std::nan("")}, {nine})));
  // An interval: nothing inside it, the log error to the nearest end outside.
  EXPECT_DOUBLE_EQ(log_error_distance({50}, {{9, 99}}), 0.0);
  EXPECT_NEAR(log_error_distance({4}, {{9, 99}}), std::log(2.0), 1e-12);  // (4+1)/(9+1)
  EXPECT_NEAR(log_error_distance({199}, {{9, 99}}), std::log(2.0), 1e-12);
}

}  // namespace
}  // namespace unrest::experiments
