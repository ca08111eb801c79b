#include "unrest/run_classic.hpp"

#include "unrest/engine/sequential_engine.hpp"

namespace unrest {

ClassicRun run_classic(const scenario::Scenario& scenario, const TickObserver& observer) {
  ClassicRun run{.scenario = scenario, .series = {}, .activations = 0};
  engine::SequentialEngine engine(scenario);
  run.series.reserve(static_cast<std::size_t>(scenario.run.ticks) + 1);
  run.series.push_back(engine.counts());
  while (engine.tick() < scenario.run.ticks) {
    engine.step();
    run.series.push_back(engine.counts());
    if (observer && !observer(run.series.back(), engine.activations())) throw RunCancelled();
  }
  run.activations = engine.activations();
  return run;
}

}  // namespace unrest
