#pragma once
// Mechanism 4b, curfew: during a place's curfew hours (set by an emergency event) being out
// and active costs more, a multiplier on the estimated arrest probability, and cops make
// arrests at their curfew rate.
#include <algorithm>

namespace unrest::national {

struct Curfew {
  bool enabled = true;
  double risk_multiplier = 1.0;
  double arrest_rate = 1.0;  // arrest attempts per cop-hour during curfew hours
};

inline double curfew_risk(const Curfew& rule, bool in_curfew, double p) {
  if (!rule.enabled || !in_curfew) return p;
  return std::min(1.0, p * rule.risk_multiplier);
}

inline double arrest_rate(const Curfew& rule, bool in_curfew, double normal_rate) {
  return rule.enabled && in_curfew ? rule.arrest_rate : normal_rate;
}

}  // namespace unrest::national
