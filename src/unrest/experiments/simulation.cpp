#include "unrest/experiments/simulation.hpp"

#include <fmt/format.h>

#include <cmath>

#include "unrest/analysis/classic_figures.hpp"
#include "unrest/analysis/national_analysis.hpp"
#include "unrest/experiments/branched_runs.hpp"
#include "unrest/run_classic.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/branch_point.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/parse_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/scenario/scenario_kind.hpp"

namespace unrest::experiments {

Simulation::Simulation(io::ScenarioSource source, SharedOverrides shared)
    : source_(std::move(source)), shared_(std::move(shared)) {
  if (scenario::scenario_kind(source_.text, source_.path) == scenario::ScenarioKind::national) {
    national_ = parsed_national({});
    return;
  }
  if (shared_.scale || !shared_.counterfactual.empty() || !shared_.without.empty()) {
    throw scenario::ScenarioError(source_.path, 0, "",
                                  "--scale, --without and --counterfactual apply to national "
                                  "scenarios only");
  }
  classic_ = scenario::parse_scenario(source_.text, source_.path, shared_.sets);
}

std::vector<std::string> Simulation::sets_with(const std::vector<std::string>& extra) const {
  std::vector<std::string> sets = shared_.sets;
  if (shared_.scale) sets.push_back(fmt::format("run.scale={}", *shared_.scale));
  sets.insert(sets.end(), extra.begin(), extra.end());
  return sets;
}

std::string Simulation::name() const {
  if (!national_) return classic_->name;
  std::string name = national_->name;
  if (!national_->counterfactual.empty()) name += "-" + national_->counterfactual;
  return name;
}

std::uint64_t Simulation::seed() const { return national_ ? national_->seed : classic_->run.seed; }

int Simulation::threads() const {
  return classic_ ? effective_threads(*classic_) : effective_threads(*national_);
}

std::vector<std::string> Simulation::figure_names() const {
  return national_ ? national::summary_figure_names(*national_) : analysis::classic_figure_names();
}

national::NationalScenario Simulation::parsed_national(
    const std::vector<std::string>& extra) const {
  auto s = national::parse_national_scenario(source_.text, source_.path, sets_with(extra));
  if (!shared_.counterfactual.empty()) national::apply_counterfactual(s, shared_.counterfactual);
  national::remove_events(s, shared_.without);
  return s;
}

national::NationalScenario Simulation::national_scenario(const std::vector<std::string>& extra,
                                                         std::uint64_t seed) const {
  auto s = parsed_national(extra);
  s.seed = seed;
  s.threads = 1;
  return s;
}

scenario::Scenario Simulation::classic_scenario(const std::vector<std::string>& extra,
                                                std::uint64_t seed) const {
  std::vector<std::string> sets = sets_with(extra);
  sets.push_back("run.threads=1");
  auto s = scenario::parse_scenario(source_.text, source_.path, sets);
  s.run.seed = seed;
  return s;
}

std::vector<double> Simulation::calibration_values(const std::vector<std::string>& extra,
                                                   std::uint64_t seed) const {
  if (!national_) {
    throw scenario::ScenarioError(source_.path, 0, "", "a classic scenario has no targets");
  }
  const auto engine = run_national(national_scenario(extra, seed));
  std::vector<double> out;
  for (const auto& t : national::evaluate_targets(*engine)) {
    out.push_back(t.simulated ? *t.simulated : std::nan(""));
  }
  for (const auto& c : national::evaluate_checks(*engine)) {
    out.push_back(national::bounds_a_number(*c.check) ? c.measured.value_or(std::nan(""))
                                                      : (c.pass ? 1.0 : 0.0));
  }
  return out;
}

void Simulation::check(const std::vector<std::string>& extra) const {
  if (national_) {
    national_scenario(extra, 0);
  } else {
    classic_scenario(extra, 0);
  }
}

std::vector<double> Simulation::figures(const std::vector<std::string>& extra,
                                        std::uint64_t seed) const {
  std::vector<double> out;
  if (national_) {
    const auto engine = run_national(national_scenario(extra, seed));
    for (const auto& [name, value] : national::summary_figures(*engine)) out.push_back(value);
  } else {
    for (const auto& [name, value] :
         analysis::classic_figures(run_classic(classic_scenario(extra, seed)))) {
      out.push_back(value);
    }
  }
  return out;
}

std::vector<std::vector<double>> Simulation::branched_figures(
    const std::vector<std::string>& extra, std::uint64_t seed,
    const std::vector<std::string>& counterfactuals) const {
  const auto variants =
      counterfactual_variants(national_scenario(extra, seed), counterfactuals, "--counterfactuals");
  std::vector<std::vector<double>> out;
  run_branches(variants, national::shared_hours(variants), [&](const national::NationalEngine& e) {
    std::vector<double> figures;
    for (const auto& [name, value] : national::summary_figures(e)) figures.push_back(value);
    out.push_back(std::move(figures));
  });
  return out;
}

}  // namespace unrest::experiments
