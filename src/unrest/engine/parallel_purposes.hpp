#pragma once
// What each random draw of the parallel engine is for. A draw is keyed by (seed, tick, site,
// purpose), 4 bits of purpose, so that draws for different purposes never share a stream.
#include <cstdint>

namespace unrest::engine {

enum Purpose : std::uint64_t {
  kMove = 1,          // a mover's candidate sites (keyed by its site)
  kArrestChoice = 2,  // which active a cop arrests (keyed by the cop's site)
  kJailTerm = 3,      // the arrestee's term (keyed by the cop's site)
  kEvents = 4,        // cops added or removed by a scheduled event
  kMoveBands = 5,     // the move phase's band origin and colour order (site 0)
  kArrestBands = 6,   // the same for the arrest phase (site 0)
  kMoveSweep = 7,     // a band's sweep directions when moving (keyed by the band)
  kArrestSweep = 8,   // the same when arresting
};

// Words combined with the run's seed, for what is not keyed by a tick.
enum SeedWord : std::uint64_t { kPlacement = 1, kSeed = 6 };

}  // namespace unrest::engine
