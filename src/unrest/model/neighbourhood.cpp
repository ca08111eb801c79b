#include "unrest/model/neighbourhood.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace unrest::model {
namespace {

bool in_shape(VisionShape shape, double radius, int dx, int dy) {
  const int whole = static_cast<int>(std::floor(radius));
  const int ax = std::abs(dx);
  const int ay = std::abs(dy);
  switch (shape) {
    case VisionShape::disc:
      // A tiny tolerance so that radius 7 keeps (0, 7) whatever the rounding of 7 * 7.
      return static_cast<double>(dx * dx + dy * dy) <= radius * radius + 1e-9;
    case VisionShape::diamond:
      return ax + ay <= whole;
    case VisionShape::square:
      return ax <= whole && ay <= whole;
    case VisionShape::cross:
      return (ax == 0 && ay <= whole) || (ay == 0 && ax <= whole);
  }
  return false;
}

}  // namespace

Neighbourhood Neighbourhood::make(VisionShape shape, double radius, bool include_own_site) {
  Neighbourhood n;
  n.includes_own_site_ = include_own_site;
  const int bound = static_cast<int>(std::ceil(radius));
  for (int dy = -bound; dy <= bound; ++dy) {
    bool open = false;
    for (int dx = -bound; dx <= bound; ++dx) {
      const bool inside =
          in_shape(shape, radius, dx, dy) && (include_own_site || dx != 0 || dy != 0);
      if (inside) {
        n.offsets_.push_back({dx, dy});
        n.reach_ = std::max({n.reach_, std::abs(dx), std::abs(dy)});
        if (open) {
          n.spans_.back().dx_last = dx;
        } else {
          n.spans_.push_back({dy, dx, dx});
        }
      }
      open = inside;
    }
  }
  return n;
}

}  // namespace unrest::model
