#pragma once
// Runs of several variants of one national scenario that act alike for their first hours
// (counterfactuals of one scenario, one seed): those hours run once, and each variant goes on
// from the state they end in (engine/run_state.cpp), so each variant's engine is the one its
// whole run would give, byte for byte (scenario/branch_point.hpp says how many hours they
// share). What `unrest ensemble --counterfactuals` and `unrest sweep --counterfactuals` run.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "unrest/engine/national_engine.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace unrest::experiments {

// The scenario `base` as each counterfactual named makes it ("none": as it is), in order. A
// name given twice or not declared by the scenario is a ScenarioError naming `option`.
std::vector<national::NationalScenario> counterfactual_variants(
    const national::NationalScenario& base, const std::vector<std::string>& names,
    const std::string& option);

// Runs every variant on one thread, the first `shared` hours once (national::shared_hours of
// the variants, or fewer), and hands each finished engine to `each`, in order.
void run_branches(const std::vector<national::NationalScenario>& variants, std::int64_t shared,
                  const std::function<void(const national::NationalEngine&)>& each);

}  // namespace unrest::experiments
