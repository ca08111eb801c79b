#pragma once
// The files a run leaves behind: timeseries.csv, summary.json and manifest.json.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "unrest/io/atomic_output_dir.hpp"
#include "unrest/run_classic.hpp"

namespace unrest::io {

// Where the scenario came from, for the manifest.
struct ScenarioSource {
  std::string path;
  std::string text;
  bool builtin = false;
  std::vector<std::string> overrides;
};

// Every effective setting of a scenario, defaults and preset values included.
nlohmann::json scenario_to_json(const scenario::Scenario& scenario);

// The fields every manifest has: version, completeness, the scenario's source and hashes, and
// the effective scenario. Each kind of run adds its own (seed, scale, files).
nlohmann::json manifest_base(const ScenarioSource& source, const nlohmann::json& effective);

std::string timeseries_csv(const ClassicRun& run);
nlohmann::json summary_json(const ClassicRun& run);
nlohmann::json manifest_json(const ClassicRun& run, const ScenarioSource& source);

// Writes the three files into `dir` (not yet committed).
void write_run_outputs(const AtomicOutputDir& dir, const ClassicRun& run,
                       const ScenarioSource& source);

}  // namespace unrest::io
