#include "unrest/engine/bands.hpp"

namespace unrest::engine {

Bands::Bands(int height, int reach) : height_(height) {
  const int fit = height / (2 * reach + 1);
  count_ = fit >= 2 ? fit - fit % 2 : 1;
}

int Bands::first_row(int band, int shift) const {
  return shift + static_cast<int>(static_cast<std::int64_t>(band) * height_ / count_);
}

int Bands::rows(int band) const {
  return static_cast<int>(static_cast<std::int64_t>(band + 1) * height_ / count_ -
                          static_cast<std::int64_t>(band) * height_ / count_);
}

}  // namespace unrest::engine
