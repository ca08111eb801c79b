#pragma once
// The options every national command shares (run, ensemble, sweep), and the scenario they
// give: the file parsed with --set, --scale, --seed and --threads applied as overrides (so they
// pass the file's own checks), then the counterfactual and the removed events.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "unrest/io/run_outputs.hpp"
#include "unrest/national/national_scenario.hpp"

namespace CLI {
class App;
}

namespace unrest::cli {

struct NationalOptions {
  std::vector<std::string> sets;
  std::optional<double> scale;
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> threads;
  std::vector<std::string> without;
  std::string counterfactual;
};

// Adds --scale, --without and --counterfactual (the others differ in wording per command).
void add_national_options(CLI::App& command, NationalOptions& options);

// Records every option in `source.overrides` for the manifest.
national::NationalScenario load_national(const NationalOptions& options,
                                         io::ScenarioSource& source);

}  // namespace unrest::cli
