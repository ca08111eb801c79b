#pragma once
// Mechanism 7, reinforcements: events add cops to (or withdraw them from) named places; a
// foreign contingent that guards key sites counts as the local police it frees for the
// streets. Figures are people; the world holds people x scale agents.
#include <cmath>
#include <cstdint>

namespace unrest::national {

struct Reinforcements {
  bool enabled = true;
};

inline std::int64_t scaled_count(double people, double scale) {
  return static_cast<std::int64_t>(std::llround(people * scale));
}

}  // namespace unrest::national
