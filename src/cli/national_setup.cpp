#include "cli/national_setup.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "unrest/national/parse_national_scenario.hpp"

namespace unrest::cli {

void add_national_options(CLI::App& command, NationalOptions& options) {
  command
      .add_option("--scale", options.scale,
                  "National scenarios: agents per person (0.01: one agent per 100 people)")
      ->check(CLI::Range(1e-6, 1.0));
  command
      .add_option("--without", options.without,
                  "National scenarios: remove the event with this id (repeatable)")
      ->type_name("EVENT_ID");
  command
      .add_option("--counterfactual", options.counterfactual,
                  "National scenarios: run one of the counterfactuals the scenario declares "
                  "(listed by `unrest scenarios`)")
      ->type_name("NAME");
}

national::NationalScenario load_national(const NationalOptions& options,
                                         io::ScenarioSource& source) {
  std::vector<std::string> sets = options.sets;
  if (options.scale) sets.push_back(fmt::format("run.scale={}", *options.scale));
  if (options.seed) sets.push_back(fmt::format("run.seed={}", *options.seed));
  // The thread count changes no result, so it is not recorded with the overrides.
  if (options.threads) sets.push_back(fmt::format("run.threads={}", *options.threads));
  source.overrides = options.sets;
  if (options.scale) source.overrides.push_back(fmt::format("--scale {}", *options.scale));
  if (options.seed) source.overrides.push_back(fmt::format("--seed {}", *options.seed));
  auto scenario = national::parse_national_scenario(source.text, source.path, sets);
  if (!options.counterfactual.empty()) {
    national::apply_counterfactual(scenario, options.counterfactual);
    source.overrides.push_back("--counterfactual " + options.counterfactual);
  }
  national::remove_events(scenario, options.without);
  for (const auto& id : options.without) source.overrides.push_back("--without " + id);
  return scenario;
}

}  // namespace unrest::cli
