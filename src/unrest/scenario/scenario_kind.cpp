#include "unrest/scenario/scenario_kind.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "unrest/scenario/scenario_error.hpp"

namespace unrest::scenario {
namespace {

const std::vector<std::string>& kind_names() {
  static const std::vector<std::string> names = {"classic", "national"};
  return names;
}

}  // namespace

std::string_view to_string(ScenarioKind kind) {
  return kind_names()[static_cast<std::size_t>(kind)];
}

ScenarioKind scenario_kind(std::string_view text, const std::string& source_name) {
  const toml::table root = parse_toml(text, source_name);
  if (const toml::node* kind = root.at_path("scenario.kind").node()) {
    const auto name = kind->value<std::string>();
    for (std::size_t k = 0; name && k < kind_names().size(); ++k) {
      if (*name == kind_names()[k]) return static_cast<ScenarioKind>(k);
    }
    throw ScenarioError(source_name, line_of(*kind), "scenario.kind",
                        fmt::format("must be one of {}", fmt::join(kind_names(), ", ")));
  }
  return root.contains("place") ? ScenarioKind::national : ScenarioKind::classic;
}

void read_kind(TableReader& scenario_table, ScenarioKind expected) {
  std::size_t kind = static_cast<std::size_t>(expected);
  if (scenario_table.read_choice("kind", kind_names(), kind)) {
    scenario_table.require(kind == static_cast<std::size_t>(expected), "kind",
                           fmt::format("is \"{}\", but this file is read as a {} scenario",
                                       kind_names()[kind], to_string(expected)));
  }
}

}  // namespace unrest::scenario
