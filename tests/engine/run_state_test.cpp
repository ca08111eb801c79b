// A national run saved between two hours and taken up by another engine: it must go on exactly
// as the run it was saved from, and a damaged state must be refused, never run or crash.
#include <gtest/gtest.h>

#include "engine/tiny_world.hpp"
#include "unrest/engine/state_codec.hpp"
#include "unrest/io/national_outputs.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::national {
namespace {

using unrest::testing::event;
using unrest::testing::run;
using unrest::testing::tiny_world;

// Every mechanism with state that lasts from hour to hour at work: protest and riot, news
// between places, jail, detentions after the fact, participants' grievance, fear after
// killings, reinforcements, closed blocks, an internet cut with its end, a curfew, and an
// event that a condition brings (pending when some of the saves are taken).
NationalScenario busy_world() {
  auto s = tiny_world(3, 1120, 16);
  s.ticks = 72;
  s.rules.hardship_max = 0.4;
  auto& m = s.mechanisms;
  m.hardship.enabled = true;
  m.legitimacy.enabled = true;
  m.news.enabled = true;
  m.news.weight = 5;
  m.day_night.enabled = true;
  m.curfew.enabled = true;
  m.riot.enabled = true;
  m.riot.damage_per_hour = 0.05;
  m.riot.injure_cop_per_hour = 0.01;
  m.lethal_force.enabled = true;
  m.reinforcements.enabled = true;
  m.activity.enabled = true;
  m.later_detentions.enabled = true;
  m.later_detentions.rate = 0.2;
  m.political.enabled = true;
  m.political.participants_only = true;
  m.political.per_protest = 1.0;
  m.political.max = 0.05;
  Event cut = event(EventKind::internet, 6, 0.2, {1, 2});
  cut.until_tick = 30;
  Event emergency = event(EventKind::emergency, 12, 0.0, {0});
  Event concede = event(EventKind::concession, kNever, 1.0, {0, 1, 2});
  concede.id = "concede";
  concede.when.emplace();
  if (parse_trigger("national.active > 150", *concede.when)) throw std::logic_error("trigger");
  concede.when->delay_hours = 5;
  s.events = {event(EventKind::price_shock, 2, 0.4, {0, 1}), cut,
              event(EventKind::reinforcement, 10, 8, {0}),   emergency,
              event(EventKind::lethal_force, 14, 0, {0}),    concede};
  return s;
}

std::string outputs(const NationalEngine& e) {
  return io::places_csv(e) + io::national_csv(e) + io::events_csv(e);
}

std::unique_ptr<NationalEngine> run_until(const NationalScenario& s, std::int64_t hours) {
  auto e = std::make_unique<NationalEngine>(s, 1);
  while (e->tick() < hours && e->step()) {
  }
  return e;
}

TEST(RunState, ARunTakenUpFromItsSavedStateGoesOnByteForByte) {
  const auto s = busy_world();
  const auto whole = run(s);
  // The run must have had something to save: protest, arrests, a killing or an injury, and
  // the triggered concession.
  ASSERT_GT(whole->records()[20][0].counts.arrests, 0u);
  bool conceded = false;
  for (const auto& l : whole->log()) conceded |= l.id == "concede" && l.kind == "event";
  ASSERT_TRUE(conceded);
  const std::string expected = outputs(*whole);
  for (const std::int64_t hour : {1, 9, 16, 23, 40, 71, 72}) {
    const std::string state = run_until(s, hour)->save();
    for (const int threads : {1, 3}) {
      NationalEngine taken_up(s, threads);
      taken_up.restore(state);
      EXPECT_EQ(taken_up.tick(), hour);
      while (taken_up.step()) {
      }
      EXPECT_EQ(outputs(taken_up), expected) << "saved after hour " << hour;
      EXPECT_EQ(taken_up.agent_updates(), whole->agent_updates());
    }
  }
}

TEST(RunState, AStateIsTheSameBytesWhateverTheThreadCount) {
  const auto s = busy_world();
  auto one = std::make_unique<NationalEngine>(s, 1);
  auto three = std::make_unique<NationalEngine>(s, 3);
  for (int h = 0; h < 30; ++h) {
    one->step();
    three->step();
  }
  EXPECT_EQ(one->save(), three->save());
}

TEST(RunState, AStateOfAnotherWorldIsRefused) {
  const auto s = busy_world();
  const std::string state = run_until(s, 20)->save();
  auto bigger = s;
  bigger.places[1].population = 2000;
  NationalEngine other(bigger, 1);
  EXPECT_THROW(other.restore(state), engine::StateFormatError);
  auto fewer = s;
  fewer.places.pop_back();
  NationalEngine smaller(fewer, 1);
  EXPECT_THROW(smaller.restore(state), engine::StateFormatError);
  auto shorter = s;
  shorter.ticks = 10;  // the state is at hour 20
  NationalEngine short_run(shorter, 1);
  EXPECT_THROW(short_run.restore(state), engine::StateFormatError);
}

// Cut anywhere, or with bytes changed at random (the file's checksum catches this first; the
// engine must still never read out of bounds when a file was made to pass it): refused, or
// taken and run to the end. Run under AddressSanitizer too (the asan preset).
TEST(RunState, ADamagedStateIsRefusedOrRunsButNeverReadsOutOfBounds) {
  const auto s = busy_world();
  const std::string state = run_until(s, 30)->save();
  for (std::size_t cut = 0; cut < state.size(); cut += 1 + cut / 4) {
    NationalEngine e(s, 1);
    EXPECT_THROW(e.restore(std::string_view(state).substr(0, cut)), engine::StateFormatError)
        << "cut at " << cut;
  }
  {
    NationalEngine e(s, 1);
    EXPECT_THROW(e.restore(state + "x"), engine::StateFormatError);
  }
  rng::RandomStream draw(99);
  int refused = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::string damaged = state;
    for (int k = 0; k < 4; ++k) {
      const auto at = draw.below32(static_cast<std::uint32_t>(damaged.size()));
      damaged[at] = static_cast<char>(draw.below32(256));
    }
    NationalEngine e(s, 1);
    try {
      e.restore(damaged);
    } catch (const engine::StateFormatError&) {
      ++refused;
      continue;
    }
    while (e.step()) {
    }
  }
  EXPECT_GT(refused, 0);
}

TEST(RunState, OnlyAnEngineThatHasNotSteppedTakesAState) {
  const auto s = busy_world();
  const std::string state = run_until(s, 5)->save();
  auto e = run_until(s, 1);
  EXPECT_THROW(e->restore(state), std::logic_error);
}

}  // namespace
}  // namespace unrest::national
