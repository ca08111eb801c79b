// The table of behaviour parameters: the parser reads every entry, checks its range, and writes
// it back in the manifest under the same key.
#include "unrest/scenario/national_parameters.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>

#include "scenario/small_scenario.hpp"
#include "unrest/io/national_outputs.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::national {
namespace {

const std::string& kPlace = unrest::testing::kSmallScenario;

std::string error_of(const std::vector<std::string>& sets) {
  return unrest::testing::national_error_of(kPlace, "s.toml", sets);
}

TEST(Parameters, KeysAreUniqueAndFoundByTheirFullKey) {
  std::set<std::string> keys;
  for (const Parameter& p : parameters()) {
    EXPECT_TRUE(keys.insert(p.full_key()).second) << p.full_key();
    EXPECT_EQ(find_parameter(p.full_key()), &p);
    EXPECT_FALSE(p.meaning.empty()) << p.full_key();
  }
  EXPECT_EQ(find_parameter("rules.no_such_key"), nullptr);
  EXPECT_EQ(find_parameter("rules"), nullptr);
}

// A value just inside and just outside each numeric range, through --set.
TEST(Parameters, EveryNumericKeyIsReadAndRangeChecked) {
  for (const Parameter& p : parameters()) {
    const std::string type = p.type_text();
    if (type != "number" && type != "integer") continue;
    const std::string inside =
        type == "number" ? fmt::format("{}", p.high) : fmt::format("{}", static_cast<long>(p.high));
    // min_hours must stay <= max_hours, hardship_min <= hardship_max: set the partner too.
    std::vector<std::string> sets = {p.full_key() + "=" + inside};
    if (p.key == "min_hours") sets.push_back("mechanisms.jail.max_hours=1000000");
    if (p.key == "hardship_min") sets.push_back("rules.hardship_max=1.0");
    if (p.section == "mechanisms.riot" && p.key.find("cop_per_hour") != std::string_view::npos) {
      sets.clear();  // their sum must stay <= 1: 1.0 alone is fine
      sets.push_back(p.full_key() + "=1.0");
    }
    if (p.section == "mechanisms.lethal_force" &&
        p.key.find("probability") != std::string_view::npos) {
      sets = {p.full_key() + "=1.0"};
    }
    auto s = parse_national_scenario(kPlace, "s.toml", sets);
    const ParameterField got = p.field(s);
    const double value = std::visit([](auto* f) { return static_cast<double>(*f); }, got);
    EXPECT_EQ(value, type == "number" ? p.high : static_cast<double>(static_cast<long>(p.high)))
        << p.full_key();
    const std::string outside = fmt::format("{}", p.high + (type == "number" ? p.high + 1 : 1));
    const std::string error = error_of({p.full_key() + "=" + outside});
    EXPECT_NE(error.find(p.full_key()), std::string::npos) << p.full_key() << ": " << error;
    EXPECT_NE(error.find("must be in"), std::string::npos) << p.full_key() << ": " << error;
  }
}

TEST(Parameters, TheManifestWritesEveryKeyAndItsSpellingReadsBack) {
  const auto s = parse_national_scenario(kPlace, "s.toml", {"rules.ratio=\"round\""});
  EXPECT_EQ(s.rules.ratio, model::Ratio::round_half_even);
  const auto manifest = io::national_scenario_json(s);
  for (const Parameter& p : parameters()) {
    const nlohmann::json* at = &manifest;
    std::string section(p.section);
    for (std::size_t start = 0;;) {
      const std::size_t dot = section.find('.', start);
      at = &at->at(section.substr(start, dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    EXPECT_TRUE(at->contains(std::string(p.key))) << p.full_key();
  }
  // The manifest's spelling of the ratio is one the parser reads.
  const std::string written = manifest["rules"]["ratio"];
  EXPECT_EQ(written, "round_half_even");
  EXPECT_EQ(
      parse_national_scenario(kPlace, "s.toml", {"rules.ratio=\"" + written + "\""}).rules.ratio,
      model::Ratio::round_half_even);
}

}  // namespace
}  // namespace unrest::national
