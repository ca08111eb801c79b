#pragma once
// Mechanism 4b, curfew: during a place's curfew hours (set by an emergency event) being out
// and active costs more, a multiplier on the estimated arrest probability, and cops make
// arrests at their curfew rate.
namespace unrest::national {

struct Curfew {
  bool enabled = true;
  double risk_multiplier = 1.0;
  double arrest_rate = 1.0;  // arrest attempts per cop-hour during curfew hours
};

// The multiplier on the estimated arrest probability in this hour (the product is capped at 1
// where P is weighed, in hourly_conditions.hpp, not here: capping the multiplier instead would
// make every multiplier above 1 do nothing).
inline double curfew_risk_multiplier(const Curfew& rule, bool in_curfew) {
  return rule.enabled && in_curfew ? rule.risk_multiplier : 1.0;
}

inline double arrest_rate(const Curfew& rule, bool in_curfew, double normal_rate) {
  return rule.enabled && in_curfew ? rule.arrest_rate : normal_rate;
}

}  // namespace unrest::national
