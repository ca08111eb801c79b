#pragma once
// Runs a national scenario to its last tick, reporting each hour to an observer that may
// cancel the run.
#include <functional>
#include <memory>

#include "unrest/engine/national_engine.hpp"

namespace unrest {

// Called after every hour; returning false cancels the run (RunCancelled is thrown).
using NationalObserver = std::function<bool(const national::NationalEngine&)>;

// Called once on the engine just built, before its first hour (to go on from a saved state).
using NationalPreparation = std::function<void(national::NationalEngine&)>;

// Threads: scenario.threads, or one per hardware thread when 0. Results do not depend on it.
std::unique_ptr<national::NationalEngine> run_national(const national::NationalScenario& scenario,
                                                       const NationalObserver& observer = {},
                                                       national::PlacePartition partition = {},
                                                       const NationalPreparation& prepare = {});

int effective_threads(const national::NationalScenario& scenario);

}  // namespace unrest
