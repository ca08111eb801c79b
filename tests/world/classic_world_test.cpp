#include "unrest/world/classic_world.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace unrest::world {
namespace {

using namespace unrest::model;

ClassicParams params(int side, double citizens, double cops, const char* preset = "netlogo") {
  ClassicParams p;
  p.width = p.height = side;
  p.citizen_density = citizens;
  p.cop_density = cops;
  p.options = *preset_options(preset);
  return p;
}

TEST(ClassicWorld, ExactPlacementPutsRoundedCountsOnDistinctSites) {
  rng::RandomStream rng(1);
  const ClassicWorld w(params(40, 0.7, 0.074), rng);
  EXPECT_EQ(w.citizen_count(), 1120u);
  EXPECT_EQ(w.cop_count(), 118u);  // round(0.074 * 1600) = round(118.4)
  std::set<std::uint32_t> sites;
  for (std::uint32_t c = 0; c < w.citizen_count(); ++c) sites.insert(w.citizen_site(c));
  for (std::uint32_t p = 0; p < w.cop_count(); ++p) sites.insert(w.cop_site(p));
  EXPECT_EQ(sites.size(), 1120u + 118u);
  EXPECT_TRUE(w.derived_counts_consistent());
  EXPECT_EQ(w.quiet_count(), 1120u);
}

TEST(ClassicWorld, BernoulliPlacementMatchesDensitiesWithinFiveSd) {
  rng::RandomStream rng(2);
  const ClassicWorld w(params(100, 0.7, 0.074, "mesa"), rng);
  // Citizens ~ Binomial(10000, 0.7): sd 45.8; cops ~ Binomial(10000, 0.074): sd 26.2.
  EXPECT_NEAR(w.citizen_count(), 7000.0, 5 * 45.8);
  EXPECT_NEAR(w.cop_count(), 740.0, 5 * 26.2);
  EXPECT_TRUE(w.derived_counts_consistent());
}

TEST(ClassicWorld, HardshipAndRiskAversionAreUniform) {
  rng::RandomStream rng(3);
  const ClassicWorld w(params(100, 0.7, 0.0), rng);
  double h = 0, r = 0;
  for (std::uint32_t c = 0; c < w.citizen_count(); ++c) h += w.hardship(c), r += w.risk_aversion(c);
  // Mean of 7000 U(0,1): sd 0.0034; allow 5 sd.
  EXPECT_NEAR(h / w.citizen_count(), 0.5, 0.017);
  EXPECT_NEAR(r / w.citizen_count(), 0.5, 0.017);
}

TEST(ClassicWorld, JailedCitizensBlockTheirSiteOnlyUnderMesa) {
  for (const char* preset : {"netlogo", "mesa"}) {
    rng::RandomStream rng(4);
    ClassicWorld w(params(15, 0.02, 0.0, preset), rng);
    ASSERT_GT(w.citizen_count(), 0u);
    const std::uint32_t site = w.citizen_site(0);
    EXPECT_FALSE(w.is_empty(site));
    w.jail(0, 5, true);
    EXPECT_EQ(w.is_empty(site), std::string(preset) == "netlogo") << preset;
    w.release(0);
    EXPECT_FALSE(w.is_empty(site));
    EXPECT_TRUE(w.derived_counts_consistent());
  }
}

TEST(ClassicWorld, ActiveWithinVisionEnumeratesEachVisibleActiveOnce) {
  rng::RandomStream rng(5);
  ClassicWorld w(params(40, 0.7, 0.0), rng);
  for (std::uint32_t c = 0; c < w.citizen_count(); c += 7) w.set_active(c, true);
  ASSERT_TRUE(w.derived_counts_consistent());
  const int x = 3, y = 38;  // near a corner, so the vision wraps both ways
  const std::uint32_t site = w.site_of(x, y);
  std::set<std::uint32_t> found;
  for (int i = 0; i < w.actives_seen(site); ++i) {
    const std::uint32_t c = w.active_within_vision(x, y, static_cast<std::uint32_t>(i));
    ASSERT_NE(c, kNone);
    EXPECT_TRUE(w.is_active(c));
    found.insert(c);
  }
  std::set<std::uint32_t> expected;
  for (const Offset& o : w.vision().offsets()) {
    for (std::uint32_t c = 0; c < w.citizen_count(); ++c) {
      if (w.is_active(c) && w.citizen_site(c) == w.site_at(x, y, o)) expected.insert(c);
    }
  }
  EXPECT_EQ(found, expected);
  EXPECT_GT(expected.size(), 5u);
}

TEST(ClassicWorld, MovesAndCopChangesKeepCountsConsistent) {
  rng::RandomStream rng(6);
  ClassicWorld w(params(20, 0.5, 0.05), rng);
  w.set_active(0, true);
  w.move_citizen(0, 0, 0);
  w.move_cop(0, 19, 19);
  w.add_cop(w.site_of(10, 10));
  w.remove_cop(1);
  EXPECT_TRUE(w.derived_counts_consistent());
  EXPECT_EQ(w.cops_seen(w.site_of(19, 19)) >= 1, true);
}

TEST(ClassicWorld, RefusesToStackMoreAgentsOnASiteThanTheCountsCanHold) {
  // Vision 100 sees 31,417 sites, so 16-bit counts are safe up to 65535 / 31417 = 2 agents a
  // site; a third must be refused rather than risk a wrong count.
  ClassicParams p = params(201, 0.0, 0.0);
  p.vision = 100;
  rng::RandomStream rng(7);
  ClassicWorld w(p, rng);
  const std::uint32_t site = w.site_of(5, 5);
  w.add_cop(site);
  w.add_cop(site);
  EXPECT_THROW(w.add_cop(site), std::overflow_error);
}

}  // namespace
}  // namespace unrest::world
