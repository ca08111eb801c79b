#pragma once
// The options of a classic run besides the scenario (the command line's --set, --engine,
// --threads, --seed and --ticks; the Python module's arguments), and the scenario they give,
// recorded the same way whoever gave them, so the same options give the same files.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "unrest/io/run_outputs.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest::io {

struct ClassicOptions {
  std::vector<std::string> sets;  // KEY=VALUE
  std::string engine;             // empty: the scenario's
  std::optional<std::int64_t> threads;
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> ticks;
};

// Parses `source` with `options`; records them in `source.overrides` (the thread count left
// out: it changes no result).
scenario::Scenario load_classic(const ClassicOptions& options, ScenarioSource& source);

}  // namespace unrest::io
