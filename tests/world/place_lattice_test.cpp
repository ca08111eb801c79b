// A place's storage: exact numbers of agents on distinct sites, citizens ordered by falling
// hardship within the drawn range, stored only down to the hardship asked for and then as if
// all had been drawn at once, and the spatial index finding exactly the agents in a disc.
#include "unrest/world/place_lattice.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace unrest::world {
namespace {

class Probe : public PlaceLattice {
 public:
  Probe(const PlaceShape& shape, std::int64_t citizens, std::int64_t cops, std::uint64_t seed = 42)
      : PlaceLattice(shape, citizens, cops, seed, 3) {}
  void store_all() { store_down_to(-std::numeric_limits<double>::infinity()); }
  using PlaceLattice::base_hardship_;
  using PlaceLattice::BucketGrid;
  using PlaceLattice::build;
  using PlaceLattice::cop_site_;
  using PlaceLattice::for_each_within;
  using PlaceLattice::Item;
  using PlaceLattice::mean_hardship;
  using PlaceLattice::occupied;
  using PlaceLattice::risk_aversion_;
  using PlaceLattice::site_;
  using PlaceLattice::store_blocks;
  using PlaceLattice::store_down_to;
};

constexpr double kAll = -std::numeric_limits<double>::infinity();

TEST(PlaceLattice, PlacesExactlyItsAgentsOnDistinctSitesOrderedByHardship) {
  PlaceShape shape;
  shape.vision = 4;
  shape.cop_vision = 5;
  shape.hardship_max = 0.5;
  shape.hardship_shape = 2.0;
  Probe p(shape, 1000, 40);
  p.store_all();
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
  p.store_all();
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

TEST(PlaceLattice, StoresNobodyAtFirstAndThenOnlyDownToTheHardshipAsked) {
  PlaceShape shape;
  shape.hardship_max = 0.245;
  shape.hardship_shape = 3.0;
  Probe p(shape, 200000, 800);
  EXPECT_EQ(p.stored(), 0u);
  // Every resident stands on a site of its own: the site states count them all.
  auto states = p.site_states();
  EXPECT_EQ(std::count(states.begin(), states.end(), PlaceLattice::SiteState::quiet), 200000);
  EXPECT_EQ(std::count(states.begin(), states.end(), PlaceLattice::SiteState::cop), 800);
  p.store_down_to(0.2);
  // Whole blocks, and the last stored at or below the floor: every resident is below it.
  EXPECT_EQ(p.stored() % PlaceLattice::kStoreBlock, 0u);
  EXPECT_LE(p.base_hardship_.back(), 0.2f);
  EXPECT_GT(p.base_hardship_[p.stored() - PlaceLattice::kStoreBlock - 1], 0.2f);
  EXPECT_TRUE(std::is_sorted(p.base_hardship_.rbegin(), p.base_hardship_.rend()));
  // P(0.245 U^3 > 0.2) = 1 - (0.2 / 0.245)^(1/3): about 13,170 of 200,000 (sd 110), so
  // between 13,170 - 440 and one block more than 13,170 + 440.
  const double above = 200000 * (1.0 - std::cbrt(0.2 / 0.245));
  const auto over = static_cast<double>(std::count_if(
      p.base_hardship_.begin(), p.base_hardship_.end(), [](float h) { return h > 0.2f; }));
  EXPECT_NEAR(over, above, 440);
  EXPECT_LT(p.stored(), above + 440 + PlaceLattice::kStoreBlock);
  states = p.site_states();
  EXPECT_EQ(std::count(states.begin(), states.end(), PlaceLattice::SiteState::quiet), 200000);
  for (std::uint32_t id = 0; id < p.stored(); ++id) ASSERT_TRUE(p.occupied(p.site_[id]));
}

TEST(PlaceLattice, StoredCitizensDependOnlyOnHowManyAreStoredNotWhen) {
  PlaceShape shape;
  shape.hardship_max = 0.5;
  Probe in_steps(shape, 50000, 100);
  in_steps.store_down_to(0.45);
  in_steps.store_down_to(0.4);
  in_steps.store_down_to(0.3);
  Probe at_once(shape, 50000, 100);
  at_once.store_blocks(in_steps.blocks_stored());
  EXPECT_EQ(at_once.base_hardship_, in_steps.base_hardship_);
  EXPECT_EQ(at_once.risk_aversion_, in_steps.risk_aversion_);
  EXPECT_EQ(at_once.site_, in_steps.site_);
  EXPECT_FALSE(at_once.store_blocks(50000 / PlaceLattice::kStoreBlock + 2));
}

TEST(PlaceLattice, CitizensStoredBlockByBlockAreDrawnFromThePopulationsDistribution) {
  // Stored to the last, 100,000 citizens' base hardships (0.5 U^2) and risk aversions
  // (uniform) against their distributions: Kolmogorov-Smirnov distance under 1.63 / sqrt(n)
  // (the 1 % critical value), over five seeds.
  PlaceShape shape;
  shape.hardship_max = 0.5;
  shape.hardship_shape = 2.0;
  const int n = 100000;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    Probe p(shape, n, 300, seed);
    p.store_all();
    ASSERT_EQ(p.stored(), static_cast<std::uint32_t>(n));
    double hardship_d = 0;
    for (int i = 0; i < n; ++i) {
      // The i-th largest of n: the empirical survival function steps at it.
      const double survival = 1.0 - std::sqrt(p.base_hardship_[static_cast<std::size_t>(i)] / 0.5);
      hardship_d = std::max({hardship_d, std::abs(survival - static_cast<double>(i) / n),
                             std::abs(survival - static_cast<double>(i + 1) / n)});
    }
    std::vector<float> risk(p.risk_aversion_);
    std::sort(risk.begin(), risk.end());
    double risk_d = 0;
    for (int i = 0; i < n; ++i) {
      const double u = risk[static_cast<std::size_t>(i)];
      risk_d = std::max({risk_d, std::abs(u - static_cast<double>(i) / n),
                         std::abs(u - static_cast<double>(i + 1) / n)});
    }
    EXPECT_LT(hardship_d, 1.63 / std::sqrt(n)) << "seed " << seed;
    EXPECT_LT(risk_d, 1.63 / std::sqrt(n)) << "seed " << seed;
    // Every citizen on a site of its own (the last ones from the list of residents' sites).
    std::vector<std::uint32_t> sites(p.site_);
    std::sort(sites.begin(), sites.end());
    EXPECT_EQ(std::adjacent_find(sites.begin(), sites.end()), sites.end());
  }
}

TEST(PlaceLattice, TheMeanHardshipOfAPartlyStoredPlaceIsThatOfTheWholeOne) {
  // The residents' part is an expectation: within 1e-3 of the mean with all stored, for a
  // shift that caps nobody, one that caps some stored citizens and one that caps residents.
  PlaceShape shape;
  shape.hardship_max = 0.8;
  shape.hardship_shape = 3.0;
  Probe partly(shape, 100000, 300);
  partly.store_down_to(0.6);
  Probe whole(shape, 100000, 300);
  whole.store_all();
  for (const double shift : {0.0, 0.3, 0.6, 1.5}) {
    EXPECT_NEAR(partly.mean_hardship(shift), whole.mean_hardship(shift), 1e-3) << shift;
  }
  EXPECT_DOUBLE_EQ(partly.mean_hardship(1.5), 1.0);
}

TEST(PlaceLattice, CitizensSitesAreUniformOverTheLattice) {
  // The residents' sites, row by row, against equal shares: chi-square below the 0.1 %
  // critical value (rows - 1 degrees of freedom), each row's variance that of drawing without
  // replacement, w p (1 - p) for p of the sites taken.
  PlaceShape shape;
  Probe p(shape, 300000, 1000, 9);
  const auto states = p.site_states();
  const int w = p.width();
  std::vector<double> per_row(static_cast<std::size_t>(w), 0.0);
  for (std::size_t s = 0; s < states.size(); ++s) {
    if (states[s] == PlaceLattice::SiteState::quiet) per_row[s / static_cast<std::size_t>(w)] += 1;
  }
  const double expected = 300000.0 / w;
  const double taken = 300000.0 / (static_cast<double>(w) * w);
  double chi2 = 0;
  for (const double r : per_row) chi2 += (r - expected) * (r - expected) / (expected * (1 - taken));
  // Wilson-Hilferty: the 0.1 % point of chi-square with d degrees of freedom.
  const double d = w - 1;
  const double critical = d * std::pow(1 - 2 / (9 * d) + 3.09 * std::sqrt(2 / (9 * d)), 3);
  EXPECT_LT(chi2, critical);
}

}  // namespace
}  // namespace unrest::world
