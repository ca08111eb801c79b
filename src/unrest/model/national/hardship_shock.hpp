#pragma once
// Mechanism 1, the hardship shock: a price event raises every citizen's hardship by the
// place's current shock times its exposure, H = min(1, H0 + s * e_p); a concession cuts the
// shock s of the places it names. A rise may take effect over some hours (people feel a fuel
// price when they next fill up): s climbs linearly to its size over the ramp.
#include <algorithm>

namespace unrest::national {

struct HardshipShock {
  bool enabled = true;
};

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
