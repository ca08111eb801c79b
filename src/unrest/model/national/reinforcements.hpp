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

// A total spread over places in proportion to population (`spread = "population"`): a national
// force whose deployment is not known place by place.
inline double population_share(double total, double population, double all_population) {
  return all_population > 0.0 ? total * population / all_population : 0.0;
}

}  // namespace unrest::national
