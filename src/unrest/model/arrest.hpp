#pragma once
// Rule C, a cop's arrest, as the small decisions every engine makes the same way: which of the
// actives it sees it takes, whether the arrestee is held, whether the cop steps onto the
// arrestee's site, and whether cops move at all.
#include <cstdint>

#include "unrest/model/classic_options.hpp"

namespace unrest::model {

// The arrestee: uniformly one of the `actives_seen` (> 0) actives within the cop's vision,
// as an index into them in the engine's own order of its vision.
template <typename Rng>
std::uint32_t choose_arrestee(Rng& rng, std::uint32_t actives_seen) {
  return static_cast<std::uint32_t>(rng.below(actives_seen));
}

// NetLogo's jailed are those with a term left, so a zero term frees at once; Mesa holds every
// arrestee until its next activation.
inline bool holds_arrestee(JailCountdown countdown, std::uint32_t term) {
  return countdown == JailCountdown::own_activation || term > 0;
}

// Cops move unless movement is off and the option says that freezes them too.
inline bool cops_move(bool citizen_movement, MovementOffFreezes freezes) {
  return citizen_movement || freezes == MovementOffFreezes::citizens;
}

// Stepping onto the arrestee's site is movement too: a frozen cop stays put.
inline bool steps_onto_arrestee(CopAfterArrest after, bool cops_can_move) {
  return cops_can_move && after == CopAfterArrest::move_to_arrestee;
}

}  // namespace unrest::model
