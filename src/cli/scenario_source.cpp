#include "cli/scenario_source.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::cli {

using io::ScenarioSource;
using scenario::ScenarioError;

// A path on disk wins; otherwise a shipped scenario of that path (so `unrest run
// scenarios/epstein-2002/run4.toml` works from any directory); otherwise the file is missing.
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
  throw ScenarioError(path, 0, "", "cannot open scenario file: no such file");
}

}  // namespace unrest::cli
