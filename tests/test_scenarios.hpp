#pragma once
// Shipped scenarios with overrides, for tests.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_scenario.hpp"

namespace unrest::testing {

inline scenario::Scenario shipped(const std::string& path,
                                  const std::vector<std::string>& sets = {}) {
  const auto builtin = scenario::find_builtin(path);
  if (!builtin) throw std::runtime_error("no built-in scenario " + path);
  return scenario::parse_scenario(builtin->text, builtin->path, sets);
}

inline scenario::Scenario run_n(int n, const std::vector<std::string>& sets = {}) {
  return shipped("scenarios/epstein-2002/run" + std::to_string(n) + ".toml", sets);
}

}  // namespace unrest::testing
