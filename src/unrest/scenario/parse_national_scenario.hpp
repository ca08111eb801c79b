#pragma once
// TOML text (plus `--set` overrides) -> a validated NationalScenario, or a ScenarioError
// naming file, line and key. The file format is documented in the README.
#include <string>
#include <string_view>
#include <vector>

#include "unrest/scenario/national_scenario.hpp"

namespace unrest::national {

// Whether a scenario text describes places (a national scenario) rather than one classic
// lattice. Malformed TOML counts as classic, whose parser reports the error.
bool is_national_scenario(std::string_view text);

NationalScenario parse_national_scenario(std::string_view text, const std::string& source_name,
                                         const std::vector<std::string>& overrides = {});

// One event written as the keys of a TOML table (what an `[[event]]` entry holds), read against
// a parsed scenario's places and clock, with the same checks: for events given while a run goes
// (the Python module's Simulation.apply).
Event parse_event(std::string_view text, const std::string& source_name,
                  const NationalScenario& scenario);

// Applies a counterfactual declared in the file (its events removed or enabled).
void apply_counterfactual(NationalScenario& scenario, const std::string& id);

// Removes events by id (--without); an unknown id is an error that suggests the nearest.
void remove_events(NationalScenario& scenario, const std::vector<std::string>& ids);

}  // namespace unrest::national
