#include "unrest/scenario/outside_the_run.hpp"

#include <fmt/format.h>

namespace unrest::scenario {

std::vector<std::string> outside_the_run(const national::NationalScenario& s) {
  std::vector<std::string> notes;
  for (const auto& e : s.events) {
    if (!e.enabled || e.when) continue;  // a triggered event has no date
    if (e.tick >= s.ticks) {
      notes.push_back(fmt::format("event \"{}\" ({}) is after the run's end ({}): it never applies",
                                  e.id, e.at, s.end_date));
    } else if (e.tick < 0) {
      notes.push_back(fmt::format(
          "event \"{}\" ({}) is before the run's start ({}): it applies at the first hour", e.id,
          e.at, s.start_date));
    }
  }
  for (const auto& t : s.targets) {
    if (t.tick < 0 || t.tick >= s.ticks) {
      notes.push_back(
          fmt::format("target \"{}\" ({}) lies outside the run ({} to {}): it is not compared",
                      t.id, t.date, s.start_date, s.end_date));
    }
  }
  return notes;
}

std::vector<std::string> outside_the_run(const Scenario& s) {
  std::vector<std::string> notes;
  for (const auto& e : s.schedule) {
    if (e.tick > s.run.ticks) {
      notes.push_back(fmt::format(
          "schedule entry \"{}\" (tick {}) is after the run's last tick ({}): it never applies",
          e.id, e.tick, s.run.ticks));
    }
  }
  return notes;
}

}  // namespace unrest::scenario
