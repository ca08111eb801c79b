// The table of the keys that are not behaviour ([run], [report], [[place]], [[event]],
// [[target]], [[check]], ...): it covers every key of the shipped scenario, and the parser
// checks each declared range, so what `unrest scenarios --keys` says is what is enforced.
#include "unrest/scenario/national_inputs.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <set>
#include <stdexcept>

#include "scenario/small_scenario.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/national_parameters.hpp"

namespace unrest::national {
namespace {

TEST(Inputs, KeysAreUniqueDescribedAndFound) {
  std::set<std::string> seen;
  for (const InputKey& k : input_keys()) {
    EXPECT_TRUE(seen.insert(k.heading()).second) << k.heading();
    EXPECT_FALSE(k.meaning.empty()) << k.heading();
    EXPECT_EQ(&input_key(k.table, k.key), &k);
  }
  EXPECT_THROW(input_key("place", "no_such_key"), std::logic_error);
}

// Every key the shipped default scenario writes is declared, as behaviour or as input.
TEST(Inputs, CoverEveryKeyOfTheShippedScenario) {
  const auto builtin = scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  ASSERT_TRUE(builtin);
  const toml::table root = toml::parse(builtin->text);
  auto declared = [](std::string_view table, std::string_view key) {
    for (const auto& k : input_keys()) {
      if (k.table == table && k.key == key) return true;
    }
    return find_parameter(fmt::format("{}.{}", table, key)) != nullptr;
  };
  int checked = 0;
  auto check_table = [&](std::string_view name, const toml::table& t) {
    for (const auto& [key, value] : t) {
      EXPECT_TRUE(declared(name, key.str())) << name << "." << key.str();
      ++checked;
    }
  };
  for (const auto& [name, node] : root) {
    const std::string section(name.str());
    if (const auto* array = node.as_array()) {
      for (const auto& entry : *array) check_table(section, *entry.as_table());
    } else if (section == "mechanisms") {
      for (const auto& [mechanism, t] : *node.as_table()) {
        check_table(fmt::format("mechanisms.{}", mechanism.str()), *t.as_table());
      }
    } else {
      check_table(section, *node.as_table());
    }
  }
  EXPECT_GT(checked, 300);  // the file has many places, events and targets
}

// Each declared numeric range of [run], [report], [[place]] and a price shock's keys is
// enforced with the declared bounds in the message: just above `high` is refused, `high` itself
// accepted (where the other keys allow it).
TEST(Inputs, TheParserEnforcesEveryDeclaredRange) {
  const std::map<std::string_view, std::string> prefix = {
      {"run", "run."}, {"report", "report."}, {"place", "place.aktau."}, {"event", "event.shock."}};
  const std::set<std::string_view> price_shock_keys = {"size", "ramp_hours", "utc_offset"};
  int checked = 0;
  for (const InputKey& k : input_keys()) {
    if (!(k.low < k.high) || !prefix.count(k.table)) continue;
    if (k.table == "event" && !price_shock_keys.count(k.key)) continue;
    const bool integer = k.type == "integer";
    const std::string above = integer ? fmt::format("{}", static_cast<long long>(k.high) + 1)
                                      : fmt::format("{}", k.high * 1.5 + 1.0);
    const std::string key = prefix.at(k.table) + std::string(k.key);
    const std::string error = testing::national_error_of(testing::kSmallScenario, "s.toml",
                                                         {fmt::format("{}={}", key, above)});
    const std::string range =
        integer ? fmt::format("must be in [{}, {}]", static_cast<long long>(k.low),
                              static_cast<long long>(k.high))
                : fmt::format("must be in [{}, {}]", k.low, k.high);
    EXPECT_NE(error.find(range), std::string::npos) << key << ": " << error;
    ++checked;
  }
  EXPECT_GE(checked, 14);
}

TEST(Inputs, RequiredKeysAreRequired) {
  std::string text = testing::kSmallScenario;
  text.erase(text.find("lat = 43.65\n"), std::string("lat = 43.65\n").size());
  EXPECT_EQ(testing::national_error_of(text, "s.toml"), "s.toml:8: place[0].lat: is required");
  EXPECT_TRUE(input_key("place", "lat").required);
  EXPECT_FALSE(input_key("place", "exposure").required);
}

}  // namespace
}  // namespace unrest::national
