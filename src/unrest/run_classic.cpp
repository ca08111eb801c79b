#include "unrest/run_classic.hpp"

#include <algorithm>
#include <thread>

#include "unrest/engine/parallel_engine.hpp"
#include "unrest/engine/sequential_engine.hpp"

namespace unrest {

namespace {

template <typename Engine>
void run_to_end(Engine& engine, const scenario::Scenario& scenario, const TickObserver& observer,
                ClassicRun& run) {
  run.series.reserve(static_cast<std::size_t>(scenario.run.ticks) + 1);
  run.series.push_back(engine.counts());
  while (engine.tick() < scenario.run.ticks) {
    engine.step();
    run.series.push_back(engine.counts());
    if (observer && !observer(run.series.back(), engine.activations())) throw RunCancelled();
  }
  run.activations = engine.activations();
}

}  // namespace

int effective_threads(const scenario::Scenario& scenario) {
  if (scenario.run.threads > 0) return static_cast<int>(scenario.run.threads);
  return std::max(1u, std::thread::hardware_concurrency());
}

ClassicRun run_classic(const scenario::Scenario& scenario, const TickObserver& observer) {
  ClassicRun run{.scenario = scenario, .series = {}, .activations = 0};
  if (scenario.run.engine == scenario::EngineKind::parallel) {
    engine::ParallelEngine engine(scenario, effective_threads(scenario));
    run_to_end(engine, scenario, observer, run);
  } else {
    engine::SequentialEngine engine(scenario);
    run_to_end(engine, scenario, observer, run);
  }
  return run;
}

}  // namespace unrest
