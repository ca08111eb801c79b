// Bad national scenarios: every error names the file, the line and the key, and suggests the
// nearest valid spelling where there is one.
#include <gtest/gtest.h>

#include "scenario/small_scenario.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::national {
namespace {

const std::string& kGood = unrest::testing::kSmallScenario;

std::string error_of(const std::string& text, const std::vector<std::string>& sets = {}) {
  return unrest::testing::national_error_of(text, "bad.toml", sets);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(BadNationalInput, TheGoodFileParses) {
  const auto s = parse_national_scenario(kGood, "good.toml");
  EXPECT_TRUE(is_national_scenario(kGood));
  EXPECT_EQ(s.ticks, 48);
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(s.events[0].tick, 6);
  EXPECT_TRUE(s.events[0].national);
}

TEST(BadNationalInput, UtcOffsetsAreQuarterHours) {
  const auto s =
      parse_national_scenario(replaced(kGood, "utc_offset = 5", "utc_offset = 3.5"), "good.toml");
  EXPECT_DOUBLE_EQ(s.places[0].utc_offset, 3.5);
  // A place that states no clock keeps the run's.
  const auto t =
      parse_national_scenario(replaced(replaced(kGood, "utc_offset = 5\n", ""), "end = 2022-01-02",
                                       "end = 2022-01-02\nutc_offset = 3.5"),
                              "good.toml");
  EXPECT_DOUBLE_EQ(t.places[0].utc_offset, 3.5);
  EXPECT_EQ(error_of(replaced(kGood, "utc_offset = 5", "utc_offset = 3.3")),
            "bad.toml:14: place[0].utc_offset: must be whole quarter hours, like 3.5 for "
            "UTC+3:30 (got 3.3)");
  EXPECT_EQ(error_of(replaced(kGood, "utc_offset = 5", "utc_offset = 15")),
            "bad.toml:14: place[0].utc_offset: must be in [-12, 14] (got 15)");
}

TEST(BadNationalInput, ErrorsNameFileLineAndKey) {
  EXPECT_EQ(error_of(replaced(kGood, "police = 10", "police = 10\nexposur = 1")),
            "bad.toml:12: place[0].exposur: unknown key; did you mean 'place[0].exposure'?");
  EXPECT_EQ(error_of(replaced(kGood, "police = 10", "polce = 10")),
            "bad.toml:8: place[0].police: is required");
  EXPECT_EQ(error_of(replaced(kGood, "police = 10", "police = 5000")),
            "bad.toml:11: place[0].police: must be in [0, population] (got 5000)");
  EXPECT_EQ(error_of(replaced(kGood, "where = \"national\"", "where = \"aktou\"")),
            "bad.toml:20: event[0].where: no place has the id \"aktou\" (did you mean \"aktau\"?)");
  EXPECT_EQ(error_of(replaced(kGood, "size = 0.2", "cut = 0.2")),
            "bad.toml:16: event[0].size: is required for kind \"price_shock\", unless the event "
            "states `fuel`, `price_before` and `price_after`");
  EXPECT_EQ(error_of(replaced(kGood, "at = 2022-01-01T06:00:00", "at = \"5 January\"")),
            "bad.toml:19: event[0].at: \"5 January\" is not a date or date-time");
  EXPECT_EQ(
      error_of(replaced(kGood, "kind = \"price_shock\"", "kind = \"price_shok\"")),
      "bad.toml:18: event[0].kind: \"price_shok\" is not one of: price_shock, concession, "
      "legitimacy, emergency, lift_emergency, internet, lethal_force, reinforcement, posture, "
      "observed (did you mean \"price_shock\"?)");
  EXPECT_EQ(error_of(replaced(kGood, "end = 2022-01-02", "end = 2021-12-01"))
                .rfind("bad.toml:6: run.end:", 0),
            0u);
  EXPECT_NE(
      error_of(
          kGood +
          "\n[[event]]\nid = \"shock\"\nkind = \"observed\"\nat = 2022-01-01\nwhere = \"aktau\"\n")
          .find("event[1].id: duplicate id \"shock\""),
      std::string::npos);
  EXPECT_EQ(error_of("[run]\nseed = 1\n"),
            "bad.toml:1: place: a national scenario needs [[place]] entries");
}

TEST(BadNationalInput, APriceEventMayStateTheFuelAndItsPrices) {
  const std::string vehicles = "police = 10\nfuel_vehicles = { lpg = 250 }";
  const std::string prices = "fuel = \"lpg\"\nprice_before = 60\nprice_after = 120";
  const std::string good = replaced(replaced(kGood, "police = 10", vehicles), "size = 0.2", prices);
  const auto s = parse_national_scenario(good, "good.toml");
  ASSERT_EQ(s.places[0].vehicles_on("lpg"), 250.0);
  EXPECT_FALSE(s.places[0].vehicles_on("petrol").has_value());
  EXPECT_EQ(s.events[0].fuel, "lpg");
  EXPECT_DOUBLE_EQ(s.events[0].value, 1.0);  // +100 %
  // A fall is no rise.
  EXPECT_EQ(parse_national_scenario(replaced(good, "price_after = 120", "price_after = 50"), "g")
                .events[0]
                .value,
            0.0);
  EXPECT_EQ(
      error_of(replaced(good, "fuel_vehicles = { lpg = 250 }", "fuel_vehicles = { lpg = 2000 }")),
      "bad.toml:12: place[0].fuel_vehicles.lpg: must be a count in [0, population = 1000] "
      "(got 2000)");
  EXPECT_EQ(error_of(replaced(good, "fuel_vehicles = { lpg = 250 }",
                              "fuel_vehicles = { lpg = \"many\" }")),
            "bad.toml:12: place[0].fuel_vehicles.lpg: expected a number, got a string");
  EXPECT_EQ(error_of(replaced(good, "fuel = \"lpg\"", "fuel = \"petrol\"")),
            "bad.toml:22: event[0].fuel: place \"aktau\" does not state its vehicles on "
            "\"petrol\" (fuel_vehicles = { petrol = COUNT })");
  EXPECT_EQ(error_of(replaced(good, "price_before = 60", "price_before = 0")),
            "bad.toml:23: event[0].price_before: must be > 0 (got 0)");
  EXPECT_EQ(error_of(replaced(good, "price_after = 120", "price_after = 120\nsize = 0.2")),
            "bad.toml:25: event[0].size: is for a dimensionless shock; this event states prices "
            "(fuel, price_before, price_after), which give the shock");
  EXPECT_EQ(error_of(replaced(good, "price_after = 120", "")),
            "bad.toml:17: event[0].price_after: is required with `fuel`");
  EXPECT_EQ(error_of(replaced(kGood, "size = 0.2", "size = 0.2\nprice_before = 60")),
            "bad.toml:22: event[0].price_before: goes with `fuel` (the fuel whose price changes)");
}

TEST(BadNationalInput, FreeParametersNeedAProperPrior) {
  const std::string free =
      "\n[[free]]\nkey = \"rules.k\"\nprior = \"log_uniform\"\nlow = 0\nhigh = 5\n";
  EXPECT_EQ(error_of(kGood + free),
            "bad.toml:26: free[0].low: must be > 0 for a log_uniform prior");
  const std::string twice = "\n[[free]]\nkey = \"rules.k\"\nlow = 1\nhigh = 5\n";
  EXPECT_NE(
      error_of(kGood + "\n[[free]]\nkey = \"rules.no_such\"\nlow = 1\nhigh = 5\n")
          .find("free[0].key: \"rules.no_such\" is not a numeric [rules] or [mechanisms.*] key"),
      std::string::npos);
  EXPECT_NE(error_of(kGood + "\n[[free]]\nkey = \"place.aktau.exposure\"\nlow = 0.1\nhigh = 1\n")
                .find("is not a numeric [rules] or [mechanisms.*] key"),
            std::string::npos);
  EXPECT_NE(error_of(kGood + "\n[[free]]\nkey = \"rules.movement\"\nlow = 0\nhigh = 1\n")
                .find("is not a numeric"),
            std::string::npos);
  EXPECT_NE(error_of(kGood + "\n[[free]]\nkey = \"rules.arrest_rate\"\nlow = 0.1\nhigh = 2\n")
                .find("free[0].high: must lie in rules.arrest_rate's range [0, 1]"),
            std::string::npos);
  EXPECT_NE(error_of(kGood + twice + twice).find("free[1].key: duplicate key \"rules.k\""),
            std::string::npos);
  EXPECT_EQ(parse_national_scenario(kGood + twice, "good.toml").free.size(), 1u);
}

TEST(BadNationalInput, OverridesReachEntriesByIdAndAreCheckedLikeTheFile) {
  EXPECT_EQ(parse_national_scenario(kGood, "good.toml", {"place.aktau.police=20"}).places[0].police,
            20);
  EXPECT_EQ(error_of(kGood, {"place.aktow.police=20"}),
            "--set place.aktow.police=20: place.aktow: no entry has this id");
  EXPECT_EQ(
      error_of(kGood, {"mechanisms.riot.ratio=-1"}),
      "--set mechanisms.riot.ratio=-1: mechanisms.riot.ratio: must be in [0, 1000000] (got -1)");
  EXPECT_EQ(error_of(kGood, {"run.scale=2"}),
            "--set run.scale=2: run.scale: must be in [1e-06, 1] (got 2)");
}

}  // namespace
}  // namespace unrest::national
