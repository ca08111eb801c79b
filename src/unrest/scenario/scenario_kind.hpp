#pragma once
// Which model a scenario file is for. `[scenario] kind = "classic"` or `"national"` says so;
// a file without the key is national when it has [[place]] entries and classic otherwise (the
// older files' convention). Every command asks this one function, so a file is never read as
// the wrong kind, and a malformed file is reported as malformed, whichever options came with it.
#include <string>
#include <string_view>

#include "unrest/scenario/toml_reader.hpp"

namespace unrest::scenario {

enum class ScenarioKind { classic, national };

std::string_view to_string(ScenarioKind kind);

// Throws ScenarioError for malformed TOML (with its line) or an unknown kind.
ScenarioKind scenario_kind(std::string_view text, const std::string& source_name);

// Every scenario file has a [scenario] table, so that an empty or truncated file is an error
// and not a run of the defaults: the message both parsers give when it is missing.
inline constexpr const char* kScenarioTableRequired =
    "a scenario file needs a [scenario] table (kind, name, description); this one has none "
    "(is it empty?)";

// Reads `[scenario] kind` in a parser of `expected` files: declares the key known and refuses
// a file of the other kind.
void read_kind(TableReader& scenario_table, ScenarioKind expected);

}  // namespace unrest::scenario
