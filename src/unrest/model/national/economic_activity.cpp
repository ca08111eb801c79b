#include "unrest/model/national/economic_activity.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace unrest::national {

BlockActivity::BlockActivity(int width, const EconomicActivity& rule)
    : rule_(rule),
      blocks_per_side_(std::max(1, (width + rule.block - 1) / std::max(1, rule.block))),
      last_riot_(static_cast<std::size_t>(blocks_per_side_) * blocks_per_side_,
                 std::numeric_limits<std::int64_t>::min() / 2) {}

void BlockActivity::mark_riot(std::uint32_t x, std::uint32_t y, std::int64_t tick) {
  if (!rule_.enabled) return;
  const auto bx = x / static_cast<std::uint32_t>(rule_.block);
  const auto by = y / static_cast<std::uint32_t>(rule_.block);
  last_riot_[by * static_cast<std::uint32_t>(blocks_per_side_) + bx] = tick;
}

double BlockActivity::open_share(std::int64_t tick, bool in_curfew) const {
  if (!rule_.enabled) return 1.0;
  if (in_curfew) return 0.0;
  std::size_t closed = 0;
  for (const auto t : last_riot_) closed += tick - t < rule_.closed_hours ? 1 : 0;
  return 1.0 - static_cast<double>(closed) / static_cast<double>(last_riot_.size());
}

bool BlockActivity::restore_last_riots(std::vector<std::int64_t> hours) {
  if (hours.size() != last_riot_.size()) return false;
  last_riot_ = std::move(hours);
  return true;
}

}  // namespace unrest::national
