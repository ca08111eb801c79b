#pragma once
// One place's storage: an Epstein lattice (torus) holding its citizens and cops, and the
// spatial index that finds them near a site. Storage only: no rule of the model is here. The
// national model's rules (engine/place_world.hpp) act on it hour by hour.
//
// Built for real population at real police density, where almost everybody is quiet whatever
// happens around them. Citizens are stored in order of falling base hardship, so the citizens
// who could be active at all this hour (H (1 - L) > T) are a prefix of the arrays, found by
// binary search; and only that prefix is stored at all. The others are residents: a bit on
// their site, counted but never drawn. When an hour needs more (a larger shock, a lower
// legitimacy), the next citizens are drawn in blocks, exactly as if all had been drawn at the
// start: base hardships as the next order statistics of the population's, from the top, and a
// site taken at random among the residents' (docs/DESIGN.md, "Who is stored"). Cops and actives are
// kept in bucket grids whose side is the largest vision radius, so finding them within a disc reads
// at most 3 x 3 buckets of sparse entries, not the sites of the disc.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "unrest/model/neighbourhood.hpp"
#include "unrest/rng/random_stream.hpp"
#include "unrest/world/cell_grouping.hpp"

namespace unrest::world {

// The shape of a place's lattice and how its people are drawn.
struct PlaceShape {
  double density = 0.7;  // citizens per site
  int vision = 7;        // the largest radius anybody looks: the bucket side
  int cop_vision = 7;
  double hardship_min = 0.0;  // base hardship H0 = min + (max - min) U^shape
  double hardship_max = 1.0;
  double hardship_shape = 1.0;
};

class PlaceLattice {
 public:
  // What stands on each site, for views and tests.
  enum class SiteState : std::uint8_t { empty, quiet, active, rioting, cop };

  // The side of the torus a place of this size gets, without building the place: square, at
  // the citizens' density, a whole number of buckets, and large enough for every agent and for
  // the widest vision disc.
  static int side_for(const PlaceShape& shape, std::int64_t citizens, std::int64_t cops);

  std::int64_t citizens() const { return citizens_; }
  // The citizens stored so far: those with the highest base hardships.
  std::uint32_t stored() const { return static_cast<std::uint32_t>(base_hardship_.size()); }
  std::uint32_t blocks_stored() const { return blocks_; }
  static constexpr std::uint32_t kStoreBlock = 4096;  // citizens a block
  int width() const { return width_; }
  std::vector<SiteState> site_states() const;

 protected:
  // Places exactly `citizens` citizens, then exactly `cops` cops on the sites left, each set of
  // sites equally likely; stores no citizen yet. Every draw keyed by (seed, place).
  PlaceLattice(const PlaceShape& shape, std::int64_t citizens, std::int64_t cops,
               std::uint64_t seed, int place_index);

  // Stores citizens, block by block, until none left unstored has a base hardship above
  // `floor` (all of them for -infinity). A block's draws are keyed by its index, so the stored
  // citizens depend only on how many blocks are stored, not on when they were.
  void store_down_to(double floor);
  // Stores the first `blocks` blocks (a saved state's); false if there are not that many.
  bool store_blocks(std::uint32_t blocks);

  struct Item {
    std::uint32_t site;
    std::uint32_t id;
  };
  // Entries bucketed by position; bucket side >= every vision radius.
  struct BucketGrid {
    std::vector<std::uint32_t> start;
    std::vector<Item> items;
  };
  enum State : std::uint8_t { quiet = 0, active = 1, rioting = 2, jailed = 3, dead = 4 };
  enum CopState : std::uint8_t { on_duty = 0, injured = 1, killed = 2, withdrawn = 3 };

  void build(BucketGrid& grid, const std::vector<Item>& entries) const;
  // Calls visit(item) for each entry of `grid` within the disc of `radius` around `site`.
  template <typename Visit>
  void for_each_within(const BucketGrid& grid, std::uint32_t site, int radius, Visit&& visit) const;
  bool occupied(std::uint64_t s) const { return (occupied_[s >> 6] >> (s & 63)) & 1u; }
  void set_occupied(std::uint64_t s) { occupied_[s >> 6] |= std::uint64_t{1} << (s & 63); }
  void clear_occupied(std::uint64_t s) { occupied_[s >> 6] &= ~(std::uint64_t{1} << (s & 63)); }
  // A uniformly drawn empty site (kEmpty on a full lattice).
  std::uint32_t random_empty_site(std::uint64_t key);
  // The citizens' mean hardship with every base hardship raised by `shift` and capped at 1: the
  // stored citizens' exactly, the residents' as its expectation given that their base hardship
  // lies below the last stored one (they are independent draws below it).
  double mean_hardship(double shift) const;

  std::uint64_t seed_;
  int place_;
  int width_ = 1;
  // The bucket grids' cells (side: the largest vision radius), with the lattice's dividers.
  CellLayout buckets_;

  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;  // "no site" from random_empty_site
  // One bit a site: taken by a citizen or a cop. Only emptiness is ever asked of a site, and
  // at a bit a site a whole country's lattices (3.5 MB) stay in cache, where a word a site
  // (111 MB) made every move a memory round trip.
  std::vector<std::uint64_t> occupied_;

  // Sites of the citizens not stored (residents), one bit a site; and, once few are left, the
  // same sites as a list to draw from (world/place_lattice.cpp: take_resident_site).
  std::vector<std::uint64_t> residents_;
  std::vector<std::uint32_t> resident_list_;
  std::uint64_t residents_left_ = 0;

  // The stored citizens, in order of falling base hardship.
  std::vector<float> base_hardship_;
  std::vector<double> hardship_prefix_;  // prefix sums of base_hardship_, for the mean
  std::vector<float> risk_aversion_;
  std::vector<std::uint32_t> site_;
  std::vector<std::uint8_t> state_;
  std::vector<std::int32_t> jail_left_;
  std::vector<std::uint32_t> jailed_ids_;

  std::vector<std::uint32_t> cop_site_;
  std::vector<std::uint8_t> cop_state_;

 private:
  void place_agents(std::int64_t citizens, std::int64_t cops);
  void store_block();
  std::uint32_t take_resident_site(rng::RandomStream& draw);
  // Base hardship of a citizen whose uniform variate (its quantile from the top) is u.
  double hardship_at(double u) const;

  PlaceShape shape_;
  std::int64_t citizens_ = 0;
  std::uint32_t blocks_ = 0;
  double last_u_ = 1.0;  // the uniform variate of the last citizen stored (1 before any)
};

template <typename Visit>
void PlaceLattice::for_each_within(const BucketGrid& grid, std::uint32_t site, int radius,
                                   Visit&& visit) const {
  const int w = width_;
  const int x = static_cast<int>(buckets_.column(site));
  const int y = static_cast<int>(buckets_.row(site));
  const int n = static_cast<int>(buckets_.per_side);
  const int bx = static_cast<int>(buckets_.cell_index(static_cast<std::uint32_t>(x)));
  const int by = static_cast<int>(buckets_.cell_index(static_cast<std::uint32_t>(y)));
  // Radius <= bucket side, so the disc touches at most the 3 x 3 buckets around its own;
  // with fewer than 3 buckets a side, each bucket is read once.
  const int span = n < 3 ? n : 3;
  for (int j = 0; j < span; ++j) {
    const int cy = n < 3 ? j : (by - 1 + j + n) % n;
    for (int i = 0; i < span; ++i) {
      const int cx = n < 3 ? i : (bx - 1 + i + n) % n;
      const std::size_t b = static_cast<std::size_t>(cy) * n + cx;
      for (std::uint32_t k = grid.start[b]; k < grid.start[b + 1]; ++k) {
        const Item& item = grid.items[k];
        int dx = std::abs(static_cast<int>(buckets_.column(item.site)) - x);
        int dy = std::abs(static_cast<int>(buckets_.row(item.site)) - y);
        dx = std::min(dx, w - dx);
        dy = std::min(dy, w - dy);
        if (model::within_disc(dx, dy, radius)) visit(item);
      }
    }
  }
}

}  // namespace unrest::world
