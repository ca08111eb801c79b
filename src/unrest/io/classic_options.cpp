#include "unrest/io/classic_options.hpp"

#include <fmt/format.h>

#include "unrest/scenario/parse_scenario.hpp"

namespace unrest::io {

scenario::Scenario load_classic(const ClassicOptions& options, ScenarioSource& source) {
  std::vector<std::string> sets = options.sets;
  if (!options.engine.empty()) sets.push_back("run.engine=" + options.engine);
  if (options.threads) sets.push_back(fmt::format("run.threads={}", *options.threads));
  auto scenario = scenario::parse_scenario(source.text, source.path, sets);
  source.overrides = options.sets;
  if (!options.engine.empty()) source.overrides.push_back("--engine " + options.engine);
  if (options.seed) {
    scenario.run.seed = static_cast<std::uint64_t>(*options.seed);
    source.overrides.push_back(fmt::format("--seed {}", *options.seed));
  }
  if (options.ticks) {
    scenario.run.ticks = *options.ticks;
    source.overrides.push_back(fmt::format("--ticks {}", *options.ticks));
  }
  return scenario;
}

}  // namespace unrest::io
