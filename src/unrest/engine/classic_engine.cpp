#include "unrest/engine/classic_engine.hpp"

#include "unrest/engine/parallel_engine.hpp"
#include "unrest/engine/sequential_engine.hpp"

namespace unrest::engine {

void ClassicEngine::observe(const QuantityObserver& observer) const {
  const TickCounts c = counts();
  observer("quiet", c.quiet);
  observer("active", c.active);
  observer("jailed", c.jailed);
  observer("cops", c.cops);
  observer("arrests", static_cast<double>(c.arrests));
  observer("legitimacy", c.legitimacy);
}

std::unique_ptr<ClassicEngine> make_classic_engine(const scenario::Scenario& scenario,
                                                   int threads) {
  if (scenario.run.engine == scenario::EngineKind::parallel) {
    return std::make_unique<ParallelEngine>(scenario, threads);
  }
  return std::make_unique<SequentialEngine>(scenario);
}

}  // namespace unrest::engine
