#pragma once
// An ensemble: one national scenario run with consecutive seeds, summarised by per-hour
// quantiles of every national and per-place series and by the distribution of each summary
// figure. Runs go one per thread (each run single-threaded), so a result does not depend on
// the thread count or on the order in which runs finish.
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "unrest/experiments/job_runner.hpp"
#include "unrest/national/national_scenario.hpp"

namespace unrest::experiments {

struct EnsembleRun {
  std::uint64_t seed = 0;
  // series[(tick * (places + 1) + place) * kSeries + s]; place 0 is the national total.
  std::vector<double> series;
  std::vector<std::pair<std::string, double>> figures;
};

struct Ensemble {
  national::NationalScenario scenario;  // as run, with the first seed
  std::vector<std::string> place_ids;   // "national" first
  std::vector<std::string> times;       // per tick, scenario clock
  std::vector<EnsembleRun> runs;        // in seed order
};

// The per-place series an ensemble summarises, in the order of EnsembleRun::series.
const std::vector<std::string>& ensemble_series_names();

// Called after each finished run with the number finished so far; returning false stops
// (no new run starts; RunCancelled is thrown once the running ones end).
using EnsembleProgress = std::function<bool(int finished)>;

Ensemble run_ensemble(const national::NationalScenario& scenario, int seeds, JobRunner& runner,
                      const EnsembleProgress& progress = {});
// The same on `threads` threads of this process.
Ensemble run_ensemble(const national::NationalScenario& scenario, int seeds, int threads,
                      const EnsembleProgress& progress = {});

// Long-format CSV: tick, time, place, series, q05, q50, q95.
std::string ensemble_quantiles_csv(const Ensemble& ensemble);
// One row per run: seed and every summary figure.
std::string ensemble_figures_csv(const Ensemble& ensemble);
// Each figure's distribution over the runs (n, mean, sd, min, q05, q50, q95, max); for
// targets also the reported value and the share of runs within its factor.
nlohmann::json ensemble_summary_json(const Ensemble& ensemble);

}  // namespace unrest::experiments
