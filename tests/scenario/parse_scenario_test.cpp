#include "unrest/scenario/parse_scenario.hpp"

#include <gtest/gtest.h>

#include "test_scenarios.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"

namespace unrest::scenario {
namespace {

using namespace unrest::model;

TEST(ParseScenario, EveryShippedScenarioParses) {
  ASSERT_GE(builtin_scenarios().size(), 5u);
  for (const auto& s : builtin_scenarios()) {
    if (unrest::national::is_national_scenario(s.text)) continue;  // national_scenario_test
    EXPECT_NO_THROW(parse_scenario(s.text, s.path)) << s.path;
  }
}

TEST(ParseScenario, TableTwoOfThePaper) {
  const auto r1 = testing::run_n(1);
  EXPECT_EQ(r1.model.vision, 1.7);
  EXPECT_EQ(r1.model.legitimacy, 0.89);
  EXPECT_EQ(r1.model.max_jail_term, MaxJailTerm{15});
  EXPECT_FALSE(r1.model.citizen_movement);
  EXPECT_EQ(r1.model.cop_density, 0.04);

  const auto r2 = testing::run_n(2);
  EXPECT_EQ(r2.model.vision, 7.0);
  EXPECT_EQ(r2.model.legitimacy, 0.82);
  EXPECT_EQ(r2.model.max_jail_term, MaxJailTerm{30});
  EXPECT_TRUE(r2.model.citizen_movement);
  EXPECT_EQ(r2.model.width, 40);
  EXPECT_EQ(r2.model.citizen_density, 0.7);

  const auto r3 = testing::run_n(3);
  EXPECT_EQ(r3.model.cop_density, 0.074);
  EXPECT_FALSE(r3.model.max_jail_term.has_value());
  ASSERT_EQ(r3.schedule.size(), 1u);
  EXPECT_EQ(r3.schedule[0].action, ScheduleAction::change_legitimacy);
  EXPECT_EQ(r3.schedule[0].tick, 77);
  EXPECT_EQ(r3.schedule[0].every, 1);
  EXPECT_EQ(r3.schedule[0].times, std::optional<std::int64_t>{70});

  const auto r4 = testing::run_n(4);
  ASSERT_EQ(r4.schedule.size(), 1u);
  EXPECT_EQ(r4.schedule[0].action, ScheduleAction::set_legitimacy);
  EXPECT_EQ(r4.schedule[0].value, 0.7);
  EXPECT_EQ(r4.schedule[0].times, std::optional<std::int64_t>{1});

  const auto r5 = testing::run_n(5);
  ASSERT_EQ(r5.schedule.size(), 1u);
  EXPECT_EQ(r5.schedule[0].action, ScheduleAction::remove_cops);
  EXPECT_FALSE(r5.schedule[0].times.has_value());
}

TEST(ParseScenario, NetlogoPresetIsTheDefault) {
  const auto s = parse_scenario("[scenario]\n[model]\nwidth = 40\nheight = 40\n", "x.toml");
  EXPECT_EQ(s.preset, "netlogo");
  EXPECT_EQ(s.model.options.ratio, Ratio::floor);
  EXPECT_EQ(s.model.options.vision_shape, VisionShape::disc);
  EXPECT_TRUE(s.model.options.vision_includes_own_site);
  EXPECT_EQ(s.model.options.placement, Placement::exact);
  EXPECT_EQ(s.name, "x");
}

TEST(ParseScenario, OneLineSwitchesToMesa) {
  const auto s = testing::run_n(2, {"model.preset=mesa"});
  const ClassicOptions& o = s.model.options;
  EXPECT_EQ(o.ratio, Ratio::round_half_even);
  EXPECT_EQ(o.vision_shape, VisionShape::diamond);
  EXPECT_FALSE(o.vision_includes_own_site);
  EXPECT_EQ(o.activation_order, ActivationOrder::act_then_move);
  EXPECT_EQ(o.cop_after_arrest, CopAfterArrest::stay);
  EXPECT_EQ(o.jail_term_range, JailTermRange::inclusive);
  EXPECT_TRUE(o.jailed_block_site);
  EXPECT_EQ(o.jail_countdown, JailCountdown::own_activation);
  EXPECT_EQ(o.placement, Placement::bernoulli);
  EXPECT_EQ(o.movement_off_freezes, MovementOffFreezes::all);
}

TEST(ParseScenario, ExplicitOptionsOverrideThePreset) {
  const auto s =
      testing::run_n(2, {"model.preset=mesa", "model.ratio=literal", "model.vision_shape=cross"});
  EXPECT_EQ(s.model.options.ratio, Ratio::literal);
  EXPECT_EQ(s.model.options.vision_shape, VisionShape::cross);
  EXPECT_TRUE(s.model.options.jailed_block_site);  // still mesa
}

TEST(ParseScenario, SetOverridesAnyKeyWithTypedValues) {
  const auto s =
      testing::run_n(2, {"model.legitimacy=0.75", "run.seed=99", "model.citizen_movement=false",
                         "model.max_jail_term=infinite", "scenario.name=\"renamed\""});
  EXPECT_EQ(s.model.legitimacy, 0.75);
  EXPECT_EQ(s.run.seed, 99u);
  EXPECT_FALSE(s.model.citizen_movement);
  EXPECT_FALSE(s.model.max_jail_term.has_value());
  EXPECT_EQ(s.name, "renamed");
}

TEST(ParseScenario, SetCanClearTheSchedule) {
  EXPECT_TRUE(testing::run_n(5, {"schedule=[]"}).schedule.empty());
}

}  // namespace
}  // namespace unrest::scenario
