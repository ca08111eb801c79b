#include "unrest/run_classic.hpp"

#include <algorithm>
#include <thread>
#include <utility>

#include "unrest/engine/classic_engine.hpp"

namespace unrest {

int effective_threads(const scenario::Scenario& scenario) {
  if (scenario.run.threads > 0) return static_cast<int>(scenario.run.threads);
  return std::max(1u, std::thread::hardware_concurrency());
}

ClassicRun run_classic(const scenario::Scenario& scenario, const TickObserver& observer,
                       std::function<bool()> stop_asked) {
  ClassicRun run{.scenario = scenario, .series = {}, .activations = 0};
  const auto engine = engine::make_classic_engine(scenario, effective_threads(scenario));
  if (stop_asked) engine->stop_when(std::move(stop_asked));
  run.series.reserve(static_cast<std::size_t>(scenario.run.ticks) + 1);
  run.series.push_back(engine->counts());
  while (engine->tick() < scenario.run.ticks && engine->step()) {
    run.series.push_back(engine->counts());
    if (observer && !observer(run.series.back(), engine->agent_updates())) throw RunCancelled();
  }
  run.activations = engine->agent_updates();
  return run;
}

}  // namespace unrest
