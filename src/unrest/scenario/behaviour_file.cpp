#include "unrest/scenario/behaviour_file.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/scenario/toml_reader.hpp"

namespace unrest::scenario {
namespace {

// A behaviour file is small: anything larger is not one (and is not read whole).
constexpr std::uintmax_t kMaxBytes = 1 << 20;

// The file's text: on disk beside the scenario, else shipped beside a shipped scenario, else
// the shipped file of that path under scenarios/ (so a copy of a shipped scenario, anywhere,
// still takes the shipped behaviour).
std::optional<BehaviourFile> find(const std::filesystem::path& path,
                                  const std::filesystem::path& relative) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec) &&
      std::filesystem::file_size(path, ec) <= kMaxBytes) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (in) return BehaviourFile{path.generic_string(), text.str()};
  }
  for (const auto& name : {path.lexically_normal(), "scenarios" / relative}) {
    if (auto shipped = find_shared_file(name.generic_string())) {
      return BehaviourFile{shipped->path, shipped->text};
    }
  }
  return std::nullopt;
}

}  // namespace

BehaviourFile merge_behaviour(toml::table& root, const std::string& source_name) {
  const toml::table* scenario = root["scenario"].as_table();
  const toml::node* named = scenario ? scenario->get("behaviour") : nullptr;
  if (!named) return {};
  const int at = line_of(*named);
  const auto* value = named->as_string();
  if (!value)
    throw ScenarioError(source_name, at, "scenario.behaviour", "must be a string (a path)");
  const std::filesystem::path relative(value->get());
  bool climbs = false;
  for (const auto& part : relative) climbs = climbs || part == "..";
  if (relative.empty() || relative.is_absolute() || climbs || relative.extension() != ".toml") {
    throw ScenarioError(
        source_name, at, "scenario.behaviour",
        "must be a .toml path inside the scenario's folder (no '..', not absolute)");
  }
  const auto file = find(std::filesystem::path(source_name).parent_path() / relative, relative);
  if (!file) {
    throw ScenarioError(source_name, at, "scenario.behaviour",
                        "\"" + value->get() + "\": no such file beside the scenario, nor shipped");
  }
  for (const char* own : {"rules", "mechanisms"}) {
    if (const toml::node* n = root.get(own)) {
      throw ScenarioError(source_name, line_of(*n), own,
                          "behaviour comes from " + file->path +
                              " (scenario.behaviour): change it there, or with --set");
    }
  }
  toml::table shared = parse_toml(file->text, file->path);
  for (auto&& [key, node] : shared) {
    if (key.str() != "rules" && key.str() != "mechanisms") {
      throw ScenarioError(file->path, line_of(node), std::string(key.str()),
                          "a behaviour file holds [rules] and [mechanisms.*] only");
    }
  }
  // Moved, not copied: toml++ keeps a node's source (file and line, for messages) only on a move.
  for (auto&& [key, node] : shared) root.insert(key, std::move(node));
  return *file;
}

}  // namespace unrest::scenario
