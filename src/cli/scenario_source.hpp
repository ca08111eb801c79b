#pragma once
// Where a scenario named on the command line comes from: a file on disk, else a shipped
// scenario of that path, else an error; no name means the default scenario.
#include <string>

#include "unrest/io/run_outputs.hpp"

namespace unrest::cli {

io::ScenarioSource resolve_source(const std::string& path);

}  // namespace unrest::cli
