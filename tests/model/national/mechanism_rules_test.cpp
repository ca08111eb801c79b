// Each national mechanism's rule as a pure function, apart from any engine. The whole-engine
// effect of each is in mechanism_effects_test.cpp; their composition in
// hourly_conditions_test.cpp.
#include <gtest/gtest.h>

#include "unrest/scenario/national_scenario.hpp"

namespace unrest::national {
namespace {

TEST(HardshipShockRule, AddsTheShockTimesTheExposureCappedAtOne) {
  EXPECT_DOUBLE_EQ(shocked_hardship(0.2, 0.1, 0.5), 0.25);
  EXPECT_EQ(shocked_hardship(0.95, 0.2, 1.0), 1.0);
  EXPECT_EQ(shocked_hardship(0.3, 0.0, 1.0), 0.3);
}

TEST(HardshipShockRule, RampsTowardsItsTargetAndConcessionsCutIt) {
  EXPECT_DOUBLE_EQ(ramped_shock(0.0, 0.03, 0.01), 0.01);
  EXPECT_DOUBLE_EQ(ramped_shock(0.025, 0.03, 0.01), 0.03);  // never past the target
  EXPECT_EQ(ramped_shock(0.05, 0.03, 0.01), 0.03);          // a cut target applies at once
  EXPECT_DOUBLE_EQ(after_concession(0.04, 0.25), 0.03);
  EXPECT_EQ(after_concession(0.04, 1.0), 0.0);
}

TEST(HardshipShockRule, EligibilityCutoffIsWhereNoRiskCouldKeepACitizenQuiet) {
  // T / (1 - L) - shift: at L = 0.8, T = 0.1, H0 must exceed 0.5 - shift.
  EXPECT_DOUBLE_EQ(eligibility_cutoff(0.1, 0.8, 0.0), 0.5);
  EXPECT_DOUBLE_EQ(eligibility_cutoff(0.1, 0.8, 0.2), 0.3);
  EXPECT_GT(eligibility_cutoff(0.1, 1.0, 0.5), 1.0);  // L = 1: nobody
}

TEST(LegitimacyRule, RelaxesTowardsTheBaselineAndFallsWithBacklash) {
  LegitimacyDynamics rule;
  rule.relax_per_hour = 0.1;
  EXPECT_DOUBLE_EQ(next_legitimacy(rule, 0.5, 0.6, 0.0, 0.0), 0.51);
  rule.backlash_per_killing = 0.01;
  rule.backlash_per_arrest = 0.001;
  // From the baseline: 0.6 - 0.01 * 2 - 0.001 * 10.
  EXPECT_DOUBLE_EQ(next_legitimacy(rule, 0.6, 0.6, 2.0, 10.0), 0.57);
  rule.enabled = false;
  EXPECT_EQ(next_legitimacy(rule, 0.5, 0.6, 2.0, 10.0), 0.5);
}

TEST(NewsRule, ExtraActivesAreWeightTimesReachTimesSignalTimesVision) {
  NewsDiffusion rule;
  rule.weight = 2.0;
  EXPECT_DOUBLE_EQ(news_extra_actives(rule, 0.5, 0.01, 100), 1.0);
  EXPECT_EQ(news_extra_actives(rule, 0.0, 0.01, 100), 0.0);  // a full shutdown
  rule.enabled = false;
  EXPECT_EQ(news_extra_actives(rule, 1.0, 0.01, 100), 0.0);
}

TEST(NewsRule, GravityWeightsAreNormalisedAndFavourNearLargePlaces) {
  const std::vector<PlaceLocation> places = {
      {43.0, 70.0, 1e6}, {43.5, 70.0, 1e6}, {50.0, 70.0, 1e6}, {43.6, 70.0, 1e4}};
  GravityKernel w(places, 1.0, 10.0);
  const std::size_t n = places.size();
  for (std::size_t p = 0; p < n; ++p) {
    double row = 0;
    for (std::size_t q = 0; q < n; ++q) row += w.weight(p, q);
    EXPECT_NEAR(row, 1.0, 1e-12);
    EXPECT_EQ(w.weight(p, p), 0.0);
  }
  EXPECT_GT(w.weight(0, 1), w.weight(0, 2));  // nearer
  EXPECT_GT(w.weight(0, 1), w.weight(0, 3));  // larger
  // 0.5 degrees of latitude is 55.6 km on the mean sphere: the two places 1 and 2 of equal
  // population weigh on place 0 inversely to their distances (gamma 1).
  EXPECT_NEAR(w.weight(0, 1) / w.weight(0, 2), 7.0 / 0.5, 1e-9);
  const auto s = w.signals({0.0, 0.1, 0.0, 0.0});
  EXPECT_DOUBLE_EQ(s[0], w.weight(0, 1) * 0.1);
  EXPECT_EQ(s[1], 0.0);  // a place's own protest is not news to it
  GravityKernel alone({{43.0, 70.0, 1e6}}, 1.0, 10.0);
  EXPECT_EQ(alone.signals({0.5}), std::vector<double>{0.0});
}

// Calm places cost nothing each hour, and whether a column is cached or computed again does
// not change a bit of the signals.
TEST(NewsRule, GravitySignalsCostOnlyActivePlacesAndDoNotDependOnTheCache) {
  std::vector<PlaceLocation> places;
  for (int i = 0; i < 50; ++i)
    places.push_back({40.0 + 0.3 * i, 50.0 + 0.7 * i, 1e3 * (1 + i % 7)});
  GravityKernel cached(places, 1.3, 10.0);
  GravityKernel uncached(places, 1.3, 10.0, 0);
  std::vector<double> shares(places.size(), 0.0);
  EXPECT_EQ(cached.signals(shares), std::vector<double>(places.size(), 0.0));
  EXPECT_EQ(cached.cached_columns(), 0u);
  shares[3] = 0.02;
  shares[17] = 0.001;
  shares[49] = 0.3;
  const auto a = cached.signals(shares);
  const auto b = uncached.signals(shares);
  EXPECT_EQ(cached.cached_columns(), 3u);
  EXPECT_EQ(uncached.cached_columns(), 0u);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t p = 0; p < a.size(); ++p) {
    EXPECT_EQ(a[p], b[p]) << p;
    double expected = 0.0;
    for (std::size_t q = 0; q < places.size(); ++q) expected += cached.weight(p, q) * shares[q];
    EXPECT_EQ(a[p], expected) << p;  // the same terms in the same order as the dense sum
  }
}

TEST(DayNightRule, HoursWrapPastMidnightAndNightLowersParticipation) {
  EXPECT_TRUE(in_hours(23, 22, 6));
  EXPECT_TRUE(in_hours(0, 22, 6));
  EXPECT_FALSE(in_hours(6, 22, 6));
  EXPECT_TRUE(in_hours(10, 9, 17));
  EXPECT_FALSE(in_hours(5, 5, 5));
  EXPECT_EQ(local_hour(0, -1), 23);
  EXPECT_EQ(local_hour(49, 2), 3);
  // A place half an hour off the clock: the hour the tick's start falls in there.
  EXPECT_EQ(local_hour(0, -2.5), 21);
  EXPECT_EQ(local_hour(10, 0.5), 10);
  DayNight rule;
  rule.night_participation = 0.3;
  EXPECT_EQ(participation(rule, 23), 0.3);
  EXPECT_EQ(participation(rule, 12), 1.0);
  rule.enabled = false;
  EXPECT_EQ(participation(rule, 23), 1.0);
}

TEST(CurfewRule, ItsMultiplierAndArrestRateHoldInCurfewHoursOnly) {
  Curfew rule;
  rule.risk_multiplier = 2.5;
  rule.arrest_rate = 0.2;
  EXPECT_EQ(curfew_risk_multiplier(rule, true), 2.5);  // not capped: P x 2.5 is, later
  EXPECT_EQ(curfew_risk_multiplier(rule, false), 1.0);
  EXPECT_EQ(arrest_rate(rule, true, 0.01), 0.2);
  EXPECT_EQ(arrest_rate(rule, false, 0.01), 0.01);
  rule.enabled = false;
  EXPECT_EQ(curfew_risk_multiplier(rule, true), 1.0);
  EXPECT_EQ(arrest_rate(rule, true, 0.01), 0.01);
}

TEST(RiotRule, ACrowdRiotsWhenItOutnumbersThePoliceFacingIt) {
  Riot rule;
  rule.ratio = 3.0;
  EXPECT_TRUE(is_rioting(rule, 7, 2));
  EXPECT_FALSE(is_rioting(rule, 6, 2));    // strictly more than ratio x cops
  EXPECT_FALSE(is_rioting(rule, 100, 0));  // nobody to face
  rule.enabled = false;
  EXPECT_FALSE(is_rioting(rule, 7, 2));
}

TEST(LethalForceRule, KillsOrWoundsRiotersOnlyUnderAnOrder) {
  LethalForce rule;
  rule.kill_probability = 0.2;
  rule.injure_probability = 0.3;
  EXPECT_EQ(confront(rule, true, true, 0.0, 0.1), Confrontation::kill);
  EXPECT_EQ(confront(rule, true, true, 0.0, 0.4), Confrontation::injure_and_arrest);
  EXPECT_EQ(confront(rule, true, true, 0.0, 0.6), Confrontation::arrest);
  EXPECT_EQ(confront(rule, false, true, 0.0, 0.1), Confrontation::arrest);  // no order
  EXPECT_EQ(confront(rule, true, false, 0.0, 0.1), Confrontation::arrest);  // a peaceful protester
  rule.enabled = false;
  EXPECT_EQ(confront(rule, true, true, 0.0, 0.1), Confrontation::arrest);
}

TEST(DispersalRule, AConfrontationOutsideLethalForceMayInjureInsteadOfArresting) {
  LethalForce lethal;
  lethal.kill_probability = 0.2;
  Dispersal rule;
  rule.enabled = true;
  rule.injure_probability = 0.3;
  const double p = dispersal_injury(rule, false);
  EXPECT_DOUBLE_EQ(p, 0.3);
  EXPECT_EQ(confront(lethal, false, true, p, 0.25), Confrontation::disperse_injured);
  EXPECT_EQ(confront(lethal, false, false, p, 0.35), Confrontation::arrest);
  // Under the order a rioter meets lethal force, not dispersal.
  EXPECT_EQ(confront(lethal, true, true, p, 0.1), Confrontation::kill);
  EXPECT_EQ(confront(lethal, true, true, p, 0.25), Confrontation::arrest);
  // Police who hold back disperse nobody; a switched-off rule neither.
  EXPECT_DOUBLE_EQ(dispersal_injury(rule, true), 0.0);
  rule.enabled = false;
  EXPECT_DOUBLE_EQ(dispersal_injury(rule, false), 0.0);
}

TEST(PoliticalGrievanceRule, RisesWithProtestNewsAndForceDecaysAndIsCapped) {
  PoliticalGrievance rule;
  rule.enabled = true;
  rule.per_protest = 1.0;
  rule.per_news = 2.0;
  rule.per_injury = 0.01;
  rule.per_arrest = 0.001;
  rule.per_killing = 0.1;
  rule.decay_per_hour = 0.5;
  rule.max = 0.3;
  EXPECT_DOUBLE_EQ(next_political_grievance(rule, 0.0, {0.01, 0.0, 0, 0, 0}), 0.01);
  EXPECT_DOUBLE_EQ(next_political_grievance(rule, 0.0, {0.0, 0.01, 0, 0, 0}), 0.02);
  EXPECT_DOUBLE_EQ(next_political_grievance(rule, 0.0, {0, 0, 1.0, 10.0, 0.5}), 0.01 + 0.01 + 0.05);
  EXPECT_DOUBLE_EQ(next_political_grievance(rule, 0.2, {}), 0.1);  // halves in an hour
  EXPECT_DOUBLE_EQ(next_political_grievance(rule, 0.2, {1.0, 0, 0, 0, 0}), 0.3);  // the cap
  rule.weight = 0.5;
  EXPECT_DOUBLE_EQ(political_hardship(rule, 0.2), 0.1);
  rule.enabled = false;
  EXPECT_DOUBLE_EQ(next_political_grievance(rule, 0.2, {1.0, 1.0, 1, 1, 1}), 0.0);
  EXPECT_DOUBLE_EQ(political_hardship(rule, 0.2), 0.0);
}

TEST(ViolenceRule, TheDisposedRiotUnprovokedOrOnceForceHasBeenUsed) {
  Violence rule;
  EXPECT_DOUBLE_EQ(violent_share(rule, 0.0), 1.0);  // off: every protester of the crowd
  rule.enabled = true;
  rule.disposed_share = 0.2;
  rule.unprovoked = 0.25;
  rule.force_half = 10.0;
  rule.force_decay_per_hour = 0.1;
  EXPECT_DOUBLE_EQ(violent_share(rule, 0.0), 0.05);  // no force used: the unprovoked only
  EXPECT_DOUBLE_EQ(violent_share(rule, 10.0), 0.2 * (0.25 + 0.75 * 0.5));
  EXPECT_NEAR(violent_share(rule, 1e9), 0.2, 1e-6);  // at most the disposed
  EXPECT_DOUBLE_EQ(next_force(rule, 10.0, 0.0), 9.0);
  EXPECT_DOUBLE_EQ(next_force(rule, 10.0, 5.0), 14.0);
}

TEST(LaterDetentionsRule, OnlyUnderAnEmergencyOrOrderAndNotUnderRestraint) {
  LaterDetentions rule;
  rule.enabled = true;
  rule.rate = 0.05;
  EXPECT_DOUBLE_EQ(later_detention_rate(rule, false, false, false), 0.0);
  EXPECT_DOUBLE_EQ(later_detention_rate(rule, true, false, false), 0.05);
  EXPECT_DOUBLE_EQ(later_detention_rate(rule, false, true, false), 0.05);
  EXPECT_DOUBLE_EQ(later_detention_rate(rule, true, true, true), 0.0);
  rule.enabled = false;
  EXPECT_DOUBLE_EQ(later_detention_rate(rule, true, true, false), 0.0);
}

TEST(LethalForceRule, FearRisesWithKillingsAndDecays) {
  LethalForce rule;
  rule.fear_per_killing = 0.5;
  rule.fear_decay_per_hour = 0.1;
  EXPECT_DOUBLE_EQ(next_fear(rule, 0.0, 2.0), 1.0);
  EXPECT_DOUBLE_EQ(next_fear(rule, 1.0, 0.0), 0.9);
  rule.enabled = false;
  EXPECT_EQ(next_fear(rule, 1.0, 2.0), 0.0);
}

TEST(ReinforcementsRule, PeopleBecomeAgentsAtTheRunsScale) {
  EXPECT_EQ(scaled_count(1600, 0.1), 160);
  EXPECT_EQ(scaled_count(1600, 0.01), 16);
  EXPECT_EQ(scaled_count(-400, 0.01), -4);
  EXPECT_EQ(scaled_count(4, 0.1), 0);
}

TEST(JailRule, AFullJailTakesNobodyUnlessCapacityIsOff) {
  Detention rule;
  EXPECT_TRUE(jail_has_room(rule, 9, 10));
  EXPECT_FALSE(jail_has_room(rule, 10, 10));
  rule.capacity_limited = false;
  EXPECT_TRUE(jail_has_room(rule, 10, 10));
}

}  // namespace
}  // namespace unrest::national
