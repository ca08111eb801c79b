// The second version's mechanisms on tiny worlds, each with every other mechanism off but the
// ones it needs: political grievance outlives a price concession (felt by the whole place, or
// only by those who protested); violence needs a disposed
// minority and, for the rest, force used against the crowd; dispersal injures; detentions go
// on after the streets are quiet. And nothing of it when switched off.
#include <gtest/gtest.h>

#include "engine/tiny_world.hpp"

namespace unrest::national {
namespace {

using testing::active_of;
using testing::event;
using testing::mean;
using testing::rioting_of;
using testing::run;
using testing::series;
using testing::tiny_world;

// A price shock at hour 2 taken back in full at hour 24; nobody can protest without it.
NationalScenario shock_then_concession() {
  auto s = tiny_world(1, 1120, 16);
  s.rules.hardship_max = 0.4;  // L = 0.8: active needs H > 0.5
  s.mechanisms.hardship.enabled = true;
  s.events = {event(EventKind::price_shock, 2, 0.4), event(EventKind::concession, 24, 1.0)};
  return s;
}

TEST(SecondVersion, PoliticalGrievanceOutlivesThePriceConcession) {
  auto s = shock_then_concession();
  EXPECT_EQ(mean(series(*run(s), 0, active_of), 26), 0.0);  // one grievance: over at once
  s.mechanisms.political.enabled = true;
  s.mechanisms.political.per_protest = 0.2;
  s.mechanisms.political.decay_per_hour = 0.01;
  s.mechanisms.political.max = 0.3;
  const auto e = run(s);
  const auto after = series(*e, 0, active_of);
  EXPECT_GT(mean(after, 26, 40), 10.0);
  // The grievance decays once nothing feeds it: protest thins out over the following day.
  EXPECT_LT(mean(after, 40), mean(after, 4, 24));
  s.mechanisms.political.weight = 0.0;  // weighed at nothing: the one-grievance model
  EXPECT_EQ(mean(series(*run(s), 0, active_of), 26), 0.0);
}

// Place 0 is shocked; place 1 is not, and can protest only through the news of place 0.
NationalScenario solidarity_world() {
  auto s = tiny_world(2, 1120, 16);
  s.rules.hardship_max = 0.4;
  s.mechanisms.hardship.enabled = true;
  s.places[1].exposure = 0.0;
  s.events = {event(EventKind::price_shock, 2, 0.4, {0, 1})};
  s.mechanisms.political.enabled = true;
  s.mechanisms.political.per_news = 0.5;
  s.mechanisms.political.max = 0.3;
  return s;
}

TEST(SecondVersion, SolidarityNewsRaisesPoliticalGrievanceInAPlaceWithoutAShock) {
  auto s = solidarity_world();
  EXPECT_GT(mean(series(*run(s), 1, active_of), 24), 5.0);
  s.mechanisms.political.per_news = 0.0;
  EXPECT_EQ(mean(series(*run(s), 1, active_of)), 0.0);
}

TEST(SecondVersion, PoliticalGrievanceOfParticipantsKeepsThemOutButTipsNobodyNew) {
  auto s = shock_then_concession();
  s.mechanisms.political.enabled = true;
  s.mechanisms.political.per_protest = 0.2;
  s.mechanisms.political.decay_per_hour = 0.01;
  s.mechanisms.political.max = 0.3;
  const double whole_place = mean(series(*run(s), 0, active_of), 26, 40);
  s.mechanisms.political.participants_only = true;
  const double participants = mean(series(*run(s), 0, active_of), 26, 40);
  // Those who protested stay out after the concession, fewer than when the whole place feels it.
  EXPECT_GT(participants, 5.0);
  EXPECT_LT(participants, whole_place);
  // A place that never protested feels nothing of the news' grievance: nobody there took part.
  auto t = solidarity_world();
  t.mechanisms.political.participants_only = true;
  const auto e = run(t);
  EXPECT_GT(mean(series(*e, 0, active_of), 24), 5.0);
  EXPECT_EQ(mean(series(*e, 1, active_of)), 0.0);
}

NationalScenario crowd_facing_police() {
  auto s = tiny_world(1, 1120, 64);
  s.rules.legitimacy = 0.5;
  s.mechanisms.riot.enabled = true;
  s.mechanisms.riot.ratio = 2.0;
  s.mechanisms.violence.disposed_share = 0.5;
  s.mechanisms.violence.unprovoked = 0.0;
  s.mechanisms.violence.force_half = 1.0;
  s.mechanisms.violence.force_decay_per_hour = 0.05;
  return s;
}

TEST(SecondVersion, WithoutForceUsedAPlaceProtestsForDaysWithoutARiot) {
  auto s = crowd_facing_police();
  const double all_riot = mean(series(*run(s), 0, rioting_of));  // mechanism 11 off
  EXPECT_GT(all_riot, 10.0);
  s.mechanisms.violence.enabled = true;
  // Police who hold back from the start: no arrests, so no force felt, so no riot.
  s.events = {event(EventKind::posture, 0, 1.0)};
  const auto held_back = run(s);
  EXPECT_GT(mean(series(*held_back, 0, active_of)), 50.0);
  EXPECT_EQ(mean(series(*held_back, 0, rioting_of)), 0.0);
  EXPECT_EQ(held_back->records().back()[0].counts.arrests, 0u);
  // Met with force (arrests), the disposed turn violent, but never more than they are.
  s.events = {};
  const auto met = run(s);
  const double provoked = mean(series(*met, 0, rioting_of), 12);
  EXPECT_GT(provoked, 1.0);
  EXPECT_LT(provoked, all_riot);
  // A posture event can also end the restraint.
  s.events = {event(EventKind::posture, 0, 1.0), event(EventKind::posture, 24, 0.0)};
  const auto later = series(*run(s), 0, rioting_of);
  EXPECT_EQ(mean(later, 0, 24), 0.0);
  EXPECT_GT(mean(later, 30), 1.0);
}

TEST(SecondVersion, DispersalInjuresProtestersInsteadOfArrestingThem) {
  auto s = tiny_world(1, 1120, 64);
  s.rules.legitimacy = 0.6;
  const auto plain = run(s)->records().back()[0].counts;
  EXPECT_EQ(plain.citizens_injured, 0u);
  s.mechanisms.dispersal.enabled = true;
  s.mechanisms.dispersal.injure_probability = 0.5;
  const auto dispersed = run(s)->records().back()[0].counts;
  EXPECT_GT(dispersed.citizens_injured, 20u);
  EXPECT_LT(dispersed.arrests, plain.arrests);
  s.events = {event(EventKind::posture, 0, 1.0)};  // held back: neither
  const auto held = run(s)->records().back()[0].counts;
  EXPECT_EQ(held.citizens_injured, 0u);
  EXPECT_EQ(held.arrests, 0u);
}

TEST(SecondVersion, DetentionsGoOnAfterTheStreetsAreQuiet) {
  auto s = shock_then_concession();
  s.mechanisms.jail.min_hours = 1000;  // nobody is released within the run
  s.mechanisms.jail.max_hours = 1000;
  s.events.push_back(event(EventKind::emergency, 30));
  s.mechanisms.later_detentions.rate = 0.5;
  auto arrests = [](const NationalEngine& e, std::size_t t) {
    return e.records()[t][0].counts.arrests;
  };
  const auto off = run(s);
  EXPECT_EQ(arrests(*off, 47), arrests(*off, 29));
  s.mechanisms.later_detentions.enabled = true;
  const auto on = run(s);
  EXPECT_EQ(mean(series(*on, 0, active_of), 26), 0.0);  // quiet streets
  EXPECT_EQ(arrests(*on, 29), arrests(*off, 29));       // nothing before the emergency
  EXPECT_GT(arrests(*on, 47), arrests(*on, 29) + 5);
}

}  // namespace
}  // namespace unrest::national
