// What a scenario dates outside its run is said, not dropped silently.
#include "unrest/scenario/outside_the_run.hpp"

#include <gtest/gtest.h>

#include "scenario/small_scenario.hpp"
#include "unrest/scenario/parse_scenario.hpp"

namespace unrest::scenario {
namespace {

TEST(OutsideTheRun, EventsAndTargetsOutsideTheNationalRunAreNamed) {
  const std::string extra = R"(
[[event]]
id = "late"
kind = "concession"
at = 2022-01-05
where = "national"
cut = 1.0

[[event]]
id = "early"
kind = "observed"
at = 2021-12-01
where = "national"

[[target]]
id = "later-figure"
quantity = "arrests"
date = 2022-01-09
value = 10
)";
  const auto s = national::parse_national_scenario(testing::kSmallScenario + extra, "s.toml");
  const auto notes = outside_the_run(s);
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[0],
            "event \"late\" (2022-01-05) is after the run's end (2022-01-02): it never applies");
  EXPECT_NE(notes[1].find("\"early\" (2021-12-01) is before the run's start"), std::string::npos);
  EXPECT_NE(notes[2].find("target \"later-figure\" (2022-01-09) lies outside the run"),
            std::string::npos);
  // The small scenario's own event lies within its run.
  EXPECT_TRUE(outside_the_run(national::parse_national_scenario(testing::kSmallScenario, "s.toml"))
                  .empty());
}

TEST(OutsideTheRun, ScheduleEntriesAfterTheLastTickAreNamed) {
  const auto s = parse_scenario(
      "[scenario]\n[run]\nticks = 10\n[[schedule]]\nid = \"late\"\ntick = 11\nremove_cops = 1\n"
      "[[schedule]]\nid = \"last\"\ntick = 10\nremove_cops = 1\n",
      "c.toml");
  const auto notes = outside_the_run(s);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("\"late\" (tick 11) is after the run's last tick (10)"),
            std::string::npos);
}

}  // namespace
}  // namespace unrest::scenario
