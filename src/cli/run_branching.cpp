#include "cli/run_branching.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "unrest/engine/state_codec.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::cli {

using scenario::ScenarioError;

Branching plan_branching(const std::string& from, const std::vector<std::string>& save_at,
                         const national::NationalScenario& scenario) {
  Branching plan;
  if (from.empty() && save_at.empty()) return plan;
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

std::string gathered_state(const Team& team, const national::NationalEngine& engine) {
  std::vector<std::string> places = engine.save_places();
  if (team.size == 1) return engine.save(places);
  // This rank's places as (index, bytes) pairs; rank 0 puts every rank's in place order.
  engine::StateWriter own;
  for (std::size_t p = 0; p < places.size(); ++p) {
    if (places[p].empty()) continue;
    own.put<std::uint64_t>(p);
    own.put_text(places[p]);
  }
  const auto all = team.gather(own.take());
  if (!team.owns_outputs()) return "";
  for (const std::string& bytes : all) {
    engine::StateReader in(bytes);
    while (in.left() > 0) {
      const auto p = in.get<std::uint64_t>("place");
      places.at(static_cast<std::size_t>(p)) = in.get_text("place");
    }
  }
  return engine.save(places);
}

void restore_everywhere(const Team& team, national::NationalEngine& engine,
                        const io::SavedState& saved) {
  std::string failure;
  try {
    engine.restore(saved.engine_state);
  } catch (const engine::StateFormatError& error) {
    failure = error.what();
    if (failure.empty()) failure = "unreadable";
  }
  failure = team.first_failure(failure);
  if (!failure.empty()) {
    throw ScenarioError(saved.path.string(), 0, "", fmt::format("corrupt state file: {}", failure));
  }
}

}  // namespace unrest::cli
