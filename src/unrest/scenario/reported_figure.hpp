#pragma once
// What a reported figure means for a run, in one place for the run's summary, ensembles and
// the calibration: the interval of simulated values that agree with it, and the interval a
// calibration aims at (its distance is the log error to that interval, 0 inside it).
//
//   kind         agrees with                aims at
//   factor       [value / factor, value x factor]   value
//   lower_bound  [value, value x factor]            the same interval
//   range        [low, high]                        the same interval
//
// A count ("2,298 detained") is aimed at exactly; a figure reported as a bound or a range says
// no more than the bound or range, so any value in it is as good as any other.
#include <string>

#include "unrest/scenario/national_scenario.hpp"

namespace unrest::national {

struct Interval {
  double low = 0.0;
  double high = 0.0;
};

Interval agreement_interval(const Target& target);
Interval aim_interval(const Target& target);
bool agrees(const Target& target, double simulated);
// log((simulated + 1) / (nearest end + 1)), 0 inside: the calibration's error for one target.
double log_error_to(const Interval& aim, double simulated);
// The figure as reported: "2298", "> 3800", "37000-38000"; and what agrees with it: "x1.5",
// "up to x2", "range".
std::string reported_text(const Target& target);
std::string agreement_text(const Target& target);

}  // namespace unrest::national
