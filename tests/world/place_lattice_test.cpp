// A place's storage: exact numbers of agents on distinct sites, citizens ordered by falling
// hardship within the drawn range, and the spatial index finding exactly the agents in a disc.
#include "unrest/world/place_lattice.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace unrest::world {
namespace {

class Probe : public PlaceLattice {
 public:
  Probe(const PlaceShape& shape, std::int64_t citizens, std::int64_t cops)
      : PlaceLattice(shape, citizens, cops, 42, 3) {}
  using PlaceLattice::base_hardship_;
  using PlaceLattice::BucketGrid;
  using PlaceLattice::build;
  using PlaceLattice::cop_site_;
  using PlaceLattice::for_each_within;
  using PlaceLattice::Item;
  using PlaceLattice::mean_hardship;
  using PlaceLattice::site_;
};

TEST(PlaceLattice, PlacesExactlyItsAgentsOnDistinctSitesOrderedByHardship) {
  PlaceShape shape;
  shape.vision = 4;
  shape.cop_vision = 5;
  shape.hardship_max = 0.5;
  shape.hardship_shape = 2.0;
  Probe p(shape, 1000, 40);
  EXPECT_EQ(p.citizens(), 1000);
  EXPECT_EQ(p.width() % 5, 0);  // whole buckets of the widest vision
  EXPECT_GE(p.width() * p.width(), 1000 / 0.7);
  std::vector<std::uint32_t> sites(p.site_);
  sites.insert(sites.end(), p.cop_site_.begin(), p.cop_site_.end());
  std::sort(sites.begin(), sites.end());
  EXPECT_EQ(std::adjacent_find(sites.begin(), sites.end()), sites.end());
  EXPECT_TRUE(std::is_sorted(p.base_hardship_.rbegin(), p.base_hardship_.rend()));
  EXPECT_GE(p.base_hardship_.back(), 0.0f);
  EXPECT_LE(p.base_hardship_.front(), 0.5f);
  // U^2 scaled to [0, 0.5]: mean 0.5 / 3; raised by 1, every hardship is capped at 1.
  EXPECT_NEAR(p.mean_hardship(0.0), 0.5 / 3.0, 0.02);
  EXPECT_DOUBLE_EQ(p.mean_hardship(1.0), 1.0);
  const auto states = p.site_states();
  EXPECT_EQ(std::count(states.begin(), states.end(), PlaceLattice::SiteState::quiet), 1000);
  EXPECT_EQ(std::count(states.begin(), states.end(), PlaceLattice::SiteState::cop), 40);
}

TEST(PlaceLattice, TheBucketGridFindsExactlyTheAgentsWithinADisc) {
  PlaceShape shape;
  shape.vision = 6;
  shape.cop_vision = 6;
  Probe p(shape, 3000, 0);
  std::vector<Probe::Item> entries;
  for (std::uint32_t id = 0; id < p.site_.size(); ++id) entries.push_back({p.site_[id], id});
  Probe::BucketGrid grid;
  p.build(grid, entries);
  const int w = p.width();
  for (std::uint32_t centre : {0u, p.site_[17], static_cast<std::uint32_t>(w * w - 1)}) {
    std::vector<std::uint32_t> found;
    p.for_each_within(grid, centre, 6, [&](const Probe::Item& item) { found.push_back(item.id); });
    std::vector<std::uint32_t> expected;
    const int cx = static_cast<int>(centre) % w, cy = static_cast<int>(centre) / w;
    for (std::uint32_t id = 0; id < p.site_.size(); ++id) {
      int dx = std::abs(static_cast<int>(p.site_[id]) % w - cx);
      int dy = std::abs(static_cast<int>(p.site_[id]) / w - cy);
      dx = std::min(dx, w - dx);  // a torus
      dy = std::min(dy, w - dy);
      if (dx * dx + dy * dy <= 36) expected.push_back(id);
    }
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, expected) << centre;
    EXPECT_FALSE(expected.empty());
  }
}

}  // namespace
}  // namespace unrest::world
