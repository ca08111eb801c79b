#pragma once
// Every key of a national scenario that is not behaviour, declared once: the run ([run],
// [report]), the event's data ([[place]], [[event]]) and what the run is judged on ([[target]],
// [[check]], [[free]], [[counterfactual]]). Behaviour lives in national_parameters.hpp and is
// the same for every event; these keys are what differs between events, each with its source.
// The parser takes the checked range of every numeric key from this table and `unrest
// scenarios --keys` lists it, so what is documented is what is checked.
#include <cstdint>
#include <string_view>
#include <vector>

#include "unrest/scenario/declared_keys.hpp"

namespace unrest::national {

using InputKey = scenario::DeclaredKey;

// In the order of a scenario file.
const std::vector<InputKey>& input_keys();
// The declaration of a key; a key the parser reads without declaring it is a programming
// error (std::logic_error), caught by the tests.
const InputKey& input_key(std::string_view table, std::string_view key);

// A declared numeric key, read and range-checked from its declaration. Returns whether it was
// present; fails with "is required" when it is required and absent.
bool read_input(scenario::TableReader& r, std::string_view table, std::string_view key,
                double& out);
bool read_input(scenario::TableReader& r, std::string_view table, std::string_view key,
                std::int64_t& out);
bool read_input(scenario::TableReader& r, std::string_view table, std::string_view key, int& out);

}  // namespace unrest::national
