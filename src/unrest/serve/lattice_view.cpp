#include "unrest/serve/lattice_view.hpp"

#include <algorithm>

namespace unrest::serve {

LatticeView downsample(const national::PlaceWorld& world, int max_side) {
  LatticeView view;
  view.lattice_side = world.width();
  view.side = std::max(1, std::min(max_side, world.width()));
  const std::size_t cells = static_cast<std::size_t>(view.side) * view.side;
  view.people.assign(cells, 0);
  view.active.assign(cells, 0);
  view.cops.assign(cells, 0);
  using Site = world::PlaceLattice::SiteState;
  const std::vector<Site> states = world.site_states();
  const std::int64_t w = world.width();
  for (std::int64_t y = 0; y < w; ++y) {
    const std::size_t row = static_cast<std::size_t>(y * view.side / w) * view.side;
    for (std::int64_t x = 0; x < w; ++x) {
      const Site s = states[static_cast<std::size_t>(y * w + x)];
      if (s == Site::empty) continue;
      const std::size_t c = row + static_cast<std::size_t>(x * view.side / w);
      if (s == Site::cop) {
        ++view.cops[c];
      } else {
        ++view.people[c];
        if (s == Site::active || s == Site::rioting) ++view.active[c];
      }
    }
  }
  return view;
}

nlohmann::json to_json(const LatticeView& view) {
  return {{"side", view.side},
          {"lattice_side", view.lattice_side},
          {"people", view.people},
          {"active", view.active},
          {"cops", view.cops}};
}

}  // namespace unrest::serve
