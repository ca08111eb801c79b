#include "unrest/engine/schedule.hpp"

#include <algorithm>

namespace unrest::engine {

bool is_due(const scenario::ScheduleEvent& event, std::int64_t tick) {
  if (tick < event.tick) return false;
  if (event.every == 0) return tick == event.tick;
  const std::int64_t since = tick - event.tick;
  if (since % event.every != 0) return false;
  return !event.times || since / event.every < *event.times;
}

std::vector<const scenario::ScheduleEvent*> due_events(
    const std::vector<scenario::ScheduleEvent>& schedule, std::int64_t tick) {
  std::vector<const scenario::ScheduleEvent*> due;
  for (const auto& event : schedule) {
    if (is_due(event, tick)) due.push_back(&event);
  }
  return due;
}

std::optional<double> legitimacy_after(const scenario::ScheduleEvent& event, double legitimacy) {
  switch (event.action) {
    case scenario::ScheduleAction::set_legitimacy:
      return event.value;
    case scenario::ScheduleAction::change_legitimacy:
      return std::clamp(legitimacy + event.value, 0.0, 1.0);
    default:
      return std::nullopt;
  }
}

}  // namespace unrest::engine
