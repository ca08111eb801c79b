#pragma once
// What a calibration of a national scenario fits: its [[free]] parameters as priors, and one aim
// per target (the interval it aims at) and per check (the interval of the number it bounds, or
// 1: passed). With a date, only the figures that hold by its end are fitted; the others keep an
// infinite interval (simulated, not fitted: a temporal split).
#include <string>
#include <vector>

#include "unrest/experiments/abc_smc.hpp"
#include "unrest/experiments/parameter_sweep.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace unrest::experiments {

struct CalibrationProblem {
  std::vector<Prior> priors;
  std::vector<ParameterRange> ranges;   // the priors' keys and bounds, for the assignments
  Aims aims;                            // targets, then checks
  std::vector<std::string> figure_ids;  // "target:ID", "check:ID"
  std::vector<bool> fitted;
};

// Throws ScenarioError when the scenario has no [[free]] parameters or [[target]] figures, when
// `fit_until` (YYYY-MM-DD, or empty: everything) is not a date, or when nothing holds by it.
CalibrationProblem calibration_problem(const national::NationalScenario& scenario,
                                       const std::string& source_path,
                                       const std::string& fit_until);

// The --set assignments of a parameter vector.
std::vector<std::string> calibration_assignments(const CalibrationProblem& problem,
                                                 const std::vector<double>& theta);

}  // namespace unrest::experiments
