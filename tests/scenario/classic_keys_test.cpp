// The table of classic keys: it covers every key of the shipped classic scenarios, and the
// parser enforces each declared range, so `unrest scenarios --keys` says what is checked.
#include "unrest/scenario/classic_keys.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <set>
#include <stdexcept>

#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::scenario {
namespace {

TEST(ClassicKeys, AreUniqueDescribedAndFound) {
  std::set<std::string> seen;
  for (const auto& k : classic_keys()) {
    EXPECT_TRUE(seen.insert(k.heading()).second) << k.heading();
    EXPECT_FALSE(k.meaning.empty()) << k.heading();
    EXPECT_EQ(&classic_key(k.table, k.key), &k);
  }
  EXPECT_THROW(classic_key("model", "no_such_key"), std::logic_error);
}

TEST(ClassicKeys, CoverEveryKeyOfTheShippedClassicScenarios) {
  int files = 0;
  for (const auto& builtin : builtin_scenarios()) {
    if (builtin.path.find("epstein-2002") == std::string::npos) continue;
    ++files;
    const toml::table root = toml::parse(builtin.text);
    for (const auto& [name, node] : root) {
      auto check = [&](const toml::table& t) {
        for (const auto& [key, value] : t) {
          EXPECT_NO_THROW(classic_key(name.str(), key.str()))
              << builtin.path << ": " << name.str() << "." << key.str();
        }
      };
      if (const auto* array = node.as_array()) {
        for (const auto& entry : *array) check(*entry.as_table());
      } else {
        check(*node.as_table());
      }
    }
  }
  EXPECT_EQ(files, 5);
}

// Just above each declared upper bound (or below the lower one where there is none above) is
// refused with the declared range in the message.
TEST(ClassicKeys, TheParserEnforcesEveryDeclaredRange) {
  const auto run2 = find_builtin("scenarios/epstein-2002/run2.toml");
  ASSERT_TRUE(run2);
  int checked = 0;
  for (const auto& k : classic_keys()) {
    if (!(k.low < k.high) || k.table == "schedule") continue;
    const bool integer = k.type == "integer";
    const bool upper = k.high < kUnbounded;
    const double bad = upper ? k.high + 1 : k.low - 1;
    const std::string value =
        integer ? fmt::format("{}", static_cast<long long>(bad)) : fmt::format("{}", bad);
    const std::string range = upper ? fmt::format("must be in [{}, {}]", k.low, k.high)
                                    : fmt::format("must be >= {}", k.low);
    try {
      parse_scenario(run2->text, "run2.toml", {fmt::format("{}.{}={}", k.table, k.key, value)});
      ADD_FAILURE() << k.heading() << " = " << value << " accepted";
    } catch (const ScenarioError& e) {
      EXPECT_NE(std::string(e.what()).find(range), std::string::npos) << e.what();
    }
    ++checked;
  }
  EXPECT_GE(checked, 9);
  // And a schedule entry's bounds.
  const std::string base = run2->text + "\n[[schedule]]\nid = \"x\"\ntick = 0\nadd_cops = 1\n";
  try {
    parse_scenario(base, "s.toml");
    ADD_FAILURE() << "tick 0 accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("schedule[0].tick: must be >= 1 (got 0)"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace unrest::scenario
