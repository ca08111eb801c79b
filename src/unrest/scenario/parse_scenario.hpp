#pragma once
// TOML text (plus `--set key=value` overrides) -> a validated Scenario, or a ScenarioError
// naming file, line and key.
#include <string>
#include <string_view>
#include <vector>

#include "unrest/scenario/scenario.hpp"

namespace unrest::scenario {

// `source_name` is what errors call the text (its path, usually).
Scenario parse_scenario(std::string_view text, const std::string& source_name,
                        const std::vector<std::string>& overrides = {});

// Reads a file from disk; a missing or unreadable file is a ScenarioError too.
Scenario load_scenario_file(const std::string& path,
                            const std::vector<std::string>& overrides = {});

}  // namespace unrest::scenario
