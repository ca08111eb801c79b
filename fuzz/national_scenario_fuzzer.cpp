// Arbitrary text as a national scenario file: a ScenarioError is the only way to refuse it,
// and what is accepted is listed (its notes) without trouble.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "unrest/scenario/outside_the_run.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto s = unrest::national::parse_national_scenario(text, "fuzz.toml");
    unrest::scenario::outside_the_run(s);
  } catch (const unrest::scenario::ScenarioError&) {
  }
  return 0;
}
