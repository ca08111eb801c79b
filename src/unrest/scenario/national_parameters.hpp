#pragma once
// Every behaviour parameter of the national model ([rules] and [mechanisms.*]), declared once:
// key, type, range and meaning. The scenario parser reads and checks them from this table, the
// manifest writes them from it, and `unrest scenarios --keys` lists it; adding a parameter is
// one entry here and its field in the mechanism's struct.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "unrest/scenario/national_scenario.hpp"

namespace unrest::national {

// Where a parameter lives in a scenario.
using ParameterField = std::variant<bool*, int*, std::int64_t*, double*, model::Ratio*>;

struct Parameter {
  std::string_view section;  // the dotted table: "rules", "mechanisms.curfew"
  std::string_view key;
  double low = 0.0;  // the checked range, inclusive (numbers only)
  double high = 0.0;
  std::string_view meaning;
  ParameterField (*field)(NationalScenario&);

  std::string full_key() const;
  // "boolean", "integer", "number" or the choices of an enumeration.
  std::string type_text() const;
};

// In the order of a scenario file.
const std::vector<Parameter>& parameters();
// Null if `full_key` ("mechanisms.curfew.risk_multiplier") is not a declared parameter.
const Parameter* find_parameter(std::string_view full_key);

// The spellings of the ratio rule in scenario files: model::to_string's, and "round", the
// national files' older spelling of round_half_even, still read.
const std::vector<std::string>& ratio_spellings();

}  // namespace unrest::national
