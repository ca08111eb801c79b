#pragma once
// Runs a national scenario to its last tick, reporting each hour to an observer that may
// cancel the run.
#include <functional>
#include <memory>

#include "unrest/engine/national_engine.hpp"

namespace unrest {

// Called after every hour; returning false cancels the run (RunCancelled is thrown).
using NationalObserver = std::function<bool(const national::NationalEngine&)>;

// Threads: scenario.threads, or one per hardware thread when 0. Results do not depend on it.
std::unique_ptr<national::NationalEngine> run_national(const national::NationalScenario& scenario,
                                                       const NationalObserver& observer = {},
                                                       national::PlacePartition partition = {});

int effective_threads(const national::NationalScenario& scenario);

}  // namespace unrest
