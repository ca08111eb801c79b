// Every kind of bad scenario input gets a ScenarioError naming the file, the line and the key.
#include <gtest/gtest.h>

#include "test_scenarios.hpp"
#include "unrest/scenario/parse_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::scenario {
namespace {

constexpr const char* kGood = R"([scenario]
name = "t"

[run]
ticks = 10
seed = 1

[model]
width = 40
height = 40
citizen_density = 0.7
cop_density = 0.04
vision = 7
legitimacy = 0.8
max_jail_term = 30
)";

// Replaces the line starting with `key =` in kGood by `replacement`.
std::string with_line(const std::string& key, const std::string& replacement) {
  std::string text = kGood;
  const auto at = text.find("\n" + key + " =");
  EXPECT_NE(at, std::string::npos) << key;
  const auto end = text.find('\n', at + 1);
  return text.substr(0, at + 1) + replacement + text.substr(end);
}

ScenarioError error_of(const std::string& text, const std::vector<std::string>& sets = {}) {
  try {
    parse_scenario(text, "bad.toml", sets);
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return ScenarioError("", 0, "", "");
}

TEST(BadInput, TheGoodTextIsGood) { EXPECT_NO_THROW(parse_scenario(kGood, "good.toml")); }

TEST(BadInput, MalformedTomlNamesFileAndLine) {
  const auto e = error_of(with_line("vision", "vision = = 7"));
  EXPECT_EQ(e.file(), "bad.toml");
  EXPECT_EQ(e.line(), 13);
  EXPECT_NE(std::string(e.what()).find("malformed TOML"), std::string::npos);
}

TEST(BadInput, UnknownKeySuggestsTheNearestValidOne) {
  const auto e = error_of(std::string(kGood) + "visoin = 3\n");
  EXPECT_EQ(e.key(), "model.visoin");
  EXPECT_EQ(e.line(), 16);
  EXPECT_NE(e.message().find("did you mean 'model.vision'"), std::string::npos) << e.what();
}

TEST(BadInput, UnknownTableIsReported) {
  const auto e = error_of(std::string(kGood) + "[analysys]\noutburst_threshold = 3\n");
  EXPECT_EQ(e.key(), "analysys");
  EXPECT_NE(e.message().find("did you mean 'analysis'"), std::string::npos) << e.what();
}

TEST(BadInput, WrongTypes) {
  auto e = error_of(with_line("vision", "vision = \"seven\""));
  EXPECT_EQ(e.key(), "model.vision");
  EXPECT_EQ(e.line(), 13);
  EXPECT_NE(e.message().find("expected a number, got a string"), std::string::npos);
  e = error_of(with_line("width", "width = 40.5"));
  EXPECT_EQ(e.key(), "model.width");
  EXPECT_NE(e.message().find("expected an integer"), std::string::npos);
  e = error_of(with_line("ticks", "ticks = true"));
  EXPECT_EQ(e.key(), "run.ticks");
}

struct RangeCase {
  std::string key;
  std::string line;
  std::string reported_key;
};

TEST(BadInput, OutOfRangeValues) {
  const std::vector<RangeCase> cases = {
      {"citizen_density", "citizen_density = 1.2", "model.citizen_density"},
      {"citizen_density", "citizen_density = -0.1", "model.citizen_density"},
      {"cop_density", "cop_density = 0.5", "model.cop_density"},  // 0.7 + 0.5 > 1
      {"vision", "vision = 0", "model.vision"},
      {"vision", "vision = -2", "model.vision"},
      {"max_jail_term", "max_jail_term = -3", "model.max_jail_term"},
      {"max_jail_term", "max_jail_term = \"forever\"", "model.max_jail_term"},
      {"legitimacy", "legitimacy = 1.5", "model.legitimacy"},
      {"legitimacy", "legitimacy = -0.5", "model.legitimacy"},
      {"ticks", "ticks = 0", "run.ticks"},
      {"ticks", "ticks = -5", "run.ticks"},
      {"seed", "seed = -1", "run.seed"},
      {"width", "width = 10", "model.width"},  // too narrow for vision 7
  };
  for (const auto& c : cases) {
    const auto e = error_of(with_line(c.key, c.line));
    EXPECT_EQ(e.key(), c.reported_key) << c.line << ": " << e.what();
    EXPECT_EQ(e.file(), "bad.toml") << c.line;
    EXPECT_GT(e.line(), 0) << c.line;
  }
}

TEST(BadInput, DensitiesSummingPastOneNameBoth) {
  const auto e = error_of(with_line("cop_density", "cop_density = 0.31"));
  EXPECT_NE(e.message().find("citizen_density + cop_density must be <= 1"), std::string::npos)
      << e.what();
}

TEST(BadInput, BadEnumValueListsTheChoices) {
  const auto e = error_of(kGood, {"model.ratio=flor"});
  EXPECT_EQ(e.key(), "model.ratio");
  EXPECT_EQ(e.file(), "--set model.ratio=flor");
  EXPECT_NE(e.message().find("floor, round_half_even, literal"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("did you mean \"floor\""), std::string::npos) << e.what();
}

TEST(BadInput, BadOverrides) {
  EXPECT_EQ(error_of(kGood, {"model.visoin=3"}).key(), "model.visoin");
  EXPECT_EQ(error_of(kGood, {"model.vision=-1"}).file(), "--set model.vision=-1");
  EXPECT_NE(std::string(error_of(kGood, {"novalue"}).what()).find("expected key=value"),
            std::string::npos);
  EXPECT_EQ(error_of(kGood, {"model.width.x=3"}).key(), "model.width");
}

TEST(BadInput, ScheduleEntries) {
  const std::string base = std::string(kGood) + "\n[[schedule]]\n";
  EXPECT_EQ(error_of(base + "tick = 3\nset_legitimacy = 0.5\n").key(), "schedule[0].id");
  EXPECT_EQ(error_of(base + "id = \"a\"\ntick = 0\nset_legitimacy = 0.5\n").key(),
            "schedule[0].tick");
  EXPECT_EQ(error_of(base + "id = \"a\"\ntick = 3\nset_legitimacy = 1.5\n").key(),
            "schedule[0].set_legitimacy");
  EXPECT_EQ(error_of(base + "id = \"a\"\ntick = 3\n").key(), "schedule[0].id");  // no action
  EXPECT_EQ(error_of(base + "id = \"a\"\ntick = 3\nset_legitimacy = 0.5\nremove_cops = 1\n").key(),
            "schedule[0].id");  // two actions
  EXPECT_EQ(error_of(base + "id = \"a\"\ntick = 3\nremove_cops = 0\n").key(),
            "schedule[0].remove_cops");
  EXPECT_EQ(error_of(base + "id = \"a\"\ntick = 3\nset_legitimcy = 0.5\n").key(),
            "schedule[0].set_legitimcy");
  const auto dup = error_of(
      base +
      "id = \"a\"\ntick = 3\nadd_cops = 1\n[[schedule]]\nid = \"a\"\ntick = 4\nadd_cops = 1\n");
  EXPECT_NE(dup.message().find("duplicate id"), std::string::npos);
}

TEST(BadInput, MissingFile) {
  try {
    load_scenario_file("/nonexistent/scenario.toml");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "/nonexistent/scenario.toml");
    EXPECT_NE(e.message().find("cannot open"), std::string::npos);
  }
}

}  // namespace
}  // namespace unrest::scenario
