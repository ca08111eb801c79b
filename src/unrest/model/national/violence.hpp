#pragma once
// Mechanism 11, protest and violence as separate decisions. Rule A decides who protests; who
// among the protesters turns violent depends on the person and on the situation. A share of
// people (`disposed_share`) are disposed to violence, fixed for life (the organised groups the
// authorities blamed among them); of those, a share `unprovoked` riots wherever the crowd
// outnumbers the police facing it, and the rest only once force has been used against the
// place's crowds: F, the force felt (citizens injured, arrested or killed per 100,000 people,
// decaying), brings in F / (F + force_half) of them. So a place where the state conceded and
// held back can protest for days without a riot, and one met with force can tip into violence.
// With the mechanism off every protester in an outnumbering crowd riots (mechanism 5 alone).
#include <algorithm>

namespace unrest::national {

struct Violence {
  bool enabled = false;
  double disposed_share = 1.0;
  double unprovoked = 1.0;
  double force_half = 1.0;  // force felt (per 100,000) that brings in half the rest
  double force_decay_per_hour = 0.0;
};

// The share of protesters who riot in an outnumbering crowd, given the force felt.
inline double violent_share(const Violence& rule, double force) {
  if (!rule.enabled) return 1.0;
  const double provoked = force > 0.0 ? force / (force + rule.force_half) : 0.0;
  return rule.disposed_share * (rule.unprovoked + (1.0 - rule.unprovoked) * provoked);
}

inline double next_force(const Violence& rule, double force, double force_per_100k) {
  if (!rule.enabled) return 0.0;
  return std::max(0.0, force * (1.0 - rule.force_decay_per_hour) + force_per_100k);
}

}  // namespace unrest::national
