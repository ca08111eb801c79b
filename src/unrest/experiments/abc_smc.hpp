#pragma once
// Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC; Toni et al. 2009,
// Beaumont et al. 2009), with adaptive tolerances (each generation's tolerance is a quantile of
// the previous generation's distances).
//
// Generation 0 draws `particles` parameter vectors from the prior and accepts them all. Each
// later generation proposes by picking a particle of the previous one by weight and moving it
// with a Gaussian kernel (variance twice the weighted variance, per parameter, on the prior's
// scale: log for log-uniform priors), and accepts a proposal whose simulation lies within the
// tolerance; weights are prior / sum of (previous weight x kernel). Distances are the root mean
// square of log relative errors over the targets, log((simulated + 1) / (aim + 1)) with aim the
// nearest end of the interval the target aims at (scenario/reported_figure.hpp; 0 inside it).
//
// Proposals are numbered within a generation and drawn from streams keyed by (seed,
// generation, number); they are simulated in batches on a team of threads and accepted in
// number order, so the result depends on neither the thread count nor finishing order. A
// cache of finished simulations (the calibrate command keeps it in a file) makes a restarted
// calibration replay exactly and simulate only what is missing.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "unrest/experiments/job_runner.hpp"
#include "unrest/scenario/reported_figure.hpp"

namespace unrest::experiments {

struct Prior {
  std::string key;
  double low = 0.0;
  double high = 1.0;
  bool log_scale = false;  // log-uniform on [low, high] (low > 0)
};

struct AbcSettings {
  int particles = 50;
  int generations = 4;
  double tolerance_quantile = 0.5;
  double min_acceptance = 0.02;  // stop when a generation accepts fewer of its proposals
  int threads = 1;
  std::uint64_t seed = 1;
};

// What the calibration aims at, one interval per target (a point for a count); an interval
// from -infinity to infinity leaves its figure out of the distance (simulated but not fitted).
using Aims = std::vector<national::Interval>;

// What one simulation gives: the simulated value of each target (same order as the aims).
using Simulator =
    std::function<std::vector<double>(const std::vector<double>& theta, std::uint64_t seed)>;

struct SimulationRecord {
  int generation = 0;
  std::size_t number = 0;  // proposal number within the generation
  std::uint64_t seed = 0;
  std::vector<double> theta;
  std::vector<double> simulated;
  double distance = 0.0;
};

// Finished simulations by (generation, number).
using SimulationCache = std::map<std::pair<int, std::size_t>, SimulationRecord>;

struct Particle {
  std::vector<double> theta;
  double weight = 0.0;
  double distance = 0.0;
  std::vector<double> simulated;
};

struct Generation {
  double tolerance = 0.0;     // infinite for generation 0
  std::size_t proposals = 0;  // simulated to fill it
  std::vector<Particle> particles;
};

struct AbcResult {
  std::vector<Generation> generations;
  std::size_t simulations = 0;
  std::string stopped_because;
};

double log_error_distance(const std::vector<double>& simulated, const Aims& aims);
// The next generation's tolerance: the q-quantile of the last one's distances, but below their
// largest value whenever any distance is (so that a tie at the top cannot stall the fit).
double next_tolerance(const std::vector<double>& distances, double q);

// `on_simulation` (optional) is called, serialised, for every new simulation (for the cache
// file and progress); returning false stops the calibration (an exception, RunCancelled).
AbcResult run_abc_smc(const std::vector<Prior>& priors, const Aims& aims, const Simulator& simulate,
                      const AbcSettings& settings, const SimulationCache& cache = {},
                      const std::function<bool(const SimulationRecord&)>& on_simulation = {});
// The same with the simulations on `runner` (every process follows the same generations;
// `on_simulation` is called where the runner delivers results).
AbcResult run_abc_smc(const std::vector<Prior>& priors, const Aims& aims, const Simulator& simulate,
                      const AbcSettings& settings, JobRunner& runner, const SimulationCache& cache,
                      const std::function<bool(const SimulationRecord&)>& on_simulation);

// Weighted quantile of the particles' parameter k.
double weighted_quantile(const std::vector<Particle>& particles, std::size_t k, double q);

}  // namespace unrest::experiments
