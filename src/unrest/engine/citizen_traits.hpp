#pragma once
// What the parallel engine keeps of a citizen besides its kind and activation cutoff.

namespace unrest::engine {

struct CitizenTraits {
  float hardship;
  float risk_aversion;
};

}  // namespace unrest::engine
