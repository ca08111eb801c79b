#pragma once
// The options every national run is given besides the scenario (the command line's --set,
// --scale, --seed, --threads, --without and --counterfactual; the Python module's arguments),
// and the scenario they give: the file parsed with the sets, scale, seed and threads applied as
// overrides (so they pass the file's own checks), then the counterfactual and the removed
// events. What a run records of them in its manifest is the same whoever gave them, so the
// same options give the same files byte for byte.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "unrest/io/run_outputs.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace unrest::io {

struct NationalOptions {
  std::vector<std::string> sets;  // KEY=VALUE
  std::optional<double> scale;
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> threads;
  std::vector<std::string> without;
  std::string counterfactual;
};

// The overrides a manifest records, in the command line's spelling ("--scale 0.1"); the
// thread count is left out, as it changes no result.
std::vector<std::string> recorded_overrides(const NationalOptions& options);

// Parses `source` with `options`; records them in `source.overrides`.
national::NationalScenario load_national(const NationalOptions& options, ScenarioSource& source);

}  // namespace unrest::io
