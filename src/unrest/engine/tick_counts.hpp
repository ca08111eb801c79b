#pragma once
// What a classic run records every tick.
#include <cstdint>

namespace unrest::engine {

struct TickCounts {
  std::int64_t tick = 0;
  std::uint32_t quiet = 0;
  std::uint32_t active = 0;
  std::uint32_t jailed = 0;
  std::uint32_t cops = 0;
  double legitimacy = 0.0;
  std::uint64_t arrests = 0;  // cumulative
};

}  // namespace unrest::engine
