#pragma once
// When a classic scenario's dated events ([[schedule]]) fire ("schedule" means only these; the
// order agents act in within a tick is their activation order). A pure function of the tick, so an
// engine never keeps bookkeeping that a restart or another engine could get wrong.
#include <cstdint>
#include <optional>
#include <vector>

#include "unrest/scenario/scenario.hpp"

namespace unrest::engine {

bool is_due(const scenario::ScheduleEvent& event, std::int64_t tick);

// Events due at `tick`, in the order the scenario lists them.
std::vector<const scenario::ScheduleEvent*> due_events(
    const std::vector<scenario::ScheduleEvent>& schedule, std::int64_t tick);

// The legitimacy after a legitimacy event (set, or changed and kept within [0, 1]); nothing
// for events of other kinds. Shared so that every engine reads events the same way.
std::optional<double> legitimacy_after(const scenario::ScheduleEvent& event, double legitimacy);

}  // namespace unrest::engine
