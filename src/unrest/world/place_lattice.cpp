#include "unrest/world/place_lattice.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "unrest/world/cell_grouping.hpp"

namespace unrest::world {
namespace {

// Purposes of the placement's random streams; the national rules' streams (place_world.cpp)
// take the purposes after these.
enum PlacementPurpose : std::uint64_t {
  kPlaceCitizens = 1,
  kPlaceCops = 2,
  kTraits = 3,
};

}  // namespace

int PlaceLattice::side_for(const PlaceShape& shape, std::int64_t citizens, std::int64_t cops) {
  const int bucket = std::max({1, shape.vision, shape.cop_vision});
  const double sites = static_cast<double>(citizens) / shape.density;
  int side = static_cast<int>(std::ceil(std::sqrt(std::max(1.0, sites))));
  side = std::max(side, 2 * bucket + 1);
  while (static_cast<double>(side) * side < static_cast<double>(citizens + cops) + 1) ++side;
  return (side + bucket - 1) / bucket * bucket;
}

PlaceLattice::PlaceLattice(const PlaceShape& shape, std::int64_t citizens, std::int64_t cops,
                           std::uint64_t seed, int place_index)
    : seed_(seed), place_(place_index) {
  if (citizens < 0 || cops < 0) throw std::invalid_argument("negative agent count");
  const int bucket = std::max({1, shape.vision, shape.cop_vision});
  width_ = side_for(shape, citizens, cops);
  if (static_cast<double>(width_) * width_ >= 4294967295.0) {
    throw std::invalid_argument("place too large for one lattice");
  }
  buckets_ = CellLayout(static_cast<std::uint32_t>(width_), static_cast<std::uint32_t>(bucket));
  place_agents(shape, citizens, cops);
}

void PlaceLattice::place_agents(const PlaceShape& shape, std::int64_t citizens, std::int64_t cops) {
  const std::uint64_t sites = static_cast<std::uint64_t>(width_) * width_;
  occupied_.assign((sites + 63) / 64, 0);
  // Exactly `citizens` sites, each set of sites equally likely (selection sampling), then the
  // cops on exactly `cops` of the sites left.
  std::vector<std::uint32_t> citizen_sites;
  citizen_sites.reserve(static_cast<std::size_t>(citizens));
  {
    rng::RandomStream draw(rng::combine(rng::combine(seed_, place_), kPlaceCitizens));
    std::uint64_t need = static_cast<std::uint64_t>(citizens);
    for (std::uint64_t s = 0; s < sites && need > 0; ++s) {
      if (draw.below(sites - s) < need) {
        citizen_sites.push_back(static_cast<std::uint32_t>(s));
        set_occupied(s);
        --need;
      }
    }
  }
  {
    rng::RandomStream draw(rng::combine(rng::combine(seed_, place_), kPlaceCops));
    std::uint64_t need = static_cast<std::uint64_t>(cops);
    std::uint64_t free_left = sites - citizen_sites.size();
    for (std::uint64_t s = 0; s < sites && need > 0; ++s) {
      if (occupied(s)) continue;
      if (draw.below(free_left) < need) {
        set_occupied(s);
        cop_site_.push_back(static_cast<std::uint32_t>(s));
        --need;
      }
      --free_left;
    }
    cop_state_.assign(cop_site_.size(), on_duty);
  }
  // Traits: base hardship from a grid of 65,536 uniform levels, so that a counting sort orders the
  // citizens by it in linear time; risk aversion uniform in [0, 1).
  const std::size_t n = citizen_sites.size();
  std::vector<std::uint16_t> level(n);
  std::vector<float> risk(n);
  rng::RandomStream draw(rng::combine(rng::combine(seed_, place_), kTraits));
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t bits = draw.next_u64();
    level[i] = static_cast<std::uint16_t>(bits >> 48);
    risk[i] = static_cast<float>(static_cast<double>(bits & 0xFFFFFFFFu) * 0x1.0p-32);
  }
  std::vector<std::uint32_t> first(65537, 0);
  for (auto l : level) ++first[65535 - l + 1];
  for (std::size_t b = 1; b < first.size(); ++b) first[b] += first[b - 1];
  base_hardship_.resize(n);
  risk_aversion_.resize(n);
  site_.resize(n);
  const double lo = shape.hardship_min;
  const double span = shape.hardship_max - lo;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t id = first[65535 - level[i]]++;
    const double u = (level[i] + 0.5) / 65536.0;
    base_hardship_[id] = static_cast<float>(
        lo + span * (shape.hardship_shape == 1.0 ? u : std::pow(u, shape.hardship_shape)));
    risk_aversion_[id] = risk[i];
    site_[id] = citizen_sites[i];
  }
  hardship_prefix_.assign(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    hardship_prefix_[i + 1] = hardship_prefix_[i] + base_hardship_[i];
  state_.assign(n, quiet);
  jail_left_.assign(n, 0);
}

void PlaceLattice::build(BucketGrid& grid, const std::vector<Item>& entries) const {
  grid.items.resize(entries.size());
  std::vector<std::uint32_t> next;
  group_by_cell(
      buckets_, entries.size(), [&](std::size_t k) { return entries[k].site; }, grid.start, next,
      [&](std::size_t k, std::uint32_t position) { grid.items[position] = entries[k]; });
}

std::uint32_t PlaceLattice::random_empty_site(std::uint64_t key) {
  rng::RandomStream draw(key);
  const std::uint64_t sites = static_cast<std::uint64_t>(width_) * width_;
  for (int attempt = 0; attempt < 256; ++attempt) {
    const auto s = static_cast<std::uint32_t>(draw.below(sites));
    if (!occupied(s)) return s;
  }
  for (std::uint64_t s = 0; s < sites; ++s) {
    if (!occupied(s)) return static_cast<std::uint32_t>(s);
  }
  return kEmpty;
}

double PlaceLattice::mean_hardship(double shift) const {
  const std::size_t n = base_hardship_.size();
  if (n == 0) return 0.0;
  // Citizens with H0 >= 1 - shift are capped at 1: they are a prefix.
  const auto capped =
      static_cast<std::size_t>(std::partition_point(base_hardship_.begin(), base_hardship_.end(),
                                                    [&](float h) { return h + shift >= 1.0; }) -
                               base_hardship_.begin());
  const double rest =
      hardship_prefix_[n] - hardship_prefix_[capped] + shift * static_cast<double>(n - capped);
  return (static_cast<double>(capped) + rest) / static_cast<double>(n);
}

std::vector<PlaceLattice::SiteState> PlaceLattice::site_states() const {
  std::vector<SiteState> out(static_cast<std::size_t>(width_) * width_, SiteState::empty);
  for (std::size_t id = 0; id < state_.size(); ++id) {
    const std::uint8_t st = state_[id];
    if (st == jailed || st == dead) continue;
    out[site_[id]] = st == active    ? SiteState::active
                     : st == rioting ? SiteState::rioting
                                     : SiteState::quiet;
  }
  for (std::size_t c = 0; c < cop_site_.size(); ++c) {
    if (cop_state_[c] == on_duty) out[cop_site_[c]] = SiteState::cop;
  }
  return out;
}

}  // namespace unrest::world
