#pragma once
// Mechanism 5, escalation to riot: an active citizen is rioting where the actives within its
// vision (itself included) outnumber the cops there by more than `ratio`; a crowd with no
// police facing it protests but does not riot. Rioters damage property and may injure or kill
// a cop within vision.
namespace unrest::national {

struct Riot {
  bool enabled = true;
  double ratio = 5.0;                // rho
  double injure_cop_per_hour = 0.0;  // per rioter-hour, given a cop within vision
  double kill_cop_per_hour = 0.0;
  double damage_per_hour = 0.0;  // property damage incidents per rioter-hour
};

inline bool is_rioting(const Riot& rule, int actives_with_self, int cops) {
  return rule.enabled && cops > 0 && actives_with_self > rule.ratio * cops;
}

}  // namespace unrest::national
