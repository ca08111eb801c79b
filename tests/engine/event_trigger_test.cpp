// Events on a condition instead of a date (adaptive policies): the parser of `when`, and the
// engine bringing a triggered event the hour after its condition is met (plus the delay), once
// or on every rising edge, to all its places or to the place that met it.
#include "unrest/scenario/event_trigger.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/tiny_world.hpp"
#include "scenario/small_scenario.hpp"

namespace unrest::national {
namespace {

using testing::active_of;
using testing::event;
using testing::run;
using testing::series;
using testing::tiny_world;

TEST(EventTrigger, ParsesScopeQuantityComparisonAndNumber) {
  EventTrigger t;
  ASSERT_FALSE(parse_trigger("national.active > 20000", t));
  EXPECT_EQ(t.scope, EventTrigger::Scope::national);
  EXPECT_EQ(t.quantity, "active");
  EXPECT_TRUE(t.holds(20001));
  EXPECT_FALSE(t.holds(20000));
  ASSERT_FALSE(parse_trigger("place.citizens_killed>=10", t));
  EXPECT_EQ(t.scope, EventTrigger::Scope::place);
  EXPECT_TRUE(t.holds(10));
  ASSERT_FALSE(parse_trigger("national.legitimacy < 0.5", t));
  EXPECT_TRUE(t.holds(0.4));
  EXPECT_FALSE(t.holds(0.5));
  ASSERT_FALSE(parse_trigger("national.activity <= 0.2", t));
  EXPECT_TRUE(t.holds(0.2));
  for (const char* bad : {"national.active", "nation.active > 1", "national.actve > 1",
                          "national.active > lots", "national.active > 1e400", "> 5"}) {
    EXPECT_TRUE(parse_trigger(bad, t)) << bad;
  }
  EXPECT_NE(parse_trigger("national.actve > 1", t)->find("unrest outputs"), std::string::npos);
}

TEST(EventTrigger, AScenarioEventHasADateOrAConditionNotBoth) {
  using testing::kSmallScenario;
  using testing::national_error_of;
  const std::string base = kSmallScenario + R"(
[[event]]
id = "concede"
kind = "concession"
where = "national"
cut = 1.0
)";
  EXPECT_EQ(
      national_error_of(base + "when = \"national.active > 10\"\ndelay_hours = 3\n", "s.toml"),
      "no error");
  EXPECT_NE(national_error_of(base, "s.toml").find("s.toml:"), std::string::npos);
  EXPECT_NE(national_error_of(base, "s.toml").find("at: is required"), std::string::npos);
  EXPECT_NE(national_error_of(base + "at = 2022-01-01T10:00:00\nwhen = \"national.active > 1\"\n",
                              "s.toml")
                .find("not both"),
            std::string::npos);
  EXPECT_NE(national_error_of(base + "at = 2022-01-01T10:00:00\ndelay_hours = 2\n", "s.toml")
                .find("delay_hours: goes with `when` only"),
            std::string::npos);
  EXPECT_NE(national_error_of(base + "when = \"national.killed > 1\"\n", "s.toml")
                .find("no output quantity \"killed\""),
            std::string::npos);
  EXPECT_NE(national_error_of(base + "when = \"national.active > 1\"\ndelay_hours = -1\n", "s.toml")
                .find("delay_hours"),
            std::string::npos);
}

// A price shock makes the place protest from hour 2; a concession on "national.active > 50"
// comes the hour after the first hour above 50 (plus its delay) and calms it, once.
TEST(EventTrigger, ATriggeredConcessionComesAfterItsConditionAndOnlyOnce) {
  auto s = tiny_world(1, 1120, 16);
  s.rules.hardship_max = 0.4;
  s.mechanisms.hardship.enabled = true;
  Event concede = event(EventKind::concession, kNever, 1.0);
  concede.id = "concede";
  concede.when.emplace();
  ASSERT_FALSE(parse_trigger("national.active > 50", *concede.when));
  concede.when->delay_hours = 3;
  s.events = {event(EventKind::price_shock, 2, 0.4), concede};
  const auto e = run(s);
  const auto active = series(*e, 0, active_of);
  const auto first = static_cast<std::int64_t>(
      std::find_if(active.begin(), active.end(), [](double a) { return a > 50; }) - active.begin());
  ASSERT_LT(first, 20);
  std::vector<std::int64_t> triggered, applied;
  for (const auto& l : e->log()) {
    if (l.id != "concede") continue;
    (l.kind == "trigger" ? triggered : applied).push_back(l.tick);
  }
  EXPECT_EQ(triggered, std::vector<std::int64_t>{first});
  EXPECT_EQ(applied, std::vector<std::int64_t>{first + 1 + 3});
  EXPECT_GT(active[static_cast<std::size_t>(first + 3)], 50.0);  // before it comes
  EXPECT_EQ(active.back(), 0.0);                                 // and after: calm again
}

// Place conditions bring the event to the place that met them only; `once = false` brings it
// again on every rising edge.
TEST(EventTrigger, PlaceConditionsActForTheirPlaceAndCanRepeat) {
  auto s = tiny_world(2, 1120, 16);
  s.rules.hardship_max = 0.4;
  s.mechanisms.hardship.enabled = true;
  Event concede = event(EventKind::concession, kNever, 1.0, {0, 1});
  concede.id = "concede";
  concede.when.emplace();
  ASSERT_FALSE(parse_trigger("place.active > 50", *concede.when));
  concede.when->once = false;
  // Only place 0 is shocked, twice: it protests, is conceded to, protests again.
  s.events = {event(EventKind::price_shock, 2, 0.4, {0}), concede,
              event(EventKind::price_shock, 24, 0.4, {0})};
  const auto e = run(s);
  int applied = 0;
  for (const auto& l : e->log()) {
    if (l.id == "concede" && l.kind == "event") {
      EXPECT_EQ(l.where, "p0");
      ++applied;
    }
  }
  EXPECT_EQ(applied, 2);
  EXPECT_EQ(series(*e, 1, active_of).back(), 0.0);
}

}  // namespace
}  // namespace unrest::national
