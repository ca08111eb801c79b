#pragma once
// A classic (Epstein Model I) engine: the common Engine interface plus what a classic run
// records every tick. SequentialEngine and ParallelEngine are the two.
#include <memory>

#include "unrest/engine/engine.hpp"
#include "unrest/engine/tick_counts.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest::engine {

class ClassicEngine : public Engine {
 public:
  virtual TickCounts counts() const = 0;

  // The classic quantities: quiet, active, jailed, cops, arrests, legitimacy.
  void observe(const QuantityObserver& observer) const final;
};

// The engine the scenario names (run.engine), the parallel one on `threads` threads.
std::unique_ptr<ClassicEngine> make_classic_engine(const scenario::Scenario& scenario, int threads);

}  // namespace unrest::engine
