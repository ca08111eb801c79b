// Each mechanism of the national model on a tiny world, with every other mechanism off: its
// effect, and nothing when it is switched off.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/tiny_world.hpp"
#include "unrest/analysis/outbursts.hpp"
#include "unrest/io/national_outputs.hpp"

namespace unrest::national {
namespace {

using testing::active_of;
using testing::event;
using testing::mean;
using testing::rioting_of;
using testing::run;
using testing::series;
using testing::tiny_world;

TEST(NationalMechanisms, AllOffAPlaceIsTheClassicModelOfRunTwo) {
  // Run 2 of Epstein (2002) on a 40 x 40 lattice: vision 7, L = 0.82, jail up to 30 ticks.
  auto s = tiny_world(1, 1120, 64);
  s.rules.vision = 7;
  s.rules.cop_vision = 7;
  s.rules.legitimacy = 0.82;
  s.end_date = "2022-01-17";
  s.ticks = 400;
  std::vector<std::uint32_t> actives;
  for (double a : series(*run(s), 0, active_of)) actives.push_back(static_cast<std::uint32_t>(a));
  const auto stats = analysis::outburst_statistics(actives, 0, 50);
  // Punctuated equilibrium: repeated outbursts separated by calm.
  EXPECT_GE(stats.outbursts.size(), 3u);
  ASSERT_TRUE(stats.waiting_time.mean);
  EXPECT_GE(*stats.waiting_time.mean, 3.0);
  // Mean actives of the classic engines' order (46 sequential, 35 parallel).
  double total = 0;
  for (auto a : actives) total += a;
  const double m = total / static_cast<double>(actives.size());
  EXPECT_GT(m, 10.0);
  EXPECT_LT(m, 150.0);
}

TEST(NationalMechanisms, HardshipShockRaisesActivityAndConcessionsTakeItBack) {
  auto s = tiny_world(1, 1120, 16);
  s.rules.hardship_max = 0.4;  // with L = 0.8 nobody can be active: T / (1 - L) = 0.5
  s.events = {event(EventKind::price_shock, 2, 0.4), event(EventKind::concession, 24, 1.0)};
  s.mechanisms.hardship.enabled = true;
  const auto on = series(*run(s), 0, active_of);
  EXPECT_EQ(mean(on, 0, 2), 0.0);
  EXPECT_GT(mean(on, 4, 24), 50.0);
  EXPECT_EQ(mean(on, 26), 0.0);
  s.mechanisms.hardship.enabled = false;
  EXPECT_EQ(mean(series(*run(s), 0, active_of)), 0.0);
}

TEST(NationalMechanisms, APriceEventStatedAsPricesShiftsHardshipByItsFormula) {
  // Two places with 10 and 40 vehicles on the fuel per 100 people; the price goes from 60 to
  // 90 (+50 %) with per_burden 0.4: the shifts are 0.4 x 0.5 x 0.1 = 0.02 and 0.08.
  const auto priced = [](double hardship_max) {
    auto s = tiny_world(2, 1120, 16);
    s.rules.hardship_max = hardship_max;
    s.places[0].fuel_vehicles = {{"lpg", 112.0}};
    s.places[1].fuel_vehicles = {{"lpg", 448.0}};
    s.mechanisms.hardship.enabled = true;
    s.mechanisms.hardship.per_burden = 0.4;
    auto rise = event(EventKind::price_shock, 2, relative_price_change(60.0, 90.0), {0, 1});
    rise.fuel = "lpg";
    s.events = {rise};
    return s;
  };
  // Nobody can act (H0 <= 0.1 against T / (1 - L) = 0.5), so the mean hardship is every
  // citizen's base plus the shift.
  const auto quiet = run(priced(0.1));
  const auto hardship = [](const PlaceRecord& r) { return r.counts.mean_hardship; };
  for (int p = 0; p < 2; ++p) {
    const auto h = series(*quiet, p, hardship);
    EXPECT_NEAR(h[10] - h[0], p == 0 ? 0.02 : 0.08, 1e-12) << p;
  }
  // Where the shift tips people, the run is the one of a dimensionless size 0.5 with each
  // place's exposure set to its formula weight: the weight reaches each place's citizens.
  const auto e = run(priced(0.45));
  auto sized = tiny_world(2, 1120, 16);
  sized.rules.hardship_max = 0.45;
  sized.mechanisms.hardship.enabled = true;
  sized.places[0].exposure = fuel_burden_weight(0.4, 112.0, 1120.0);
  sized.places[1].exposure = fuel_burden_weight(0.4, 448.0, 1120.0);
  sized.events = {event(EventKind::price_shock, 2, 0.5, {0, 1})};
  const auto f = run(sized);
  EXPECT_LT(mean(series(*e, 0, active_of), 4), mean(series(*e, 1, active_of), 4));
  for (int p = 0; p < 2; ++p) EXPECT_EQ(series(*e, p, active_of), series(*f, p, active_of)) << p;
}

TEST(NationalMechanisms, LegitimacyFollowsEventsAndFallsWithMassArrests) {
  auto s = tiny_world(1, 1120, 64);
  s.mechanisms.legitimacy.enabled = true;
  s.mechanisms.legitimacy.backlash_per_arrest = 0.0002;
  s.mechanisms.legitimacy.relax_per_hour = 0.05;
  s.events = {event(EventKind::legitimacy, 30, -0.1)};
  const auto e = run(s);
  const auto l = series(*e, 0, [](const PlaceRecord& r) { return r.legitimacy; });
  ASSERT_GT(e->records()[29][0].counts.arrests, 0u);
  EXPECT_LT(*std::min_element(l.begin(), l.begin() + 30), 0.8);  // backlash from arrests
  EXPECT_NEAR(l[0], 0.8, 1e-12);
  EXPECT_LT(l[30], 0.72);  // the event, on top of the backlash
  s.mechanisms.legitimacy.enabled = false;
  for (double v : series(*run(s), 0, [](const PlaceRecord& r) { return r.legitimacy; })) {
    EXPECT_EQ(v, 0.8);
  }
}

TEST(NationalMechanisms, BacklashIsBoundedByMaxDrop) {
  LegitimacyDynamics rule;
  rule.backlash_per_arrest = 0.01;
  rule.max_drop = 0.05;
  EXPECT_NEAR(next_legitimacy(rule, 0.8, 0.8, 0.0, 100.0), 0.75, 1e-12);
  EXPECT_NEAR(next_legitimacy(rule, 0.7, 0.8, 0.0, 0.0), 0.7, 1e-12);  // below by an event
  rule.relax_per_hour = 0.5;
  EXPECT_NEAR(next_legitimacy(rule, 0.6, 0.8, 0.0, 0.0), 0.7, 1e-12);
}

// Two places: one in open revolt (low legitimacy, no police), one deterred (many police).
NationalScenario revolt_and_deterred() {
  auto s = tiny_world(2, 1120, 0);
  s.places[0].legitimacy = 0.2;
  s.places[1].police = 400;
  s.rules.arrest_rate = 0.0;  // the police deter without arresting, so counts stay comparable
  s.mechanisms.news.weight = 50.0;
  return s;
}

TEST(NationalMechanisms, NewsFromARevoltWeakensDeterrenceElsewhere) {
  auto s = revolt_and_deterred();
  s.mechanisms.news.enabled = true;
  const double with_news = mean(series(*run(s), 1, active_of), 2);
  s.mechanisms.news.enabled = false;
  const double without = mean(series(*run(s), 1, active_of), 2);
  EXPECT_GT(with_news, 2.0 * without + 10.0) << with_news << " vs " << without;
  // An internet shutdown in the deterred place cuts the news.
  s.mechanisms.news.enabled = true;
  s.events = {event(EventKind::internet, 0, 0.0, {1})};
  EXPECT_NEAR(mean(series(*run(s), 1, active_of), 2), without, 0.2 * without + 5.0);
}

TEST(NationalMechanisms, FewerAreOutAtNight) {
  auto s = tiny_world(1, 1120, 0);
  s.mechanisms.day_night.enabled = true;
  s.mechanisms.day_night.night_participation = 0.2;
  const auto a = series(*run(s), 0, active_of);
  // Ticks are local hours here: night 22:00-06:00.
  const double night = mean(a, 24, 30);
  const double day = mean(a, 34, 46);
  EXPECT_LT(night, 0.35 * day);
  s.mechanisms.day_night.enabled = false;
  const auto b = series(*run(s), 0, active_of);
  EXPECT_GT(mean(b, 24, 30), 0.8 * mean(b, 34, 46));
}

TEST(NationalMechanisms, CurfewRaisesTheRiskAndTheArrests) {
  auto s = tiny_world(1, 1120, 64);
  s.rules.arrest_rate = 0.05;
  s.mechanisms.curfew.risk_multiplier = 3.0;
  s.mechanisms.curfew.arrest_rate = 1.0;
  auto emergency = event(EventKind::emergency, 0);
  emergency.curfew_start = 0;  // 00:00-23:00 every day
  emergency.curfew_end = 23;
  s.events = {emergency};
  s.mechanisms.curfew.enabled = true;
  const auto on = run(s);
  s.mechanisms.curfew.enabled = false;
  const auto off = run(s);
  EXPECT_GT(on->records().back()[0].counts.arrests, 3 * off->records().back()[0].counts.arrests);
  EXPECT_TRUE(on->records()[5][0].curfew_hours);
  EXPECT_FALSE(off->records()[5][0].curfew_hours);
}

TEST(NationalMechanisms, CurfewRiskMultiplierDetersProtestersOnItsOwn) {
  // The same arrest rate in and out of curfew hours, so only the multiplier on P differs.
  // (Until the hourly composition was one function, every multiplier >= 1 was capped to 1
  // before it reached P, and these two runs were identical.)
  // The literal ratio, so that P > 0 wherever a cop is in sight, and a crowd large enough
  // that P is far below 1.
  auto s = tiny_world(1, 1120, 16);
  s.rules.ratio = model::Ratio::literal;
  s.rules.vision = 7;
  s.rules.cop_vision = 7;
  s.rules.legitimacy = 0.7;
  s.rules.arrest_rate = 0.05;
  s.mechanisms.curfew.enabled = true;
  s.mechanisms.curfew.arrest_rate = 0.05;
  auto emergency = event(EventKind::emergency, 0);
  emergency.curfew_start = 0;
  emergency.curfew_end = 23;
  s.events = {emergency};
  s.mechanisms.curfew.risk_multiplier = 1.0;
  const double plain = mean(series(*run(s), 0, active_of), 2, 23);
  s.mechanisms.curfew.risk_multiplier = 4.0;
  const double feared = mean(series(*run(s), 0, active_of), 2, 23);
  EXPECT_GT(plain, 20.0);
  EXPECT_LT(feared, 0.8 * plain) << feared << " vs " << plain;
}

TEST(NationalMechanisms, RiotsNeedACrowdFacingPoliceAndHurtCops) {
  auto s = tiny_world(1, 1120, 64);
  s.rules.legitimacy = 0.5;
  s.mechanisms.riot.ratio = 2.0;
  s.mechanisms.riot.injure_cop_per_hour = 0.05;
  s.mechanisms.riot.damage_per_hour = 0.1;
  s.mechanisms.riot.enabled = true;
  const auto on = run(s);
  const auto& last = on->records().back()[0].counts;
  EXPECT_GT(mean(series(*on, 0, rioting_of)), 10.0);
  EXPECT_GT(last.cops_injured, 0u);
  EXPECT_GT(last.damage, 0u);
  EXPECT_LT(last.cops, 64u);
  s.mechanisms.riot.enabled = false;
  const auto off = run(s);
  EXPECT_EQ(mean(series(*off, 0, rioting_of)), 0.0);
  EXPECT_EQ(off->records().back()[0].counts.cops_injured, 0u);
  // No police, no riot: a crowd that faces nobody protests.
  auto calm = tiny_world(1, 1120, 0);
  calm.rules.legitimacy = 0.5;
  calm.mechanisms.riot = s.mechanisms.riot;
  calm.mechanisms.riot.enabled = true;
  EXPECT_EQ(mean(series(*run(calm), 0, rioting_of)), 0.0);
}

TEST(NationalMechanisms, LethalForceKillsRiotersOnlyUnderTheOrder) {
  auto s = tiny_world(1, 1120, 64);
  s.rules.legitimacy = 0.5;
  s.mechanisms.riot.enabled = true;
  s.mechanisms.riot.ratio = 2.0;
  s.mechanisms.lethal_force.kill_probability = 0.5;
  s.mechanisms.lethal_force.injure_probability = 0.2;
  s.events = {event(EventKind::lethal_force, 24)};
  s.mechanisms.lethal_force.enabled = true;
  const auto on = run(s);
  EXPECT_EQ(on->records()[23][0].counts.citizens_killed, 0u);
  EXPECT_GT(on->records().back()[0].counts.citizens_killed, 0u);
  EXPECT_GT(on->records().back()[0].counts.citizens_injured, 0u);
  s.mechanisms.lethal_force.enabled = false;
  EXPECT_EQ(run(s)->records().back()[0].counts.citizens_killed, 0u);
}

TEST(NationalMechanisms, TheFearFloorDetersACrowdThatOutnumbersThePolice) {
  // Hundreds active against 64 cops: inside the crowd P = 0, so fear as a multiplier of P
  // deters only those near the police; the floor adds a risk the crowd does not dilute.
  auto s = tiny_world(1, 1120, 64);
  s.rules.legitimacy = 0.5;
  s.mechanisms.riot.enabled = true;
  s.mechanisms.riot.ratio = 2.0;
  s.mechanisms.lethal_force.enabled = true;
  s.mechanisms.lethal_force.kill_probability = 0.5;
  s.mechanisms.lethal_force.fear_per_killing = 0.5;
  s.mechanisms.lethal_force.fear_decay_per_hour = 0.02;
  s.events = {event(EventKind::lethal_force, 24)};
  s.end_date = "2022-01-05";
  s.ticks = 96;
  const auto multiplier_only = run(s);
  s.mechanisms.lethal_force.fear_floor = 0.05;
  const auto floored = run(s);
  const auto killed = [](const PlaceRecord& r) { return r.counts.citizens_killed; };
  const auto deaths = series(*multiplier_only, 0, killed);
  const auto first_killing = static_cast<std::size_t>(
      std::find_if(deaths.begin(), deaths.end(), [](double d) { return d > 0; }) - deaths.begin());
  ASSERT_LT(first_killing + 24, deaths.size());
  const auto before = series(*multiplier_only, 0, active_of);
  const auto after = series(*floored, 0, active_of);
  // Nothing changes until the first killing raises fear.
  for (std::size_t t = 0; t <= first_killing; ++t) EXPECT_EQ(before[t], after[t]) << t;
  const auto day_after = first_killing + 24;
  EXPECT_GT(mean(before, day_after), 20.0);
  EXPECT_LT(mean(after, day_after), 0.25 * mean(before, day_after));
}

TEST(NationalMechanisms, ReinforcementsArriveAndLeave) {
  auto s = tiny_world(1, 1120, 64);
  s.rules.legitimacy = 0.95;  // nobody active: cops only stand guard
  s.events = {event(EventKind::reinforcement, 5, 50), event(EventKind::reinforcement, 10, -30)};
  s.mechanisms.reinforcements.enabled = true;
  const auto cops = series(*run(s), 0, [](const PlaceRecord& r) { return r.counts.cops; });
  EXPECT_EQ(cops[4], 64);
  EXPECT_EQ(cops[5], 114);
  EXPECT_EQ(cops[10], 84);
  s.mechanisms.reinforcements.enabled = false;
  EXPECT_EQ(series(*run(s), 0, [](const PlaceRecord& r) { return r.counts.cops; })[5], 64);
}

TEST(NationalMechanisms, AReinforcementSpreadByPopulationSharesItsTotal) {
  // 90 police for two places of 1,120 and 2,240 people: 30 and 60 (each place would get 90).
  auto s = tiny_world(2, 1120, 64);
  s.places[1].population = 2240;
  s.rules.legitimacy = 0.95;
  auto spread = event(EventKind::reinforcement, 5, 90, {0, 1});
  spread.by_population = true;
  s.events = {spread};
  s.mechanisms.reinforcements.enabled = true;
  const auto cops = [](const PlaceRecord& r) { return r.counts.cops; };
  const auto e = run(s);
  EXPECT_EQ(series(*e, 0, cops)[5] - series(*e, 0, cops)[4], 30);
  EXPECT_EQ(series(*e, 1, cops)[5] - series(*e, 1, cops)[4], 60);
  s.events[0].by_population = false;
  const auto f = run(s);
  EXPECT_EQ(series(*f, 0, cops)[5] - series(*f, 0, cops)[4], 90);
  EXPECT_EQ(series(*f, 1, cops)[5] - series(*f, 1, cops)[4], 90);
}

TEST(NationalMechanisms, AFullJailStopsArrests) {
  auto s = tiny_world(1, 1120, 64);
  s.mechanisms.jail.min_hours = 1000;
  s.mechanisms.jail.max_hours = 1000;
  s.mechanisms.jail.capacity_per_100k = 1000;  // 11 places for 1,120 people
  s.mechanisms.jail.capacity_limited = true;
  EXPECT_EQ(run(s)->records().back()[0].counts.arrests, 11u);
  s.mechanisms.jail.capacity_limited = false;
  EXPECT_GT(run(s)->records().back()[0].counts.arrests, 11u);
}

TEST(NationalMechanisms, RiotsCloseBlocksAndTheyReopen) {
  auto s = tiny_world(1, 1120, 64);
  s.rules.legitimacy = 0.5;
  s.mechanisms.riot.enabled = true;
  s.mechanisms.riot.ratio = 2.0;
  s.mechanisms.activity.block = 8;
  s.mechanisms.activity.closed_hours = 6;
  s.mechanisms.activity.enabled = true;
  const auto activity = series(*run(s), 0, [](const PlaceRecord& r) { return r.counts.activity; });
  EXPECT_LT(mean(activity, 10), 0.8);
  s.mechanisms.activity.enabled = false;
  for (double a : series(*run(s), 0, [](const PlaceRecord& r) { return r.counts.activity; })) {
    EXPECT_EQ(a, 1.0);
  }
}

TEST(NationalMechanisms, BlockActivityCountsRecentRiotsAndCurfew) {
  EconomicActivity rule;
  rule.block = 4;
  rule.closed_hours = 3;
  BlockActivity blocks(8, rule);  // 2 x 2 blocks
  EXPECT_EQ(blocks.open_share(0, false), 1.0);
  blocks.mark_riot(5, 1, 10);
  EXPECT_EQ(blocks.open_share(12, false), 0.75);
  EXPECT_EQ(blocks.open_share(13, false), 1.0);
  EXPECT_EQ(blocks.open_share(13, true), 0.0);
}

TEST(NationalEngine, OutputsDoNotDependOnTheThreadCount) {
  auto s = tiny_world(5, 1120, 64);
  s.rules.legitimacy = 0.6;
  s.mechanisms.riot.enabled = true;
  s.mechanisms.news.enabled = true;
  s.mechanisms.news.weight = 5;
  s.mechanisms.lethal_force.enabled = true;
  s.mechanisms.lethal_force.kill_probability = 0.2;
  s.events = {event(EventKind::lethal_force, 10, 0, {0, 1, 2, 3, 4})};
  const std::string one = io::places_csv(*run(s, 1));
  EXPECT_EQ(one, io::places_csv(*run(s, 2)));
  EXPECT_EQ(one, io::places_csv(*run(s, 8)));
  s.seed = 8;
  EXPECT_NE(one, io::places_csv(*run(s, 2)));
}

}  // namespace
}  // namespace unrest::national
