#pragma once
// Rule A's estimated arrest probability, P = 1 - exp(-k * ratio(C, A)).
#include <cmath>

#include "unrest/model/classic_options.hpp"
#include "unrest/model/host_device.hpp"

namespace unrest::model {

// Round half to even, as Python's round() does: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2.
UNREST_HOST_DEVICE inline double round_half_even(double x) {
  const double down = std::floor(x);
  const double diff = x - down;
  if (diff < 0.5) return down;
  if (diff > 0.5) return down + 1.0;
  return std::fmod(down, 2.0) == 0.0 ? down : down + 1.0;
}

// ratio(C, A) for cops C >= 0 and A = 1 + actives >= 1. The rounded ratios are computed in
// integers, so that 3/6 rounds to exactly 0 whatever the floating-point division gives.
UNREST_HOST_DEVICE inline double cop_active_ratio(Ratio ratio, int cops, int actives) {
  switch (ratio) {
    case Ratio::floor:
      return static_cast<double>(cops / actives);
    case Ratio::round_half_even: {
      const int quotient = cops / actives;
      const int twice_remainder = 2 * (cops % actives);
      if (twice_remainder < actives) return quotient;
      if (twice_remainder > actives) return quotient + 1;
      return quotient % 2 == 0 ? quotient : quotient + 1;
    }
    case Ratio::literal:
      return static_cast<double>(cops) / static_cast<double>(actives);
  }
  return 0.0;
}

// ratio(C, A + extra) where news or rumour adds a fractional number of actives to the A
// counted on the lattice; with no extra it is the integer ratio above.
UNREST_HOST_DEVICE inline double cop_active_ratio(Ratio ratio, int cops, int actives,
                                                  double extra_actives) {
  if (extra_actives <= 0.0) return cop_active_ratio(ratio, cops, actives);
  const double r = cops / (actives + extra_actives);
  switch (ratio) {
    case Ratio::floor:
      return std::floor(r);
    case Ratio::round_half_even:
      return round_half_even(r);
    case Ratio::literal:
      return r;
  }
  return r;
}

UNREST_HOST_DEVICE inline double arrest_probability(Ratio ratio, double k, int cops, int actives) {
  return 1.0 - std::exp(-k * cop_active_ratio(ratio, cops, actives));
}

}  // namespace unrest::model
