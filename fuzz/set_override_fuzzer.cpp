// Arbitrary `--set` assignments (one a line) applied to the default national scenario: a
// ScenarioError is the only way to refuse them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto base = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  std::vector<std::string> sets;
  std::string current;
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == '\n' && sets.size() < 8) {
      sets.push_back(current);
      current.clear();
    } else {
      current.push_back(static_cast<char>(data[i]));
    }
  }
  sets.push_back(current);
  try {
    unrest::national::parse_national_scenario(base->text, base->path, sets);
  } catch (const unrest::scenario::ScenarioError&) {
  }
  return 0;
}
