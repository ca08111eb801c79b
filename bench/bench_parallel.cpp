// Agent-updates per second of the parallel engine on a 4096 x 4096 torus at run 2's
// densities (11.7 million citizens), with 1 and 2 threads; the seconds each phase takes per
// tick (move, count, decide, arrest, jail); and, in the same process, a memory-copy bandwidth
// probe, so the figure can be read as a fraction of this machine's bandwidth bound.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstring>
#include <vector>

#include "unrest/engine/parallel_engine.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_scenario.hpp"

namespace {

unrest::scenario::Scenario run2_at(int side) {
  const auto builtin = *unrest::scenario::find_builtin("scenarios/epstein-2002/run2.toml");
  return unrest::scenario::parse_scenario(
      builtin.text, builtin.path,
      {fmt::format("model.width={}", side), fmt::format("model.height={}", side)});
}

void BM_ParallelRun2(benchmark::State& state) {
  const int side = static_cast<int>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  unrest::engine::ParallelEngine engine(run2_at(side), threads);
  for (int i = 0; i < 3; ++i) engine.step();  // let the first outbursts start
  const std::uint64_t before = engine.activations();
  const std::vector<double> phases_before = engine.phase_seconds();
  std::int64_t ticks = 0;
  for (auto _ : state) {
    engine.step();
    ++ticks;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(engine.activations() - before));
  const auto& names = unrest::engine::ParallelEngine::phase_names();
  for (std::size_t p = 0; p < names.size(); ++p) {
    state.counters[std::string("s_per_tick_") + names[p]] =
        (engine.phase_seconds()[p] - phases_before[p]) / static_cast<double>(ticks);
  }
  state.counters["bytes_per_site"] = engine.bytes_per_site();
}

// memcpy between two 256 MiB buffers: bytes copied (read + written) per second.
void BM_MemoryCopyBandwidth(benchmark::State& state) {
  const std::size_t bytes = std::size_t{256} << 20;
  std::vector<char> from(bytes, 1), to(bytes, 0);
  for (auto _ : state) {
    std::memcpy(to.data(), from.data(), bytes);
    benchmark::DoNotOptimize(to.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * 2 * bytes));
}

}  // namespace

BENCHMARK(BM_MemoryCopyBandwidth)->Unit(benchmark::kMillisecond)->MinTime(2.0);
// A fixed number of ticks, so that 1 and 2 threads are timed on the same ticks: at 4096 x 4096
// ticks 4-15 are the rise and fall of the first great outburst (up to 1.5 million actives and
// 500,000 arrests a tick), the busiest stretch of the run.
BENCHMARK(BM_ParallelRun2)
    ->Args({4096, 1})
    ->Args({4096, 2})
    ->Iterations(12)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_ParallelRun2)
    ->Args({400, 1})
    ->Args({400, 2})
    ->Iterations(1000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
