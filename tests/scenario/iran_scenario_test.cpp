// The second event, Iran 2019 (scenarios/iran-2019.toml): it validates, reads like the story,
// shares every behaviour value with Kazakhstan, and at a small scale with a fixed seed shows the
// shapes the facts are solid on, or is marked as failing them (docs/MODEL-CARD.md, "Iran 2019").
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <variant>

#include "unrest/run_national.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/national_parameters.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"

namespace unrest::national {
namespace {

NationalScenario shipped(const char* path, const std::vector<std::string>& sets = {}) {
  const auto builtin = scenario::find_builtin(path);
  EXPECT_TRUE(builtin) << path;
  return parse_national_scenario(builtin->text, builtin->path, sets);
}

NationalScenario iran(const std::vector<std::string>& sets = {}) {
  return shipped("scenarios/iran-2019.toml", sets);
}

// A shape the facts show and the model does not. The test measures it on every run; while it
// fails it reports itself skipped with the reason, and the day it holds it fails, so that the
// mark and the model card are brought up to date.
void known_failure(bool holds, const std::string& reason) {
  if (holds) FAIL() << "this known failure now holds: remove the mark and update the model card";
  GTEST_SKIP() << "known failure: " << reason;
}

TEST(Iran, ReadsLikeTheStory) {
  const auto s = iran();
  ASSERT_EQ(s.places.size(), 31u);
  double people = 0, police = 0;
  for (const auto& p : s.places) {
    people += p.population;
    police += p.police;
    EXPECT_EQ(p.utc_offset, 3.5) << p.id;
    EXPECT_TRUE(p.vehicles_on("petrol").has_value()) << p.id;
  }
  EXPECT_EQ(people, 79'926'270);  // the 2016 census total
  EXPECT_NEAR(police / people * 1e5, 375.3, 0.1);
  EXPECT_EQ(s.map_country, "IRN");
  EXPECT_EQ(s.utc_offset, 3.5);
  const auto rise = std::find_if(s.events.begin(), s.events.end(),
                                 [](const Event& e) { return e.id == "petrol-price-rise"; });
  ASSERT_NE(rise, s.events.end());
  EXPECT_EQ(rise->fuel, "petrol");
  EXPECT_DOUBLE_EQ(rise->value, 0.5);  // 10,000 -> 15,000 rial
  // No concession and no curfew: the facts have neither.
  for (const auto& e : s.events) {
    if (!e.enabled) continue;
    EXPECT_NE(e.kind, EventKind::concession) << e.id;
    EXPECT_NE(e.kind, EventKind::emergency) << e.id;
  }
}

TEST(Iran, InheritsEveryBehaviourValueFromTheSharedFile) {
  auto ir = iran();
  auto kz = shipped("scenarios/kazakhstan-2022.toml");
  int compared = 0;
  for (const Parameter& p : parameters()) {
    std::visit(
        [&](auto* a) {
          auto* b = std::get<std::remove_pointer_t<decltype(a)>*>(p.field(kz));
          EXPECT_EQ(*a, *b) << p.full_key();
        },
        p.field(ir));
    ++compared;
  }
  EXPECT_GT(compared, 60);
  // ... and a change to one value reaches only the run it is set for.
  EXPECT_NE(iran({"rules.arrest_rate=0.001"}).rules.arrest_rate, kz.rules.arrest_rate);
}

// One run at scale 0.01 (800,000 agents), seed 1, shared by the shape tests.
class IranRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    engine_ = run_national(iran({"run.scale=0.01", "run.threads=2"})).release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  // Day k of the event (D0 = 15 November) ends at this tick (the run starts on 12 November).
  static std::size_t end_of_day(int k) { return static_cast<std::size_t>(72 + 24 * (k + 1) - 1); }
  static double people(double agents) { return agents / engine_->scenario().scale; }
  static double killed_by(std::size_t tick) {
    double sum = 0;
    for (const auto& r : engine_->records()[tick])
      sum += static_cast<double>(r.counts.citizens_killed);
    return people(sum);
  }
  static NationalEngine* engine_;
};
NationalEngine* IranRun::engine_ = nullptr;

TEST_F(IranRun, ProtestsReachAtLeastTwentyProvincesWithinTwoDays) {
  // FACTS-IRAN 1.3: 7 provinces named on D0, at least 26 on D1. A province counts once 500
  // people are active in it in some hour of D0 or D1.
  int provinces = 0;
  for (std::size_t p = 0; p < engine_->scenario().places.size(); ++p) {
    double most = 0;
    for (std::size_t t = end_of_day(-1) + 1; t <= end_of_day(1); ++t) {
      most = std::max(most, people(engine_->records()[t][p].counts.active));
    }
    provinces += most >= 500 ? 1 : 0;
  }
  EXPECT_GE(provinces, 20);
}

TEST_F(IranRun, MostDeathsFallOnTheFirstTwoFullDays) {
  // Amnesty: more than 220 of 304 deaths (72 %) on 16-17 November (D1-D2); tolerance: at least
  // 60 % by the end of D2. Measured: about 16 % (the fear floor clears part of the crowds, but
  // deaths go on as long as the rest stay out, to the end).
  const double by_d2 = killed_by(end_of_day(2));
  const double all = killed_by(engine_->records().size() - 1);
  ASSERT_GT(all, 0.0);
  known_failure(by_d2 >= 0.6 * all,
                "deaths do not concentrate on D1-D2: the crowds are not dispersed by force, "
                "so killing goes on to the end of the run");
}

TEST_F(IranRun, StreetsEmptyByTheSixthDayWithoutAPriceReversal) {
  // The judiciary's "calm restored" on D4, the IRGC's "ended within 24-72 hours": activity on
  // D6 at most 10 % of the peak. Measured: about 64 % (killings deter through the fear floor,
  // but the least risk-averse stay out: repression deters too little to empty the streets).
  double peak = 0, d6 = 0;
  for (std::size_t t = 0; t < engine_->records().size(); ++t) {
    double a = 0;
    for (const auto& r : engine_->records()[t]) a += r.counts.active;
    peak = std::max(peak, a);
    if (t > end_of_day(5) && t <= end_of_day(6)) d6 = std::max(d6, a);
  }
  ASSERT_GT(peak, 0.0);
  known_failure(d6 <= 0.1 * peak,
                "the unrest does not end without a concession: with the Kazakhstan behaviour, "
                "fear after killings thins the crowds but only a concession empties them");
}

}  // namespace
}  // namespace unrest::national
