#pragma once
// What an experiment (a sweep, an ensemble) runs again and again: a scenario's text with the
// overrides the whole experiment shares, run with a few more overrides and a seed, and read
// back as named figures. Classic or national, whichever the text is; the experiments do not
// need to know which.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "unrest/io/run_outputs.hpp"
#include "unrest/scenario/national_scenario.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest::experiments {

// The overrides an experiment applies to every run.
struct SharedOverrides {
  std::vector<std::string> sets;     // --set KEY=VALUE
  std::optional<double> scale;       // national only
  std::string counterfactual;        // national only
  std::vector<std::string> without;  // national only
};

class Simulation {
 public:
  // Parses the scenario once (ScenarioError on bad input; the national-only overrides on a
  // classic scenario are bad input too).
  Simulation(io::ScenarioSource source, SharedOverrides shared);

  bool is_national() const { return national_.has_value(); }
  // The scenario's name, with the counterfactual's after a dash.
  std::string name() const;
  std::uint64_t seed() const;
  // The parallel engine's threads for a classic run, the engine's for a national one.
  int threads() const;
  const io::ScenarioSource& source() const { return source_; }
  // The national scenario as parsed with the shared overrides (targets, free parameters).
  const national::NationalScenario& national() const { return *national_; }

  // Each run's figures, in order: national summary figures, or classic outburst statistics.
  std::vector<std::string> figure_names() const;
  // Parses (only) with `extra` overrides on top: throws what a run would.
  void check(const std::vector<std::string>& extra) const;
  // One run on one thread, with `extra` overrides on top and this seed.
  std::vector<double> figures(const std::vector<std::string>& extra, std::uint64_t seed) const;
  // National: the figures of one run for each counterfactual named ("none": the scenario as
  // it is), the hours they share run once; a ScenarioError for a name the scenario lacks.
  std::vector<std::vector<double>> branched_figures(
      const std::vector<std::string>& extra, std::uint64_t seed,
      const std::vector<std::string>& counterfactuals) const;

  // One national run's simulated value of each target (NaN where the run did not reach its
  // date), in the scenario's order: what a calibration compares with the reported values.
  // ... then each check: the number it bounds, or 1 if it passed and 0 if not (what a
  // calibration fits).
  std::vector<double> calibration_values(const std::vector<std::string>& extra,
                                         std::uint64_t seed) const;

  national::NationalScenario national_scenario(const std::vector<std::string>& extra,
                                               std::uint64_t seed) const;
  scenario::Scenario classic_scenario(const std::vector<std::string>& extra,
                                      std::uint64_t seed) const;

 private:
  std::vector<std::string> sets_with(const std::vector<std::string>& extra) const;
  national::NationalScenario parsed_national(const std::vector<std::string>& extra) const;

  io::ScenarioSource source_;
  SharedOverrides shared_;
  std::optional<national::NationalScenario> national_;
  std::optional<scenario::Scenario> classic_;
};

}  // namespace unrest::experiments
