#include "unrest/io/scenario_source.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::io {

using scenario::ScenarioError;

ScenarioSource resolve_source(const std::string& path) {
  if (path.empty()) {
    const auto& builtin = scenario::default_scenario();
    return {builtin.path, builtin.text, true, {}};
  }
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    if (std::filesystem::is_directory(path, ec)) {
      throw ScenarioError(path, 0, "", "is a directory, not a scenario file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ScenarioError(path, 0, "", "cannot open scenario file: permission denied");
    std::ostringstream text;
    text << in.rdbuf();
    return {path, text.str(), false, {}};
  }
  if (auto builtin = scenario::find_builtin(path)) {
    return {builtin->path, builtin->text, true, {}};
  }
  if (auto builtin = scenario::find_builtin("scenarios/" + path + ".toml")) {
    return {builtin->path, builtin->text, true, {}};
  }
  throw ScenarioError(path, 0, "",
                      "cannot open scenario file: no such file, and no shipped scenario of that "
                      "name (`unrest scenarios` lists them)");
}

}  // namespace unrest::io
