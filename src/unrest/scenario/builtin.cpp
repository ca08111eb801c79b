#include "unrest/scenario/builtin.hpp"

#include <stdexcept>

namespace unrest::scenario {

namespace {
constexpr const char* kDefaultScenario = "scenarios/kazakhstan-2022.toml";
}

const BuiltinScenario& default_scenario() {
  for (const auto& s : builtin_scenarios()) {
    if (s.path == kDefaultScenario) return s;
  }
  throw std::logic_error("the default scenario was not compiled in");
}

std::optional<BuiltinScenario> find_shared_file(const std::string& path) {
  for (const auto& s : builtin_shared_files()) {
    if (s.path == path) return s;
  }
  return std::nullopt;
}

std::optional<BuiltinScenario> find_builtin(const std::string& path) {
  for (const auto& s : builtin_scenarios()) {
    if (s.path == path) return s;
  }
  return std::nullopt;
}

}  // namespace unrest::scenario
