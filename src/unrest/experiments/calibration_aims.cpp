#include "unrest/experiments/calibration_aims.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "unrest/analysis/national_analysis.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/reported_figure.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::experiments {

CalibrationProblem calibration_problem(const national::NationalScenario& base,
                                       const std::string& source_path,
                                       const std::string& fit_until) {
  if (base.free.empty()) {
    throw scenario::ScenarioError(source_path, 0, "free",
                                  "the scenario declares no [[free]] parameters to calibrate");
  }
  if (base.targets.empty()) {
    throw scenario::ScenarioError(source_path, 0, "target",
                                  "the scenario has no [[target]] figures");
  }
  CalibrationProblem p;
  for (const auto& f : base.free) {
    p.priors.push_back({f.key, f.low, f.high, f.log_scale});
    p.ranges.push_back({f.key, f.low, f.high, 0, false});
  }
  // With a date, only the figures that hold by it are fitted (compared as dates, each in its own
  // clock).
  std::int64_t fit_tick = base.ticks;
  if (!fit_until.empty()) {
    const auto date = national::parse_local_time(fit_until);
    const auto start = national::parse_local_time(base.start_date);
    if (!date || date->hour != 0 || date->minute != 0 || fit_until.size() != 10) {
      throw scenario::ScenarioError("--fit-until", 0, "",
                                    fmt::format("\"{}\" is not a date YYYY-MM-DD", fit_until));
    }
    fit_tick = national::hours_since(*start, base.utc_offset, *date, base.utc_offset) + 23;
  }
  constexpr double kInf = std::numeric_limits<double>::infinity();
  auto known_by = [&](const std::string& date, std::int64_t tick) {
    return fit_until.empty() || (date.empty() ? tick <= fit_tick : date <= fit_until);
  };
  for (const auto& t : base.targets) {
    p.fitted.push_back(known_by(t.date, t.tick));
    p.aims.push_back(p.fitted.back() ? national::aim_interval(t) : national::Interval{-kInf, kInf});
    p.figure_ids.push_back("target:" + t.id);
  }
  for (const auto& c : base.checks) {
    p.fitted.push_back(known_by(c.to, c.to_tick));
    const national::Interval aim = national::bounds_a_number(c) ? national::Interval{c.low, c.high}
                                                                : national::Interval{1.0, 1.0};
    p.aims.push_back(p.fitted.back() ? aim : national::Interval{-kInf, kInf});
    p.figure_ids.push_back("check:" + c.id);
  }
  if (std::find(p.fitted.begin(), p.fitted.end(), true) == p.fitted.end()) {
    throw scenario::ScenarioError("--fit-until", 0, "",
                                  fmt::format("no target or check holds by {}", fit_until));
  }
  return p;
}

std::vector<std::string> calibration_assignments(const CalibrationProblem& problem,
                                                 const std::vector<double>& theta) {
  std::vector<std::string> sets;
  for (std::size_t k = 0; k < problem.ranges.size(); ++k) {
    sets.push_back(assignment(problem.ranges[k], theta[k]));
  }
  return sets;
}

}  // namespace unrest::experiments
