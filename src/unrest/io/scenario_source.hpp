#pragma once
// Where a named scenario comes from: a file on disk, else a shipped scenario of that path or
// name, else an error; no name means the default scenario.
#include <string>

#include "unrest/io/run_outputs.hpp"

namespace unrest::io {

// A path on disk wins; otherwise a shipped scenario by its path in the source tree
// ("scenarios/epstein-2002/run4.toml", so that works from any directory) or by its name
// ("kazakhstan-2022", "epstein-2002/run4"); otherwise a ScenarioError: no such file.
ScenarioSource resolve_source(const std::string& path);

}  // namespace unrest::io
