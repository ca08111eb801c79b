#pragma once
// Mechanism 12, force short of killing: police disperse crowds with stun grenades, tear gas
// and batons. A cop's confrontation with a protester that is not an arrest under lethal
// force injures with probability `injure_probability`: the protester is hurt and goes home
// instead of being arrested (the injury feeds political grievance and the force felt). Where
// the police hold back (a restraint posture) nobody is dispersed or arrested.
namespace unrest::national {

struct Dispersal {
  bool enabled = false;
  double injure_probability = 0.0;
};

inline double dispersal_injury(const Dispersal& rule, bool restraint) {
  return rule.enabled && !restraint ? rule.injure_probability : 0.0;
}

}  // namespace unrest::national
