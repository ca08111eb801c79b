// Every engine driven through the one Engine interface: step, tick, agent updates, observe.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "engine/tiny_world.hpp"
#include "test_scenarios.hpp"
#include "unrest/engine/classic_engine.hpp"
#include "unrest/engine/engine.hpp"

namespace unrest::engine {
namespace {

std::map<std::string, double> observed(const Engine& e) {
  std::map<std::string, double> out;
  e.observe([&](std::string_view q, double v) { out[std::string(q)] = v; });
  return out;
}

void drive(Engine& e, int ticks) {
  for (int t = 0; t < ticks; ++t) ASSERT_TRUE(e.step());
  EXPECT_EQ(e.tick(), ticks);
  EXPECT_GT(e.agent_updates(), 0u);
}

TEST(EngineInterface, ClassicEnginesReportTheirCountsThroughObserve) {
  for (const auto kind : {scenario::EngineKind::sequential, scenario::EngineKind::parallel}) {
    auto s = unrest::testing::run_n(2);
    s.run.engine = kind;
    const std::unique_ptr<ClassicEngine> e = make_classic_engine(s, 2);
    drive(*e, 12);
    const auto q = observed(*e);
    const TickCounts c = e->counts();
    EXPECT_EQ(q.at("active"), c.active);
    EXPECT_EQ(q.at("quiet"), c.quiet);
    EXPECT_EQ(q.at("jailed"), c.jailed);
    EXPECT_EQ(q.at("cops"), c.cops);
    EXPECT_EQ(q.at("arrests"), static_cast<double>(c.arrests));
    EXPECT_EQ(q.at("quiet") + q.at("active") + q.at("jailed"), 1120.0);  // run 2's citizens
  }
}

// A stop asked for is seen inside the tick, not at its end: the sequential engine asks every
// 4,096 agents, the parallel one before each of its phases. Here the third question says stop,
// so step() throws long before the tick's 230,000 agents (or four phases) are done.
TEST(EngineInterface, AClassicEngineStopsInsideATickWhenAsked) {
  for (const auto kind : {scenario::EngineKind::sequential, scenario::EngineKind::parallel}) {
    auto s = unrest::testing::run_n(2, {"model.width=512", "model.height=512"});
    s.run.engine = kind;
    const std::unique_ptr<ClassicEngine> e = make_classic_engine(s, 2);
    ASSERT_TRUE(e->step());
    int asked = 0;
    e->stop_when([&] { return ++asked == 3; });
    EXPECT_THROW(e->step(), RunCancelled);
    EXPECT_EQ(asked, 3);  // and not again: it did not go on after it threw
  }
  // Never asked to stop, a tick asks (sequential: once per 4,096 agents) and finishes.
  auto s = unrest::testing::run_n(2, {"model.width=512", "model.height=512"});
  s.run.engine = scenario::EngineKind::sequential;
  const std::unique_ptr<ClassicEngine> e = make_classic_engine(s, 1);
  int asked = 0;
  e->stop_when([&] {
    ++asked;
    return false;
  });
  ASSERT_TRUE(e->step());
  const auto agents = static_cast<int>(e->agent_updates());
  EXPECT_EQ(asked, (agents + 4095) / 4096);
}

TEST(EngineInterface, TheNationalEngineObservesTheNationAndStopsAtItsLastHour) {
  auto s = unrest::testing::tiny_world(2, 1120, 64);
  s.rules.legitimacy = 0.6;
  s.ticks = 6;
  national::NationalEngine national(s, 1);
  Engine& e = national;
  EXPECT_TRUE(observed(e).empty());  // nothing before the first hour
  drive(e, 6);
  EXPECT_FALSE(e.step());
  EXPECT_EQ(e.tick(), 6);
  const auto q = observed(e);
  double active = 0;
  for (const auto& r : national.records().back()) active += r.counts.active;
  EXPECT_EQ(q.at("active"), active);
  EXPECT_GT(active, 0.0);
  EXPECT_EQ(q.count("news"), 0u);  // per-place quantities are not the nation's
}

}  // namespace
}  // namespace unrest::engine
