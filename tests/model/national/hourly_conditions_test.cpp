// The composition of the mechanisms in one hour (hourly_conditions.hpp): what each mechanism
// contributes, and rule A under the composed conditions.
#include "unrest/model/national/hourly_conditions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/tiny_world.hpp"

namespace unrest::national {
namespace {

// Every mechanism off, as in the tiny worlds of the engine tests.
Mechanisms all_off() { return unrest::testing::tiny_world().mechanisms; }

PlaceState under_curfew() {
  PlaceState s;
  s.emergency = true;
  s.curfew_start = 23;
  s.curfew_end = 7;
  return s;
}

TEST(HourlyConditions, CurfewMultipliesTheWeighedRiskDuringItsHoursOnly) {
  auto m = all_off();
  m.curfew.enabled = true;
  m.curfew.risk_multiplier = 2.0;
  m.curfew.arrest_rate = 0.5;
  PlaceRules rules;
  rules.arrest_rate = 0.01;
  const auto night = compose_hour(m, rules, under_curfew(), 2, 0.0, 100);
  EXPECT_TRUE(night.curfew_hours);
  EXPECT_EQ(night.risk_multiplier, 2.0);
  EXPECT_EQ(night.arrest_rate, 0.5);
  const auto day = compose_hour(m, rules, under_curfew(), 12, 0.0, 100);
  EXPECT_FALSE(day.curfew_hours);
  EXPECT_EQ(day.risk_multiplier, 1.0);
  EXPECT_EQ(day.arrest_rate, 0.01);
  // P doubles under the curfew (C = 1, A = 5, literal ratio: P = 1 - exp(-k / 5)), capped at 1.
  rules.ratio = model::Ratio::literal;
  const double p = 1.0 - std::exp(-rules.k / 5.0);
  EXPECT_DOUBLE_EQ(weighed_arrest_probability(rules, day, 1, 5), p);
  EXPECT_DOUBLE_EQ(weighed_arrest_probability(rules, night, 1, 5), 2.0 * p);
  EXPECT_EQ(weighed_arrest_probability(rules, night, 10, 1), 1.0);
  // No emergency, or the mechanism off: no curfew.
  EXPECT_FALSE(compose_hour(m, rules, PlaceState{}, 2, 0.0, 100).curfew_hours);
  m.curfew.enabled = false;
  EXPECT_EQ(compose_hour(m, rules, under_curfew(), 2, 0.0, 100).risk_multiplier, 1.0);
}

TEST(HourlyConditions, FearMultipliesTheRiskOnTopOfTheCurfew) {
  auto m = all_off();
  m.curfew.enabled = true;
  m.curfew.risk_multiplier = 2.0;
  auto state = under_curfew();
  state.fear = 0.5;
  EXPECT_DOUBLE_EQ(compose_hour(m, PlaceRules{}, state, 2, 0.0, 100).risk_multiplier, 3.0);
  EXPECT_DOUBLE_EQ(compose_hour(m, PlaceRules{}, state, 12, 0.0, 100).risk_multiplier, 1.5);
}

TEST(HourlyConditions, TheFearFloorIsARiskThatACrowdDoesNotDilute) {
  auto m = all_off();
  m.lethal_force.enabled = true;
  m.lethal_force.fear_floor = 0.1;
  PlaceState state;
  state.fear = 2.0;
  PlaceRules rules;  // floor ratio: 3 cops against 40 actives give P = 0
  const auto h = compose_hour(m, rules, state, 12, 0.0, 100);
  EXPECT_DOUBLE_EQ(h.fear_risk, 0.2);
  EXPECT_DOUBLE_EQ(weighed_arrest_probability(rules, h, 3, 40), 0.2);
  EXPECT_DOUBLE_EQ(weighed_arrest_probability(rules, h, 3, 4000), 0.2);
  // Where P is not 0 the floor adds to it (fear's multiplier included), and the sum is capped.
  const double p = 1.0 - std::exp(-rules.k);
  EXPECT_DOUBLE_EQ(weighed_arrest_probability(rules, h, 1, 1), std::min(1.0, 3.0 * p + 0.2));
  m.lethal_force.fear_floor = 0.0;  // fear only multiplies P: a crowd weighs nothing
  EXPECT_EQ(weighed_arrest_probability(rules, compose_hour(m, rules, state, 12, 0.0, 100), 3, 40),
            0.0);
  m.lethal_force.fear_floor = 0.1;
  m.lethal_force.enabled = false;
  EXPECT_EQ(compose_hour(m, rules, state, 12, 0.0, 100).fear_risk, 0.0);
}

// The engine decides a citizen quiet without counting when it is quiet at the least P of the
// hour (place_world.cpp): that is sound only if no count of cops and actives gives a smaller P.
TEST(HourlyConditions, NoNeighbourhoodWeighsLessThanTheLeastArrestProbability) {
  auto m = all_off();
  m.lethal_force.enabled = true;
  m.lethal_force.fear_floor = 0.05;
  m.curfew.enabled = true;
  m.curfew.risk_multiplier = 2.0;
  m.news.enabled = true;
  for (const model::Ratio ratio :
       {model::Ratio::floor, model::Ratio::round_half_even, model::Ratio::literal}) {
    PlaceRules rules;
    rules.ratio = ratio;
    for (const double fear : {0.0, 0.3, 3.0}) {
      auto state = under_curfew();
      state.fear = fear;
      for (const int hour : {2, 12}) {
        for (const double news : {0.0, 0.5}) {
          const auto h = compose_hour(m, rules, state, hour, news, 100);
          const double least = least_arrest_probability(rules, h);
          for (int cops = 0; cops <= 30; ++cops) {
            for (int actives = 1; actives <= 60; actives += 7) {
              ASSERT_GE(weighed_arrest_probability(rules, h, cops, actives), least)
                  << cops << " cops, " << actives << " actives, fear " << fear;
            }
          }
          // And so quiet at the least P is quiet at every count: one citizen near the edge.
          for (double risk = 0.0; risk <= 1.0; risk += 0.125) {
            if (weighs_active_at(rules, h, 0.3, risk, least)) continue;
            for (int cops = 0; cops <= 30; cops += 3) {
              EXPECT_FALSE(weighs_active(rules, h, 0.3, risk, cops, 1 + cops % 5));
            }
          }
        }
      }
    }
  }
}

TEST(HourlyConditions, EachMechanismContributesOnlyWhenSwitchedOn) {
  PlaceState state;
  state.shock = 0.1;
  state.shock_weight = 0.5;
  state.legitimacy = 0.7;
  state.reach = 0.5;
  state.lethal_order = true;
  auto m = all_off();
  m.news.weight = 2.0;
  m.day_night.night_participation = 0.25;
  const auto off = compose_hour(m, PlaceRules{}, state, 23, 0.01, 100);
  EXPECT_EQ(off.hardship_shift, 0.0);
  EXPECT_EQ(off.legitimacy, 0.7);  // the state's L_p is what the legitimacy rule left
  EXPECT_EQ(off.news_actives, 0.0);
  EXPECT_EQ(off.participation, 1.0);
  EXPECT_FALSE(off.lethal_order);
  m.hardship.enabled = true;
  m.news.enabled = true;
  m.day_night.enabled = true;
  m.lethal_force.enabled = true;
  const auto on = compose_hour(m, PlaceRules{}, state, 23, 0.01, 100);
  EXPECT_DOUBLE_EQ(on.hardship_shift, 0.05);                  // s w_p
  EXPECT_DOUBLE_EQ(on.news_actives, 2.0 * 0.5 * 0.01 * 100);  // mu reach S_p V
  EXPECT_EQ(on.participation, 0.25);
  EXPECT_TRUE(on.lethal_order);
}

TEST(HourlyConditions, NeutralConditionsAreTheClassicRuleA) {
  PlaceRules rules;
  const HourlyConditions h{.legitimacy = 0.8};
  for (const auto ratio : {model::Ratio::floor, model::Ratio::round_half_even}) {
    rules.ratio = ratio;
    for (int cops = 0; cops <= 6; ++cops) {
      for (int actives = 1; actives <= 6; ++actives) {
        for (const double hardship : {0.3, 0.6, 0.9}) {
          for (const double risk : {0.0, 0.2, 0.7}) {
            const double p = model::arrest_probability(ratio, rules.k, cops, actives);
            EXPECT_EQ(weighs_active(rules, h, hardship, risk, cops, actives),
                      model::decides_active(hardship, risk, 0.8, p, rules.threshold));
          }
        }
      }
    }
  }
}

TEST(HourlyConditions, TheShockAndTheNewsEachTipACitizen) {
  PlaceRules rules;  // T = 0.1, floor ratio
  HourlyConditions h{.legitimacy = 0.8};
  // H0 = 0.45: G = 0.09 <= T, quiet with no cops at all; a shift of 0.1 makes G = 0.11.
  EXPECT_FALSE(weighs_active(rules, h, 0.45, 0.5, 0, 1));
  h.hardship_shift = 0.1;
  EXPECT_TRUE(weighs_active(rules, h, 0.45, 0.5, 0, 1));
  // Two cops facing one active: ratio 2, P = 0.99, deterred; news worth 2 more actives makes
  // the floor ratio 0 and P = 0.
  h.hardship_shift = 0.5;
  EXPECT_FALSE(weighs_active(rules, h, 0.45, 0.5, 2, 1));
  h.news_actives = 2.0;
  EXPECT_TRUE(weighs_active(rules, h, 0.45, 0.5, 2, 1));
}

}  // namespace
}  // namespace unrest::national
