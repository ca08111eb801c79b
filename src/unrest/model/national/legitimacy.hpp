#pragma once
// Mechanism 2, legitimacy: each place has its own L_p. Events shift it (and its baseline);
// between events it relaxes towards the baseline, and the state's killings and mass arrests
// in the place push it down (backlash).
#include <algorithm>

namespace unrest::national {

struct LegitimacyDynamics {
  bool enabled = true;
  double relax_per_hour = 0.0;        // share of the gap to the baseline closed each hour
  double backlash_per_killing = 0.0;  // fall of L per citizen killed per 100,000 people
  double backlash_per_arrest = 0.0;   // fall of L per arrest per 100,000 people
  // Backlash lowers L at most this far below the baseline: outrage has a ceiling, and
  // without one the arrests-outrage-protest loop runs away to the whole population.
  double max_drop = 1.0;
};

inline double next_legitimacy(const LegitimacyDynamics& rule, double current, double baseline,
                              double killed_per_100k, double arrests_per_100k) {
  if (!rule.enabled) return current;
  const double relaxed = current + rule.relax_per_hour * (baseline - current);
  const double backlash =
      rule.backlash_per_killing * killed_per_100k + rule.backlash_per_arrest * arrests_per_100k;
  const double floor = std::max(0.0, baseline - rule.max_drop);
  return std::clamp(std::max(relaxed - backlash, std::min(floor, relaxed)), 0.0, 1.0);
}

}  // namespace unrest::national
