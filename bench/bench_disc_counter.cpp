// Counting entries within a citizen's vision (radius 30, the national model's) on a 900 x 900
// torus, by cell size: the choice PlaceWorld::counting_cell makes. Argument: the cell side;
// entries: 2 % of the sites (actives in a large uprising) or 0.3 % (police).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "unrest/rng/random_stream.hpp"
#include "unrest/world/disc_counter.hpp"

namespace {

constexpr int kWidth = 900;
constexpr int kRadius = 30;

struct Entry {
  std::uint32_t site;
};

// As many queries as a place with 2 % of its citizens eligible asks in an hour (about 13 a
// cell of 30 x 30 sites), answered together.
void count_within_vision(benchmark::State& state, double share) {
  const int cell = static_cast<int>(state.range(0));
  unrest::rng::RandomStream draw(7);
  std::vector<Entry> entries;
  const std::uint32_t sites = kWidth * kWidth;
  for (std::uint32_t s = 0; s < sites; ++s) {
    if (draw.uniform() < share) entries.push_back({s});
  }
  std::vector<std::uint32_t> queries(sites / 70);
  for (auto& q : queries) q = draw.below32(sites);
  unrest::world::DiscCounter counter;
  counter.reset(kWidth, cell, kRadius);
  counter.build(entries);
  std::vector<std::uint32_t> counts;
  for (auto _ : state) {
    counter.count_many(queries, counts);
    benchmark::DoNotOptimize(counts.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(queries.size()));
}

void BM_CountActives(benchmark::State& state) { count_within_vision(state, 0.02); }
void BM_CountCops(benchmark::State& state) { count_within_vision(state, 0.003); }

}  // namespace

BENCHMARK(BM_CountActives)->Arg(30)->Arg(15)->Arg(10)->Arg(6);
BENCHMARK(BM_CountCops)->Arg(30)->Arg(15)->Arg(10)->Arg(6);
BENCHMARK_MAIN();
