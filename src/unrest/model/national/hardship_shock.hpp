#pragma once
// Mechanism 1, the hardship shock: a price event raises every citizen's hardship by the
// place's current shock times its weight, H = min(1, H0 + s * w_p); a concession cuts the
// shock s of the places it names. A rise may take effect over some hours (people feel a fuel
// price when they next fill up): s climbs linearly to its full value over the ramp.
//
// A price event stated in the data's units (a fuel, its price before and after) sets
//   s   = max(0, price_after / price_before - 1)        the relative price change, and
//   w_p = per_burden * vehicles_p / population_p        vehicles running on the fuel per person
// so the shift is per_burden times the extra cost of the fuel per unit of its old cost, summed
// over the place's vehicles that burn it and spread over its people. per_burden is behaviour
// (the same for every event); the change and the vehicle counts are the event's sourced data.
// The older dimensionless form (`size` s, the place's `exposure` as w_p) is kept for synthetic
// scenarios.
#include <algorithm>

namespace unrest::national {

struct HardshipShock {
  bool enabled = true;
  double per_burden = 0.0;  // hardship per unit of relative price change x vehicles per person
};

// s of a price event stated as prices: the relative change, a fall counting as no rise.
inline double relative_price_change(double before, double after) {
  return std::max(0.0, after / before - 1.0);
}

// w_p of a price event on a fuel: per_burden x the place's vehicles on the fuel per person.
inline double fuel_burden_weight(double per_burden, double vehicles, double population) {
  return population > 0.0 ? per_burden * vehicles / population : 0.0;
}

inline double shocked_hardship(double base, double shock, double exposure) {
  return std::min(1.0, base + shock * exposure);
}

// The shock one hour later, climbing by `step` towards `target`.
inline double ramped_shock(double shock, double target, double step) {
  return shock < target ? std::min(target, shock + step) : target;
}

// A concession that takes back `cut` (0..1) of the price rise.
inline double after_concession(double shock, double cut) { return shock * (1.0 - cut); }

// The lowest base hardship H0 at which a citizen could be active at all: with no risk,
// active iff H (1 - L) > T, so H0 must exceed T / (1 - L) - shift. Citizens below it are
// quiet whatever their neighbourhood, which is what lets the engine skip them.
inline double eligibility_cutoff(double threshold, double legitimacy, double shift) {
  if (legitimacy >= 1.0) return 2.0;  // nobody: H <= 1 always
  return threshold / (1.0 - legitimacy) - shift;
}

}  // namespace unrest::national
