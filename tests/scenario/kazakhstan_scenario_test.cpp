// The shipped default scenario: it validates, reads like the story, and at a small scale with
// fixed seeds it meets the calibration checks; its counterfactuals run and differ as they must.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "unrest/analysis/national_analysis.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/outside_the_run.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::national {
namespace {

constexpr const char* kPath = "scenarios/kazakhstan-2022.toml";

NationalScenario kazakhstan(const std::vector<std::string>& sets = {}) {
  const auto builtin = scenario::find_builtin(kPath);
  EXPECT_TRUE(builtin);
  return parse_national_scenario(builtin->text, builtin->path, sets);
}

// The checks the calibration meets. The scenario carries more (the daily facts of FACTS 4b):
// every run reports them, and docs/MODEL-CARD.md says which the model still fails.
const std::vector<std::string> kMet = {"calm-before-shock",
                                       "mangystau-first",
                                       "almaty-within-3-days",
                                       "almaty-centre-of-violence",
                                       "peak-tens-of-thousands",
                                       "almaty-ghost-town",
                                       "peak-4-5-jan"};

// The two facts of 7 January the second calibration meets: Mangystau still protesting without
// a riot, Almaty's streets retaken. At scale 0.1 they are statistical (seeds 1-10: 9 and 7
// pass, docs/MODEL-CARD.md "Scale"); at full scale every seed but one meets both.
const std::vector<std::string> kMetOn7January = {"mangystau-peaceful", "almaty-streets-retaken"};

bool met(const CheckResult& c, const std::vector<std::string>& required = kMet) {
  return c.pass || std::find(required.begin(), required.end(), c.check->id) == required.end();
}

double national_peak(const NationalEngine& e) {
  double peak = 0;
  for (const auto& row : e.records()) {
    double a = 0;
    for (const auto& r : row) a += r.counts.active;
    peak = std::max(peak, a);
  }
  return peak / e.scenario().scale;
}

TEST(Kazakhstan, IsTheDefaultAndReadsLikeTheStory) {
  EXPECT_EQ(scenario::default_scenario().path, kPath);
  const auto s = kazakhstan();
  ASSERT_EQ(s.places.size(), 17u);
  double people = 0;
  for (const auto& p : s.places) people += p.population;
  EXPECT_EQ(people, 19'503'159);
  EXPECT_EQ(s.ticks, 16 * 24);  // 28 December to 12 January, hourly
  EXPECT_EQ(s.places[static_cast<std::size_t>(s.place_index("mangystau"))].utc_offset, 5);
  // The dated events of FACTS section 3, each with an id; the targets of section 4.
  for (const char* id : {"lpg-price-doubles", "mangystau-price-50", "emergency-almaty-mangystau",
                         "government-resigns", "internet-blackout", "csto-arrive-almaty",
                         "fuel-price-caps", "shoot-to-kill-order"}) {
    EXPECT_TRUE(std::any_of(s.events.begin(), s.events.end(), [&](const Event& e) {
      return e.id == id;
    })) << id;
  }
  ASSERT_GE(s.targets.size(), 5u);
  for (const auto& t : s.targets) EXPECT_FALSE(t.reporter.empty()) << t.id;
  EXPECT_EQ(s.counterfactuals.size(), 9u);
  // Nothing is dated outside the run, after 7 January least of all (the calibration line):
  // the default run prints no note.
  EXPECT_EQ(scenario::outside_the_run(s), std::vector<std::string>{});
}

TEST(Kazakhstan, SmallScaleRunsMeetTheCalibrationChecksForMostSeeds) {
  // Scale 0.1 (1.95 million agents), seeds 1-8. Small lattices are noisier than the full-scale
  // run (a place may fail to tip), so the claim is statistical: at least 6 of 8 seeds meet every
  // check (measured: 8 of 8). The two facts of 7 January are counted on their own: measured 7
  // of 8 (Mangystau peaceful) and 6 of 8 (Almaty retaken); the claim is at least 6 and 5.
  // Full scale: the test below.
  int all_pass = 0;
  std::map<std::string, int> passes;
  for (int seed = 1; seed <= 8; ++seed) {
    const auto e = run_national(
        kazakhstan({"run.scale=0.1", "run.threads=2", "run.seed=" + std::to_string(seed)}));
    bool ok = true;
    for (const auto& c : evaluate_checks(*e)) {
      ok = ok && met(c);
      passes[c.check->id] += c.pass ? 1 : 0;
    }
    all_pass += ok ? 1 : 0;
  }
  EXPECT_GE(all_pass, 6);
  EXPECT_GE(passes["mangystau-peaceful"], 6);
  EXPECT_GE(passes["almaty-streets-retaken"], 5);
}

TEST(Kazakhstan, WithoutThePriceShockItStaysCalm) {
  auto s = kazakhstan({"run.scale=0.05"});
  apply_counterfactual(s, "no-price-shock");
  const auto e = run_national(s);
  EXPECT_LT(national_peak(*e), 200.0);
  for (auto t : e->first_protest()) EXPECT_EQ(t, -1);
}

TEST(Kazakhstan, EveryCounterfactualRunsAndChangesTheRun) {
  // Scale 0.1: a few dozen killings are a handful of agents at smaller scales.
  const auto base = run_national(kazakhstan({"run.scale=0.1"}));
  const auto killed = [](const NationalEngine& e) {
    double k = 0;
    for (const auto& r : e.records().back()) k += r.counts.citizens_killed;
    return k;
  };
  for (const auto& c : kazakhstan().counterfactuals) {
    auto s = kazakhstan({"run.scale=0.1"});
    apply_counterfactual(s, c.id);
    const auto e = run_national(s);
    EXPECT_EQ(e->tick(), s.ticks) << c.id;
    if (c.id == "no-shoot-to-kill" || c.id == "negotiate") {
      EXPECT_EQ(killed(*e), 0.0) << c.id;
    }
    if (c.id == "early-concession") {
      EXPECT_LT(national_peak(*e), national_peak(*base));
    }
  }
  // A few dozen killings are a handful of agents at this scale (measured at 0.1: 4-7 agents in
  // each of seeds 1-10; with the previous behaviour none in half of them), so the claim is
  // over seeds 1-4.
  double killed_in_seeds = 0;
  for (int seed = 1; seed <= 4; ++seed) {
    killed_in_seeds +=
        killed(*run_national(kazakhstan({"run.scale=0.1", "run.seed=" + std::to_string(seed)})));
  }
  EXPECT_GT(killed_in_seeds, 0.0);
}

TEST(Kazakhstan, WithoutRemovesAnEventAndUnknownIdsAreNamed) {
  auto s = kazakhstan({"run.scale=0.01"});
  remove_events(s, {"csto-arrive-almaty"});
  EXPECT_FALSE(std::find_if(s.events.begin(), s.events.end(), [](const Event& e) {
                 return e.id == "csto-arrive-almaty";
               })->enabled);
  try {
    remove_events(s, {"csto-arive-almaty"});
    FAIL();
  } catch (const scenario::ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean \"csto-arrive-almaty\""), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(apply_counterfactual(s, "no-such"), scenario::ScenarioError);
}

TEST(Kazakhstan, FullScaleDefaultRunMeetsTheCalibrationConstraints) {
  // The default itself: 19.5 million agents. A claim about the model, not about one stream of
  // draws, so it is made over seeds 1-5: every check of the calibration and issue 4's numeric
  // constraints (arrests by 7 January within a factor 1.5; security forces killed and injured
  // and "armed criminals" killed within a factor 2) met in at least 4 of the 5. (Almaty's
  // streets retaken on 7 January fails in one seed of ten: docs/MODEL-CARD.md. The 6 January
  // arrests, injured people and damage are reported beside them but are not constraints.)
  auto required = kMet;
  required.insert(required.end(), kMetOn7January.begin(), kMetOn7January.end());
  const std::vector<std::string> constraints = {"detained-7-jan", "security-killed-7-jan",
                                                "security-injured-7-jan",
                                                "armed-criminals-killed-7-jan"};
  std::map<std::string, int> failed;
  for (int seed = 1; seed <= 5; ++seed) {
    const auto e = run_national(kazakhstan({"run.seed=" + std::to_string(seed)}));
    for (const auto& c : evaluate_checks(*e)) {
      if (!met(c, required)) ++failed[c.check->id];
    }
    for (const auto& t : evaluate_targets(*e)) {
      ASSERT_TRUE(t.simulated) << t.target->id;
      const bool constraint =
          std::find(constraints.begin(), constraints.end(), t.target->id) != constraints.end();
      if (constraint && !t.within) ++failed[t.target->id];
    }
  }
  for (const auto& [id, seeds] : failed)
    EXPECT_LE(seeds, 1) << id << " fails in " << seeds << " of seeds 1-5";
}

}  // namespace
}  // namespace unrest::national
