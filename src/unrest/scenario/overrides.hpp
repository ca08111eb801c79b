#pragma once
// `--set key=value`: a value put into the parsed TOML before it is read, so overridden values
// pass through exactly the same checks as values in the file.
#include <toml++/toml.h>

#include <string_view>

namespace unrest::scenario {

// `assignment` is "dotted.key=value"; the value is read as TOML ("0.8", "true", "\"x\"") and,
// failing that, as a bare string, so `--set model.preset=mesa` works unquoted.
void apply_override(toml::table& root, std::string_view assignment);

}  // namespace unrest::scenario
