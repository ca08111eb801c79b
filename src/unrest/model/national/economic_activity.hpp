#pragma once
// Mechanism 9, economic activity: a place's activity index is the share of its lattice blocks
// open for business. A block closes when rioting happened in it within the last
// `closed_hours`, and every block is closed during curfew hours.
#include <cstdint>
#include <vector>

namespace unrest::national {

struct EconomicActivity {
  bool enabled = true;
  int block = 16;  // block side in sites
  int closed_hours = 24;
};

class BlockActivity {
 public:
  BlockActivity(int width, const EconomicActivity& rule);

  void mark_riot(std::uint32_t x, std::uint32_t y, std::int64_t tick);
  // The open share at `tick`; 1 when the mechanism is off.
  double open_share(std::int64_t tick, bool in_curfew) const;

  // The hour of the last riot in each block (a run's saved state, engine/run_state.cpp).
  const std::vector<std::int64_t>& last_riots() const { return last_riot_; }
  // False, changing nothing, unless `hours` has one entry a block.
  bool restore_last_riots(std::vector<std::int64_t> hours);

 private:
  EconomicActivity rule_;
  int blocks_per_side_ = 1;
  std::vector<std::int64_t> last_riot_;
};

}  // namespace unrest::national
