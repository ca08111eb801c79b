// Agent-activations per second of the sequential engine on the paper's run 2, at the paper's
// 40 x 40 and at 400 x 400 (same densities, 100 times the agents), under both presets, and of
// a naive scanning implementation of the same rules as the yardstick. Each iteration is one
// tick; items/s is agent-activations per second. A warm-up of 200 ticks lets the first
// outbursts pass so the figure is of the steady regime.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "naive_scan_engine.hpp"
#include "unrest/engine/sequential_engine.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_scenario.hpp"

namespace {

unrest::scenario::Scenario run2(int side, const char* preset) {
  const auto builtin = *unrest::scenario::find_builtin("scenarios/epstein-2002/run2.toml");
  return unrest::scenario::parse_scenario(
      builtin.text, builtin.path,
      {fmt::format("model.width={}", side), fmt::format("model.height={}", side),
       fmt::format("model.preset={}", preset)});
}

void run2_ticks(benchmark::State& state, const char* preset) {
  unrest::engine::SequentialEngine engine(run2(static_cast<int>(state.range(0)), preset));
  for (int i = 0; i < 200; ++i) engine.step();
  const std::uint64_t before = engine.activations();
  for (auto _ : state) engine.step();
  state.SetItemsProcessed(static_cast<std::int64_t>(engine.activations() - before));
  state.counters["active_last_tick"] = engine.counts().active;
}

void BM_Run2Netlogo(benchmark::State& state) { run2_ticks(state, "netlogo"); }

// The yardstick: the same rules with a scan of the vision for every decision, arrest and move.
void BM_Run2NaiveScan(benchmark::State& state) {
  unrest::bench::NaiveScanEngine engine(run2(static_cast<int>(state.range(0)), "netlogo"));
  for (int i = 0; i < 200; ++i) engine.step();
  const std::uint64_t before = engine.activations();
  for (auto _ : state) engine.step();
  state.SetItemsProcessed(static_cast<std::int64_t>(engine.activations() - before));
}
void BM_Run2Mesa(benchmark::State& state) { run2_ticks(state, "mesa"); }

}  // namespace

BENCHMARK(BM_Run2Netlogo)->Arg(40)->Arg(400)->MinTime(1.0);
BENCHMARK(BM_Run2Mesa)->Arg(40)->Arg(400)->MinTime(1.0);
BENCHMARK(BM_Run2NaiveScan)->Arg(40)->Arg(400)->MinTime(1.0);

BENCHMARK_MAIN();
