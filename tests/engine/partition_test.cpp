// A national run spread over processes, simulated in one: each "process" steps its own places
// and an exchange copies records between them, as an MPI all-gather would.
#include <gtest/gtest.h>

#include <barrier>
#include <thread>

#include "engine/tiny_world.hpp"
#include "unrest/io/national_outputs.hpp"

namespace unrest::national {
namespace {

TEST(PlacePartition, AssignsEveryPlaceAndBalancesPopulation) {
  auto s = unrest::testing::tiny_world(5, 1000, 10);
  s.places[0].population = 5000;
  const auto owner = assign_places(s, 2);
  ASSERT_EQ(owner.size(), 5u);
  double load[2] = {0, 0};
  for (std::size_t p = 0; p < 5; ++p) load[owner[p]] += s.places[p].population;
  EXPECT_EQ(load[0], 5000);  // the big place alone
  EXPECT_EQ(load[1], 4000);
}

TEST(PlacePartition, SplitRunsGiveTheSingleRunsOutputs) {
  auto s = unrest::testing::tiny_world(4, 1120, 64);
  s.rules.legitimacy = 0.65;
  s.mechanisms.riot.enabled = true;
  s.mechanisms.news.enabled = true;
  s.mechanisms.news.weight = 5;
  const std::string whole = io::places_csv(*unrest::testing::run(s));
  for (int processes : {2, 3}) {
    const auto owner = assign_places(s, processes);
    // An all-gather between threads: each writes its places' records into the shared row,
    // waits for the others, and copies the row back.
    std::vector<PlaceRecord> shared(s.places.size());
    std::barrier sync(processes);
    std::vector<std::unique_ptr<NationalEngine>> team(static_cast<std::size_t>(processes));
    std::vector<std::thread> threads;
    for (int r = 0; r < processes; ++r) {
      threads.emplace_back([&, r] {
        PlacePartition part;
        for (int o : owner) part.mine.push_back(o == r);
        part.exchange = [&](std::vector<PlaceRecord>& row, const std::vector<bool>& mine) {
          for (std::size_t p = 0; p < row.size(); ++p) {
            if (mine[p]) shared[p] = row[p];
          }
          sync.arrive_and_wait();
          row = shared;
          sync.arrive_and_wait();
        };
        auto engine = std::make_unique<NationalEngine>(s, 1, part);
        while (engine->step()) {
        }
        team[static_cast<std::size_t>(r)] = std::move(engine);
      });
    }
    for (auto& t : threads) t.join();
    for (const auto& e : team) EXPECT_EQ(io::places_csv(*e), whole) << processes;
    for (std::size_t p = 0; p < s.places.size(); ++p) {
      int runners = 0;
      for (const auto& e : team) runners += e->runs(static_cast<int>(p)) ? 1 : 0;
      EXPECT_EQ(runners, 1) << p;
    }
  }
}

}  // namespace
}  // namespace unrest::national
