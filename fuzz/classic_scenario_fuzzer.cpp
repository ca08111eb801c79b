// Arbitrary text as a classic scenario file: a ScenarioError is the only way to refuse it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "unrest/scenario/parse_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    unrest::scenario::parse_scenario(text, "fuzz.toml");
  } catch (const unrest::scenario::ScenarioError&) {
  }
  return 0;
}
