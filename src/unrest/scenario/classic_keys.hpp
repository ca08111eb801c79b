#pragma once
// Every key of a classic scenario (Epstein's Model I), declared once: type, checked range and
// meaning. The classic parser takes each numeric range from this table and `unrest scenarios
// --keys` lists it, as for the national keys (national_parameters.hpp, national_inputs.hpp).
#include <string_view>
#include <vector>

#include "unrest/scenario/declared_keys.hpp"

namespace unrest::scenario {

// In the order of a scenario file.
const std::vector<DeclaredKey>& classic_keys();
const DeclaredKey& classic_key(std::string_view table, std::string_view key);

}  // namespace unrest::scenario
