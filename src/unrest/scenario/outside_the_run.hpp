#pragma once
// What a scenario dates outside the period it simulates: events that never apply (or apply at
// the first hour, being dated before it) and targets that cannot be compared. Not errors (a
// shortened run of a longer scenario is a normal thing to ask for), but never silent: `run`
// and `validate` print these notes.
#include <string>
#include <vector>

#include "unrest/scenario/national_scenario.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest::scenario {

std::vector<std::string> outside_the_run(const national::NationalScenario& scenario);
std::vector<std::string> outside_the_run(const Scenario& scenario);

}  // namespace unrest::scenario
