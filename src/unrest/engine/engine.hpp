#pragma once
// What every engine offers whoever drives it: advance one tick, say how many ticks are done and
// how many agent-updates that took, and report the state after the last tick as named totals.
// A run's driver, a progress line or a live stream needs nothing more, whichever model and
// engine runs underneath; what only one model has (a classic run's TickCounts, a national
// run's per-place records) stays on the concrete engine.
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>

#include "unrest/engine/run_cancelled.hpp"

namespace unrest::engine {

// Called once per quantity: its name (as in the outputs) and its value.
using QuantityObserver = std::function<void(std::string_view quantity, double value)>;

class Engine {
 public:
  virtual ~Engine() = default;

  // Advances one tick. False, and nothing done, when the engine has no further tick (a dated
  // national run past its last hour); a classic engine can always go on, its run's length is
  // the driver's.
  virtual bool step() = 0;
  // Ticks done.
  virtual std::int64_t tick() const = 0;
  // Agents updated (activated, or decided and moved) so far, for speed figures.
  virtual std::uint64_t agent_updates() const = 0;
  // The totals after the last tick done (before any, the initial state).
  virtual void observe(const QuantityObserver& observer) const = 0;

  // Asked inside a tick (every few thousand agents, or between a tick's phases) whether to
  // stop: a tick of a lattice near the memory limit takes seconds, and Ctrl-C should not wait
  // for it. When it answers yes, step() throws RunCancelled and leaves the tick half done;
  // the engine is then fit only to be destroyed. Called on the thread that calls step().
  void stop_when(std::function<bool()> asked) { stop_asked_ = std::move(asked); }

 protected:
  void stop_if_asked() const {
    if (stop_asked_ && stop_asked_()) throw RunCancelled();
  }

 private:
  std::function<bool()> stop_asked_;
};

}  // namespace unrest::engine
