#pragma once
// Mechanism 6, lethal force: where a shoot-to-kill order is in force, a cop confronting a
// rioter kills instead of arresting with probability `kill_probability`, or wounds (and then
// arrests) with `injure_probability`. Killings also raise the perceived risk in the place
// (deterrence: fear, which decays), while the legitimacy rule lowers L (backlash): the two
// effects are separate parameters so a user can see which wins. Fear multiplies the arrest
// estimate P and, with `fear_floor`, adds a risk of its own: P is 0 wherever the crowd
// outnumbers the cops in vision, so a multiplier alone cannot deter a large crowd, while the
// danger of being shot does not shrink as a crowd grows.
#include <algorithm>

namespace unrest::national {

struct LethalForce {
  bool enabled = true;
  double kill_probability = 0.0;
  double injure_probability = 0.0;
  double fear_per_killing = 0.0;  // rise of fear per killing per 100,000 people
  double fear_decay_per_hour = 0.0;
  double fear_floor = 0.0;  // risk weighed per unit of fear, whatever the crowd's size
};

enum class Confrontation { arrest, kill, injure_and_arrest, disperse_injured };

// What a cop's confrontation with an active citizen ends in, from one uniform draw `u`: under
// the order a rioter may be killed or wounded; otherwise the protester may be injured in a
// dispersal (mechanism 12, with probability `dispersal_injury`) instead of arrested.
inline Confrontation confront(const LethalForce& rule, bool order_in_force, bool target_rioting,
                              double dispersal_injury, double u) {
  if (rule.enabled && order_in_force && target_rioting) {
    if (u < rule.kill_probability) return Confrontation::kill;
    if (u < rule.kill_probability + rule.injure_probability) {
      return Confrontation::injure_and_arrest;
    }
    return Confrontation::arrest;
  }
  return u < dispersal_injury ? Confrontation::disperse_injured : Confrontation::arrest;
}

inline double next_fear(const LethalForce& rule, double fear, double killed_per_100k) {
  if (!rule.enabled) return 0.0;
  return std::max(
      0.0, fear * (1.0 - rule.fear_decay_per_hour) + rule.fear_per_killing * killed_per_100k);
}

// The risk fear adds to the weighed P whatever the crowd's size (0 with the mechanism off).
inline double fear_risk(const LethalForce& rule, double fear) {
  return rule.enabled ? rule.fear_floor * fear : 0.0;
}

}  // namespace unrest::national
