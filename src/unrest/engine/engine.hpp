#pragma once
// What every engine offers whoever drives it: advance one tick, say how many ticks are done and
// how many agent-updates that took, and report the state after the last tick as named totals.
// A run's driver, a progress line or a live stream needs nothing more, whichever model and
// engine runs underneath; what only one model has (a classic run's TickCounts, a national
// run's per-place records) stays on the concrete engine.
#include <cstdint>
#include <functional>
#include <string_view>

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
};

}  // namespace unrest::engine
