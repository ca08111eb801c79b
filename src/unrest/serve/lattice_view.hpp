#pragma once
// One place's lattice, downsampled for a browser: the torus cut into at most side x side
// cells, each with how many people (quiet, active or rioting), actives and cops stand in it.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "unrest/engine/place_world.hpp"

namespace unrest::serve {

struct LatticeView {
  int side = 0;                                     // cells per row (and rows)
  int lattice_side = 0;                             // sites per row of the place's torus
  std::vector<std::uint32_t> people, active, cops;  // row-major, side * side
};

LatticeView downsample(const national::PlaceWorld& world, int max_side);

nlohmann::json to_json(const LatticeView& view);

}  // namespace unrest::serve
