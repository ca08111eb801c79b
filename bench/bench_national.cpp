// The national engine on the default scenario (Kazakhstan 2022): whole runs of 384 hourly
// ticks at scales 0.01 and 0.1 with 1 and 2 threads, in agents advanced per second (every
// citizen and cop, every hour, whether evaluated or resolved by the eligibility cutoff) and
// in rule evaluations per second (the citizens whose rule was actually computed). The
// full-scale run is timed as a whole process (docs/PERFORMANCE.md).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "unrest/run_national.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"

namespace {

void BM_KazakhstanRun(benchmark::State& state) {
  const double scale = static_cast<double>(state.range(0)) / 1000.0;
  const auto builtin = *unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  const auto scenario = unrest::national::parse_national_scenario(
      builtin.text, builtin.path,
      {fmt::format("run.scale={}", scale), fmt::format("run.threads={}", state.range(1))});
  std::uint64_t agents = 0;
  std::uint64_t decisions = 0;
  for (auto _ : state) {
    const auto engine = unrest::run_national(scenario);
    agents += engine->agent_updates();
    for (const auto& row : engine->records()) {
      for (const auto& r : row) decisions += r.counts.decisions;
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(agents));
  state.counters["rule_evaluations_per_s"] =
      benchmark::Counter(static_cast<double>(decisions), benchmark::Counter::kIsRate);
}

}  // namespace

// range(0): scale in thousandths; range(1): threads.
BENCHMARK(BM_KazakhstanRun)
    ->Args({10, 1})
    ->Args({10, 2})
    ->Args({100, 1})
    ->Args({100, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
