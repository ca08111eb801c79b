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

#include "unrest/scenario/toml_reader.hpp"

namespace unrest::national {

struct InputKey {
  std::string_view table;  // "run", "report", "place", "event", ... (arrays of tables unbracketed)
  std::string_view key;
  std::string_view type;  // "number", "integer", "date", "string", "strings", "boolean", ...
  double low = 0.0;       // the checked range, inclusive (numbers only; low == high: unchecked)
  double high = 0.0;
  bool required = false;
  std::string_view meaning;

  // "[run] scale", "[[place]] population".
  std::string heading() const;
  // "number in [0, 1e+09], required".
  std::string type_text() const;
};

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
