#pragma once
// Mechanism 8, arrests and jail: as in the classic model, an arrested citizen leaves the
// lattice for a term drawn uniformly in [min_hours, max_hours]; a place's jail holds at most
// its capacity, and a full jail stops arrests there.
#include <cstdint>

namespace unrest::national {

struct Detention {
  bool capacity_limited = true;
  double capacity_per_100k = 100.0;  // places per 100,000 people
  std::int64_t min_hours = 0;
  std::int64_t max_hours = 720;
};

inline bool jail_has_room(const Detention& rule, std::int64_t jailed, std::int64_t capacity) {
  return !rule.capacity_limited || jailed < capacity;
}

}  // namespace unrest::national
