#pragma once
// Mechanism 13, detentions after the fact: under an emergency or a shoot-to-kill order the
// security forces also detain people who took part earlier, identified afterwards. Each cop on
// duty detains one with probability rate x (people who ever protested in the place / its
// people) each hour, picked at random among them (one already jailed or dead is not detained
// again), so arrests go on after the streets are quiet and dry up as the pool is used up.
namespace unrest::national {

struct LaterDetentions {
  bool enabled = false;
  double rate = 0.0;
};

inline double later_detention_rate(const LaterDetentions& rule, bool emergency, bool lethal_order,
                                   bool restraint) {
  return rule.enabled && !restraint && (emergency || lethal_order) ? rule.rate : 0.0;
}

}  // namespace unrest::national
