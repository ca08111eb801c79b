#pragma once
// The scenario files shipped in scenarios/, compiled into the binary.
#include <optional>
#include <string>
#include <vector>

namespace unrest::scenario {

struct BuiltinScenario {
  std::string path;  // as in the source tree, e.g. "scenarios/epstein-2002/run2.toml"
  std::string text;
};

const std::vector<BuiltinScenario>& builtin_scenarios();

// The scenario `unrest run` runs when given none.
const BuiltinScenario& default_scenario();

// A shipped scenario by its path in the source tree, if there is one.
std::optional<BuiltinScenario> find_builtin(const std::string& path);

// The shipped files scenarios take parts from (scenario/behaviour_file.hpp), and one by path.
const std::vector<BuiltinScenario>& builtin_shared_files();
std::optional<BuiltinScenario> find_shared_file(const std::string& path);

}  // namespace unrest::scenario
