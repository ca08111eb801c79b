#pragma once
// When may a run go on from another run's saved state? When everything that acts before the
// saved hour is the same in both: the seed and scale, every behaviour parameter, the places,
// and every event applied before that hour. What comes after it may differ (that is what a
// branch is for: the counterfactual whose first difference lies later). Events brought by a
// condition could come at any hour, so they must be the same whatever their date.
//
// inputs_before lists those inputs one per line, in a fixed order and with numbers written
// exactly, so that two runs compare line by line and the first line that differs says why a
// branch is refused.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "unrest/scenario/national_scenario.hpp"

namespace unrest::national {

std::vector<std::string> inputs_before(const NationalScenario& scenario, std::int64_t tick);

// The most hours from the start that all `variants` share (0 when they differ from the first
// hour, or there is only one): up to then, a run of any of them is a run of every other.
std::int64_t shared_hours(const std::vector<NationalScenario>& variants);

// What differs between the inputs of the saved run and this one, said of the first input that
// does (a line one run has and the other has not, or has otherwise), or nothing.
std::optional<std::string> first_difference(const std::vector<std::string>& saved,
                                            const std::vector<std::string>& now);

}  // namespace unrest::national
