#include "unrest/io/national_options.hpp"

#include <fmt/format.h>

#include "unrest/scenario/parse_national_scenario.hpp"

namespace unrest::io {

std::vector<std::string> recorded_overrides(const NationalOptions& options) {
  std::vector<std::string> overrides = options.sets;
  if (options.scale) overrides.push_back(fmt::format("--scale {}", *options.scale));
  if (options.seed) overrides.push_back(fmt::format("--seed {}", *options.seed));
  if (!options.counterfactual.empty()) {
    overrides.push_back("--counterfactual " + options.counterfactual);
  }
  for (const auto& id : options.without) overrides.push_back("--without " + id);
  return overrides;
}

national::NationalScenario load_national(const NationalOptions& options, ScenarioSource& source) {
  std::vector<std::string> sets = options.sets;
  if (options.scale) sets.push_back(fmt::format("run.scale={}", *options.scale));
  if (options.seed) sets.push_back(fmt::format("run.seed={}", *options.seed));
  if (options.threads) sets.push_back(fmt::format("run.threads={}", *options.threads));
  auto scenario = national::parse_national_scenario(source.text, source.path, sets);
  if (!options.counterfactual.empty()) {
    national::apply_counterfactual(scenario, options.counterfactual);
  }
  national::remove_events(scenario, options.without);
  source.overrides = recorded_overrides(options);
  return scenario;
}

}  // namespace unrest::io
