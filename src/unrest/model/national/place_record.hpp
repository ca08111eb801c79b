#pragma once
// What one place of the national model did in one hour: the observables every output quantity
// (scenario/national_quantities.hpp) is read from. Plain data.
#include <cstdint>

namespace unrest::national {

// The place after an hour. Counts are agents; cumulative ones say so.
struct PlaceCounts {  // trivially copyable: places' counts travel between processes as bytes
  std::uint32_t quiet = 0;
  std::uint32_t active = 0;  // rioters included
  std::uint32_t rioting = 0;
  std::uint32_t jailed = 0;
  std::uint32_t cops = 0;              // on duty
  std::uint64_t arrests = 0;           // cumulative
  std::uint64_t citizens_killed = 0;   // cumulative
  std::uint64_t citizens_injured = 0;  // cumulative
  std::uint64_t cops_killed = 0;       // cumulative
  std::uint64_t cops_injured = 0;      // cumulative
  std::uint64_t damage = 0;            // cumulative property-damage incidents
  double activity = 1.0;
  double mean_hardship = 0.0;
  std::uint32_t arrests_now = 0;  // this hour
  std::uint32_t killed_now = 0;   // citizens killed this hour
  std::uint32_t injured_now = 0;  // citizens injured this hour
  std::uint64_t decisions = 0;    // citizens whose rule was evaluated this hour
};

// One place at the end of one hour.
struct PlaceRecord {
  PlaceCounts counts;
  double legitimacy = 0.0;
  double news = 0.0;
  double reach = 1.0;
  bool curfew_hours = false;
  bool emergency = false;
  bool lethal_order = false;
};

}  // namespace unrest::national
