#pragma once
// Runs a classic scenario to its last tick and keeps what every output needs.
#include <cstdint>
#include <functional>
#include <vector>

#include "unrest/engine/run_cancelled.hpp"
#include "unrest/engine/tick_counts.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest {

struct ClassicRun {
  scenario::Scenario scenario;
  std::vector<engine::TickCounts> series;  // tick 0 (the initial state) to the last tick
  std::uint64_t activations = 0;
};

using engine::RunCancelled;

// Called after every tick with the counts and the activations so far; returning false
// cancels the run (RunCancelled is thrown).
using TickObserver = std::function<bool(const engine::TickCounts&, std::uint64_t activations)>;

// Runs on the engine the scenario names. `stop_asked`, when given, is also asked inside each
// tick (Engine::stop_when), so that a long tick is cancelled at once.
ClassicRun run_classic(const scenario::Scenario& scenario, const TickObserver& observer = {},
                       std::function<bool()> stop_asked = {});

// The parallel engine's thread count: run.threads, or one per hardware thread when 0.
int effective_threads(const scenario::Scenario& scenario);

}  // namespace unrest
