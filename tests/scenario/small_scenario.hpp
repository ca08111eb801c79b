#pragma once
// The smallest valid national scenario file (one place, one price shock), and the error a
// parse of a text gives, for the tests of the scenario format.
#include <string>
#include <vector>

#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::testing {

inline const std::string kSmallScenario = R"([scenario]
kind = "national"

[run]
start = 2022-01-01
end = 2022-01-02

[[place]]
id = "aktau"
population = 1000
police = 10
lat = 43.65
lon = 51.17
utc_offset = 5

[[event]]
id = "shock"
kind = "price_shock"
at = 2022-01-01T06:00:00
where = "national"
size = 0.2
)";

// The message of the ScenarioError the text gives as `file`, or "no error".
inline std::string national_error_of(const std::string& text, const std::string& file,
                                     const std::vector<std::string>& sets = {}) {
  try {
    national::parse_national_scenario(text, file, sets);
  } catch (const scenario::ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace unrest::testing
