#include "unrest/run_national.hpp"

#include <thread>

#include "unrest/run_classic.hpp"

namespace unrest {

int effective_threads(const national::NationalScenario& scenario) {
  if (scenario.threads > 0) return static_cast<int>(scenario.threads);
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::unique_ptr<national::NationalEngine> run_national(const national::NationalScenario& scenario,
                                                       const NationalObserver& observer,
                                                       national::PlacePartition partition,
                                                       const NationalPreparation& prepare) {
  auto engine = std::make_unique<national::NationalEngine>(scenario, effective_threads(scenario),
                                                           std::move(partition));
  if (prepare) prepare(*engine);
  while (engine->step()) {
    if (observer && !observer(*engine)) throw RunCancelled();
  }
  return engine;
}

}  // namespace unrest
