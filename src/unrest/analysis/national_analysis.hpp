#pragma once
// What a national run means: simulated figures against the reported targets, the
// calibration checks, per-place and day-by-day summaries. Counts of people are agents
// divided by the run's scale.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "unrest/engine/national_engine.hpp"

namespace unrest::national {

struct TargetResult {
  const Target* target = nullptr;
  std::optional<double> simulated;  // people; empty when the date is outside the run
  double ratio = 0.0;               // simulated / reported
  bool within = false;              // agrees with the figure (scenario/reported_figure.hpp)
};

struct CheckResult {
  const Check* check = nullptr;
  bool pass = false;
  std::string detail;  // what was measured
  // For a check that bounds a number (peak_active_between: people; places_protesting: places),
  // the number, which passes when it lies in [check->low, check->high]: a calibration can then
  // aim at the interval rather than at a pass.
  std::optional<double> measured;
};

struct DayRow {
  std::string date;
  double peak_active = 0;   // people
  double peak_rioting = 0;  // people
  double arrests = 0;       // cumulative, people, end of day
  double citizens_killed = 0;
  double cops_killed = 0;
  double cops_injured = 0;
  double damage = 0;
  int places_protesting = 0;  // places at or above the protest threshold at some hour
  double activity = 1.0;      // population-weighted daytime activity index
};

std::vector<TargetResult> evaluate_targets(const NationalEngine& engine);
// Whether the check bounds a number (CheckResult::measured) between its low and high.
bool bounds_a_number(const Check& check);
std::vector<CheckResult> evaluate_checks(const NationalEngine& engine);
std::vector<DayRow> daily_table(const NationalEngine& engine);
// Mean activity index over a place's local business hours (09:00-18:00) of each date.
std::vector<double> daytime_activity(const NationalEngine& engine, int place);
// The figures a run is summarised by, in people: national peaks of actives and rioters, and
// at the end arrests, citizens killed and injured, cops killed and injured, damage; then each
// target's simulated value ("target:ID") and each check as 1 or 0 ("check:ID").
std::vector<std::pair<std::string, double>> summary_figures(const NationalEngine& engine);
// Their names, in the same order, known before a run.
std::vector<std::string> summary_figure_names(const NationalScenario& scenario);

// Rioter-hours of a place in [from_tick, to_tick].
double rioter_hours(const NationalEngine& engine, int place, std::int64_t from_tick,
                    std::int64_t to_tick);

}  // namespace unrest::national
