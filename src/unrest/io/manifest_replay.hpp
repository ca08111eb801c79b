#pragma once
// A run's manifest read back as the run's inputs, so that a manifest is itself a scenario:
// `unrest run out/X/manifest.json` reruns the run, byte for byte. The manifest keeps the
// scenario's text and the command-line overrides it was run with; this reads them back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "unrest/io/run_outputs.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace unrest::io {

// What a manifest says a run was given.
struct RecordedRun {
  ScenarioSource source;          // as recorded: path, text, builtin; no overrides
  std::vector<std::string> sets;  // --set KEY=VALUE
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> ticks;
  std::optional<double> scale;
  std::string engine;
  std::string counterfactual;
  std::vector<std::string> without;
  // The shared behaviour file the run took (scenario/behaviour_file.hpp) and its text's hash;
  // empty when the scenario held its own behaviour.
  std::string behaviour_file;
  std::string behaviour_hash;
};

// Whether a scenario argument's text is JSON (a manifest) rather than TOML.
bool looks_like_manifest(const std::string& text);

// Reads a manifest; a malformed one, one whose scenario text does not match its hash, or one
// from a version that did not keep the text, is a ScenarioError naming the file and the key.
RecordedRun read_manifest(const std::string& path, const std::string& text);

// Refuses (ScenarioError naming the manifest) to replay a run whose shared behaviour file has
// changed since: the manifest keeps the scenario's text, not the behaviour file's.
void check_behaviour(const std::string& manifest_path, const RecordedRun& run,
                     const national::NationalScenario& scenario);

}  // namespace unrest::io
