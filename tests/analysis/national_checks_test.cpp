// The checks of a national run measure what they say: each kind passes on a run that shows it
// and fails on one that does not. Two places, one hit by a large price shock and one not.
#include <gtest/gtest.h>

#include <map>

#include "unrest/analysis/national_analysis.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"

namespace unrest::national {
namespace {

const std::string kTwoPlaces = R"([scenario]
kind = "national"

[run]
start = 2022-01-01
end = 2022-01-03
seed = 3

[report]
protest_people = 50
riot_people = 20

[rules]
hardship_max = 0.15
legitimacy = 0.5

[mechanisms.news]
enabled = false

[mechanisms.day_night]
enabled = false

[[place]]
id = "hot"
population = 5000
police = 20
lat = 43.65
lon = 51.17
exposure = 1.0

[[place]]
id = "calm"
population = 5000
police = 20
lat = 51.17
lon = 71.45
exposure = 0.0

[[event]]
id = "shock"
kind = "price_shock"
at = 2022-01-02T00:00:00
where = "national"
size = 0.5
)";

std::map<std::string, CheckResult> checks_of(const std::string& checks) {
  static std::vector<std::unique_ptr<NationalEngine>> kept;  // results point into the scenario
  kept.push_back(run_national(parse_national_scenario(kTwoPlaces + checks, "two.toml")));
  std::map<std::string, CheckResult> out;
  for (const auto& c : evaluate_checks(*kept.back())) out[c.check->id] = c;
  return out;
}

std::string check(const std::string& id, const std::string& kind, const std::string& body) {
  return "\n[[check]]\nid = \"" + id + "\"\nkind = \"" + kind + "\"\n" + body;
}

TEST(NationalChecks, PlacesProtestingCountsThePlacesAtTheThresholdThatDay) {
  const auto r =
      checks_of(check("one-on-2nd", "places_protesting", "on = 2022-01-02\nlow = 1\nhigh = 1\n") +
                check("two-on-2nd", "places_protesting", "on = 2022-01-02\nlow = 2\nhigh = 2\n") +
                check("none-on-1st", "places_protesting", "on = 2022-01-01\nlow = 0\nhigh = 0\n") +
                check("huge-crowds", "places_protesting",
                      "on = 2022-01-02\nlow = 1\nhigh = 2\npeople = 1e6\n"));
  EXPECT_TRUE(r.at("one-on-2nd").pass) << r.at("one-on-2nd").detail;
  EXPECT_FALSE(r.at("two-on-2nd").pass);
  EXPECT_TRUE(r.at("none-on-1st").pass) << r.at("none-on-1st").detail;
  EXPECT_FALSE(r.at("huge-crowds").pass);
  EXPECT_NE(r.at("one-on-2nd").detail.find(": hot"), std::string::npos)
      << r.at("one-on-2nd").detail;
  // The number it bounds, for a calibration to aim at.
  EXPECT_EQ(r.at("one-on-2nd").measured, 1.0);
  EXPECT_EQ(r.at("none-on-1st").measured, 0.0);
}

TEST(NationalChecks, ProtestWithoutRiotNeedsTheProtestAndNoRiot) {
  // With 20 police against thousands the hot place riots; with riot escalation off it cannot.
  const std::string body = check("hot-peaceful", "protest_without_riot",
                                 "where = \"hot\"\nfrom = 2022-01-02\nto = 2022-01-03\n") +
                           check("calm-peaceful", "protest_without_riot",
                                 "where = \"calm\"\nfrom = 2022-01-02\nto = 2022-01-03\n");
  const auto rioting = checks_of(body);
  EXPECT_FALSE(rioting.at("hot-peaceful").pass) << rioting.at("hot-peaceful").detail;
  EXPECT_FALSE(rioting.at("calm-peaceful").pass);  // no protest at all
  const auto peaceful = checks_of("\n[mechanisms.riot]\nenabled = false\n" + body);
  EXPECT_TRUE(peaceful.at("hot-peaceful").pass) << peaceful.at("hot-peaceful").detail;
}

TEST(NationalChecks, ViolenceInCountsThePlacesThatRiotedInTheWindow) {
  const auto r = checks_of(
      check("one-of-two", "violence_in",
            "where = [\"hot\", \"calm\"]\nat_least = 1\nfrom = 2022-01-02\nto = 2022-01-03\n") +
      check("both", "violence_in",
            "where = [\"hot\", \"calm\"]\nfrom = 2022-01-02\nto = 2022-01-03\n") +
      check("before-the-shock", "violence_in",
            "where = [\"hot\"]\nfrom = 2022-01-01\nto = 2022-01-01\n"));
  EXPECT_TRUE(r.at("one-of-two").pass) << r.at("one-of-two").detail;
  EXPECT_FALSE(r.at("both").pass);
  EXPECT_FALSE(r.at("before-the-shock").pass);
}

TEST(NationalChecks, PeakActiveBetweenLooksOnlyAtItsWindowWhenGiven) {
  const auto r = checks_of(check("whole-run", "peak_active_between", "low = 50\nhigh = 1e9\n") +
                           check("first-day", "peak_active_between",
                                 "from = 2022-01-01\nto = 2022-01-01\nlow = 50\nhigh = 1e9\n"));
  EXPECT_TRUE(r.at("whole-run").pass) << r.at("whole-run").detail;
  EXPECT_FALSE(r.at("first-day").pass) << r.at("first-day").detail;
  ASSERT_TRUE(r.at("whole-run").measured);
  EXPECT_GE(*r.at("whole-run").measured, 50.0);
  EXPECT_LT(*r.at("first-day").measured, 50.0);
}

TEST(NationalChecks, QuietInFailsWhereAndWhenThePlaceProtests) {
  const auto r = checks_of(
      check("hot-before-the-shock", "quiet_in",
            "where = \"hot\"\nfrom = 2022-01-01\nto = 2022-01-01\n") +
      check("hot-after-the-shock", "quiet_in",
            "where = \"hot\"\nfrom = 2022-01-02\nto = 2022-01-03\n") +
      check("calm-after-the-shock", "quiet_in",
            "where = \"calm\"\nfrom = 2022-01-02\nto = 2022-01-03\n") +
      check("hot-by-a-huge-crowd", "quiet_in",
            "where = \"hot\"\nfrom = 2022-01-02\nto = 2022-01-03\npeople = 1e6\n") +
      check("after-the-run", "quiet_in", "where = \"calm\"\nfrom = 2022-01-03\nto = 2022-01-04\n"));
  EXPECT_TRUE(r.at("hot-before-the-shock").pass) << r.at("hot-before-the-shock").detail;
  EXPECT_FALSE(r.at("hot-after-the-shock").pass) << r.at("hot-after-the-shock").detail;
  EXPECT_TRUE(r.at("calm-after-the-shock").pass) << r.at("calm-after-the-shock").detail;
  EXPECT_TRUE(r.at("hot-by-a-huge-crowd").pass) << r.at("hot-by-a-huge-crowd").detail;
  // A window the run does not reach is not passed as quiet.
  EXPECT_FALSE(r.at("after-the-run").pass) << r.at("after-the-run").detail;
}

}  // namespace
}  // namespace unrest::national
