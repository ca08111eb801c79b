#pragma once
// An ensemble: one scenario run with consecutive seeds, summarised by per-tick quantiles of
// every series (a national scenario's national and per-place series, or a classic run's
// counts) and by the distribution of each summary figure (a national run's figures, or a
// classic run's outburst statistics). Runs go one per thread (each run single-threaded), so a
// result does not depend on the thread count or on the order in which runs finish.
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "unrest/experiments/job_runner.hpp"
#include "unrest/scenario/national_scenario.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest::experiments {

struct EnsembleRun {
  std::uint64_t seed = 0;
  // series[(tick * (places + 1) + place) * kSeries + s]; place 0 is the national total.
  std::vector<double> series;
  std::vector<std::pair<std::string, double>> figures;
};

struct Ensemble {
  std::string name;            // the scenario's
  std::string counterfactual;  // national only
  double scale = 1.0;
  std::vector<national::Target> targets;  // national only
  std::vector<std::string> series_names;  // in the order of EnsembleRun::series
  std::vector<std::string> place_ids;     // "national" first; a classic run's one "lattice"
  std::vector<std::string> times;         // per tick: the scenario clock, or the tick number
  std::vector<EnsembleRun> runs;          // in seed order
};

// The per-place series a national ensemble summarises, in the order of EnsembleRun::series.
const std::vector<std::string>& ensemble_series_names();
// A classic ensemble's series, the counts of each tick.
const std::vector<std::string>& classic_series_names();

// Called after each finished run with the number finished so far; returning false stops
// (no new run starts; RunCancelled is thrown once the running ones end).
using EnsembleProgress = std::function<bool(int finished)>;

Ensemble run_ensemble(const national::NationalScenario& scenario, int seeds, JobRunner& runner,
                      const EnsembleProgress& progress = {});
// The same on `threads` threads of this process.
Ensemble run_ensemble(const national::NationalScenario& scenario, int seeds, int threads,
                      const EnsembleProgress& progress = {});

// Ensembles of several variants of one national scenario (counterfactuals), each as
// run_ensemble would give it, byte for byte; the hours every variant shares (the same inputs
// before them: scenario/branch_point.hpp) are run once a seed and each variant goes on from
// their state.
std::vector<Ensemble> run_branched_ensembles(
    const std::vector<national::NationalScenario>& variants, int seeds, JobRunner& runner,
    const EnsembleProgress& progress = {});

// A classic scenario run with seeds first_seed, first_seed + 1, ... (each run on one thread).
Ensemble run_classic_ensemble(const scenario::Scenario& scenario, int seeds, JobRunner& runner,
                              const EnsembleProgress& progress = {});

// Long-format CSV: tick, time, place, series, q05, q50, q95.
std::string ensemble_quantiles_csv(const Ensemble& ensemble);
// One row per run: seed and every summary figure.
std::string ensemble_figures_csv(const Ensemble& ensemble);
// Each figure's distribution over the runs (n, mean, sd, min, q05, q50, q95, max); for
// targets also the reported value and the share of runs within its factor.
nlohmann::json ensemble_summary_json(const Ensemble& ensemble);

}  // namespace unrest::experiments
