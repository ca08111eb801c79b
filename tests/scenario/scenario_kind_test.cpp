#include "unrest/scenario/scenario_kind.hpp"

#include <gtest/gtest.h>

#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/parse_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::scenario {
namespace {

std::string error_of(auto&& f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ScenarioKind, TheKeySaysWhichModelAndOldFilesAreSniffed) {
  EXPECT_EQ(scenario_kind("[scenario]\nkind = \"national\"\n", "a.toml"), ScenarioKind::national);
  EXPECT_EQ(scenario_kind("[scenario]\nkind = \"classic\"\n[[place]]\nid = \"x\"\n", "a.toml"),
            ScenarioKind::classic);
  EXPECT_EQ(scenario_kind("[[place]]\nid = \"x\"\n", "a.toml"), ScenarioKind::national);
  EXPECT_EQ(scenario_kind("[model]\nwidth = 40\n", "a.toml"), ScenarioKind::classic);
  EXPECT_EQ(error_of([] { scenario_kind("[scenario]\n\nkind = \"global\"\n", "a.toml"); }),
            "a.toml:3: scenario.kind: must be one of classic, national");
  EXPECT_NE(error_of([] {
              scenario_kind("[scenario\nkind = 1\n", "a.toml");
            }).find("a.toml:1: malformed TOML"),
            std::string::npos);
}

TEST(ScenarioKind, EveryShippedScenarioSaysItsKindAndEachParserRefusesTheOther) {
  for (const auto& builtin : builtin_scenarios()) {
    EXPECT_NE(builtin.text.find("kind = \""), std::string::npos) << builtin.path;
  }
  const std::string classic = "[scenario]\nkind = \"classic\"\n";
  EXPECT_EQ(
      error_of([&] { national::parse_national_scenario(classic, "c.toml"); }),
      "c.toml:2: scenario.kind: is \"classic\", but this file is read as a national scenario");
  const std::string national = "[scenario]\nkind = \"national\"\n";
  EXPECT_EQ(
      error_of([&] { parse_scenario(national, "n.toml"); }),
      "n.toml:2: scenario.kind: is \"national\", but this file is read as a classic scenario");
  EXPECT_EQ(parse_scenario(classic, "c.toml").name, "c");
  // An empty (or truncated) file is an error, not a run of the defaults.
  EXPECT_EQ(error_of([&] {
              parse_scenario("", "e.toml");
            }).rfind("e.toml:1: scenario: a scenario file needs a [scenario] table", 0),
            0u);
  EXPECT_EQ(error_of([&] {
              parse_scenario("# nothing\n[model]\nwidth = 40\n", "e.toml");
            }).find("needs a [scenario] table") != std::string::npos,
            true);
}

}  // namespace
}  // namespace unrest::scenario
