#pragma once
// A scenario key declared once, in a table: where it lives, its type, its checked range and its
// meaning. The parsers take each numeric range from the declaration (so what is documented is
// what is checked) and `unrest scenarios --keys` lists the tables. The national model's keys
// are in national_inputs.hpp (besides its behaviour table, national_parameters.hpp), the
// classic model's in classic_keys.hpp.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "unrest/scenario/toml_reader.hpp"

namespace unrest::scenario {

// A bound that is not there: `high` of a key with a lower bound only.
inline constexpr double kUnbounded = 1e18;
inline constexpr bool kRequired = true;
inline constexpr bool kOptional = false;

struct DeclaredKey {
  std::string_view table;  // "run", "model", "place", ... (arrays of tables unbracketed)
  std::string_view key;
  std::string_view type;  // "number", "integer", "date", "string", "boolean", choices, ...
  double low = 0.0;       // the checked range, inclusive (numbers only; low == high: unchecked)
  double high = 0.0;
  bool required = false;
  std::string_view meaning;

  // "[run] ticks", "[[place]] population".
  std::string heading() const;
  // "integer in [1, 1e+09], required", "number >= 0".
  std::string type_text() const;
};

// The [scenario] table's keys, the same in every scenario file; each model's table starts with
// them.
std::vector<DeclaredKey> scenario_table_keys();

// The declaration of `table`.`key` in `keys`; a key read but not declared is a programming
// error (std::logic_error), caught by the tests.
const DeclaredKey& find_declared(const std::vector<DeclaredKey>& keys, std::string_view table,
                                 std::string_view key);

// A declared numeric key, read and range-checked from its declaration: "must be in [lo, hi]" or
// "must be >= lo" (got v). Returns whether it was present; fails with "is required" when it is
// required and absent.
bool read_declared(TableReader& r, const DeclaredKey& k, double& out);
bool read_declared(TableReader& r, const DeclaredKey& k, std::int64_t& out);
bool read_declared(TableReader& r, const DeclaredKey& k, int& out);

}  // namespace unrest::scenario
