#include "cli/run_branching.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::cli {

using scenario::ScenarioError;

Branching plan_branching(const std::string& from, const std::vector<std::string>& save_at,
                         const national::NationalScenario& scenario, int processes) {
  Branching plan;
  if (from.empty() && save_at.empty()) return plan;
  if (processes > 1) {
    throw ScenarioError(from.empty() ? "--save-at" : "--from", 0, "",
                        "a run spread over MPI processes cannot save or restore its state yet; "
                        "run it on one process");
  }
  if (!from.empty()) {
    plan.from = io::read_state_file(from);
    io::check_branch(*plan.from, scenario);
  }
  const auto start = national::parse_local_time(scenario.start_date);
  for (const std::string& text : save_at) {
    const std::string option = "--save-at " + text;
    const auto when = national::parse_local_time(text);
    if (!when || text.size() <= 10) {
      throw ScenarioError(option, 0, "",
                          "give a local date and hour on the scenario clock, e.g. "
                          "2022-01-05T00:00");
    }
    if (when->minute != 0) throw ScenarioError(option, 0, "", "a state is saved on the hour");
    const std::int64_t tick =
        national::hours_since(*start, scenario.utc_offset, *when, scenario.utc_offset);
    if (tick <= 0 || tick > scenario.ticks) {
      throw ScenarioError(option, 0, "",
                          fmt::format("outside the run: give an hour after its start ({}) and "
                                      "at most its end ({})",
                                      national::date_time_of_tick(*start, 0),
                                      national::date_time_of_tick(*start, scenario.ticks)));
    }
    if (plan.from && tick <= plan.from->tick) {
      throw ScenarioError(
          option, 0, "",
          fmt::format("not after the state this run goes on from ({})", plan.from->time));
    }
    plan.save_ticks.push_back(tick);
  }
  std::sort(plan.save_ticks.begin(), plan.save_ticks.end());
  plan.save_ticks.erase(std::unique(plan.save_ticks.begin(), plan.save_ticks.end()),
                        plan.save_ticks.end());
  return plan;
}

}  // namespace unrest::cli
