// Counting entries within a disc by cells: the same count as testing every entry with the
// torus distance, for cells of the radius and smaller ones, 16- and 32-bit offsets, at the
// wrap and on the narrowest torus allowed; and a clear refusal of cells that do not fit.
#include "unrest/world/disc_counter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "unrest/rng/random_stream.hpp"

namespace unrest::world {
namespace {

struct Entry {
  std::uint32_t site;
};

std::uint32_t brute_force(const std::vector<Entry>& entries, int width, std::uint32_t site,
                          int radius) {
  const auto w = static_cast<std::uint32_t>(width);
  const int x = static_cast<int>(site % w);
  const int y = static_cast<int>(site / w);
  std::uint32_t n = 0;
  for (const Entry& e : entries) {
    int dx = std::abs(static_cast<int>(e.site % w) - x);
    int dy = std::abs(static_cast<int>(e.site / w) - y);
    dx = std::min(dx, width - dx);
    dy = std::min(dy, width - dy);
    n += dx * dx + dy * dy <= radius * radius ? 1u : 0u;
  }
  return n;
}

// An entry on each of `sites` sites with probability `fill`.
std::vector<Entry> random_entries(std::uint64_t sites, double fill, rng::RandomStream& draw) {
  std::vector<Entry> entries;
  for (std::uint64_t s = 0; s < sites; ++s) {
    if (draw.uniform() < fill) entries.push_back({static_cast<std::uint32_t>(s)});
  }
  return entries;
}

// Every site of the lattice queried against random entries (some sharing a site: the counter
// counts entries, not sites).
void expect_exact(int width, int cell, int radius, double fill, std::uint64_t seed) {
  rng::RandomStream draw(seed);
  const auto sites = static_cast<std::uint64_t>(width) * width;
  std::vector<Entry> entries = random_entries(sites, fill, draw);
  entries.push_back({0});
  entries.push_back({0});
  DiscCounter counter;
  counter.reset(width, cell, radius);
  counter.build(entries);
  // Every site once, in order, then as many again drawn at random (repeats, any order).
  std::vector<std::uint32_t> queries;
  for (std::uint64_t s = 0; s < sites; ++s) queries.push_back(static_cast<std::uint32_t>(s));
  for (std::uint64_t i = 0; i < sites; ++i) {
    queries.push_back(static_cast<std::uint32_t>(draw.below(sites)));
  }
  std::vector<std::uint32_t> counts;
  counter.count_many(queries, counts);
  ASSERT_EQ(counts.size(), queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i) {
    ASSERT_EQ(counts[i], brute_force(entries, width, queries[i], radius))
        << "width " << width << ", cell " << cell << ", radius " << radius << ", site "
        << queries[i];
  }
}

TEST(DiscCounter, CountsWhatATestOfEveryEntryCounts) {
  expect_exact(30, 10, 10, 0.3, 1);  // cells of the radius: none wholly inside
  expect_exact(30, 3, 10, 0.3, 2);   // small cells: runs of whole cells on every row
  expect_exact(36, 6, 7, 0.5, 3);
  expect_exact(28, 7, 7, 1.0, 4);  // a full lattice
  expect_exact(40, 1, 5, 0.2, 5);
  expect_exact(90, 30, 30, 0.05, 6);    // the national model's vision at three cells a side
  expect_exact(270, 90, 90, 0.01, 11);  // too wide for count_many's 16-bit offsets
  expect_exact(150, 15, 40, 0.05, 12);  // cells smaller than the radius: three rings
}

// A few random queries, most cells holding none or one, the entries gathered for each alone.
void expect_exact_sparse(int width, int cell, int radius, double fill, std::uint64_t seed) {
  rng::RandomStream draw(seed);
  const auto sites = static_cast<std::uint64_t>(width) * width;
  std::vector<Entry> entries = random_entries(sites, fill, draw);
  DiscCounter counter;
  counter.reset(width, cell, radius);
  counter.build(entries);
  const auto cells = static_cast<std::uint64_t>(width / cell) * (width / cell);
  std::vector<std::uint32_t> queries{0, static_cast<std::uint32_t>(sites - 1)};
  for (std::uint64_t i = 0; i < cells; ++i) {
    queries.push_back(static_cast<std::uint32_t>(draw.below(sites)));
  }
  std::vector<std::uint32_t> counts;
  counter.count_many(queries, counts);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    ASSERT_EQ(counts[i], brute_force(entries, width, queries[i], radius))
        << "width " << width << ", cell " << cell << ", site " << queries[i];
  }
}

TEST(DiscCounter, CountsQueriesAloneInTheirCellsExactly) {
  expect_exact_sparse(90, 30, 30, 0.05, 21);   // three cells a side: every cell wraps
  expect_exact_sparse(600, 30, 30, 0.02, 22);  // the national model's, a small place
  expect_exact_sparse(150, 15, 40, 0.05, 23);  // three rings
  expect_exact_sparse(21, 7, 10, 0.4, 24);     // the narrowest torus
  expect_exact_sparse(270, 90, 90, 0.01, 25);  // 32-bit offsets
}

TEST(DiscCounter, IsExactOnTheNarrowestTorusAndForAZeroRadius) {
  expect_exact(21, 1, 10, 0.4, 7);  // width = 2 radius + 1: the disc's rows span the torus
  expect_exact(21, 7, 10, 0.4, 8);
  expect_exact(11, 1, 5, 0.6, 9);
  expect_exact(12, 1, 0, 0.5, 10);  // only the site itself
}

TEST(DiscCounter, CountsMoreEntriesThanASixteenBitCounterHolds) {
  // The 16-bit path sums its counts in runs of at most 65,535 entries: 70,000 entries on one
  // site (the counter counts entries, not sites) must count 70,000, not 4,464.
  std::vector<Entry> entries(70000, Entry{50});
  entries.push_back({51});
  DiscCounter counter;
  counter.reset(30, 10, 10);
  counter.build(entries);
  std::vector<std::uint32_t> counts;
  counter.count_many(std::vector<std::uint32_t>{50, 52, 40}, counts);  // 40: 10 to the left
  EXPECT_EQ(counts, (std::vector<std::uint32_t>{70001, 70001, 70000}));
  counter.count_many(std::vector<std::uint32_t>{50 + 15 * 30}, counts);  // 15 rows away
  EXPECT_EQ(counts, (std::vector<std::uint32_t>{0}));
}

TEST(DiscCounter, CountsEntriesGroupedByItsCellsAsItCountsThemUngrouped) {
  // The engine's bucket grids group the cops and actives by cells of the counter's size: the
  // counter takes them as they are, without sorting them again.
  rng::RandomStream draw(31);
  std::vector<Entry> entries;
  for (std::uint32_t s = 0; s < 60 * 60; ++s) {
    if (draw.uniform() < 0.1) entries.push_back({s});
  }
  DiscCounter counter;
  counter.reset(60, 20, 20);
  std::vector<Entry> grouped(entries.size());
  std::vector<std::uint32_t> start;
  std::vector<std::uint32_t> next;
  group_by_cell(
      counter.layout(), entries.size(), [&](std::size_t k) { return entries[k].site; }, start, next,
      [&](std::size_t k, std::uint32_t position) { grouped[position] = entries[k]; });
  counter.build_grouped(grouped, start);
  std::vector<std::uint32_t> sites;
  for (std::uint32_t s = 0; s < 60 * 60; s += 7) sites.push_back(s);
  std::vector<std::uint32_t> counts;
  counter.count_many(sites, counts);
  for (std::size_t i = 0; i < sites.size(); ++i) {
    ASSERT_EQ(counts[i], brute_force(entries, 60, sites[i], 20)) << "site " << sites[i];
  }
  // Grouped for other cells (9 starts, not 10) or with a count that is not the entries': refused.
  start.pop_back();
  EXPECT_THROW(counter.build_grouped(grouped, start), std::logic_error);
  start.push_back(static_cast<std::uint32_t>(grouped.size() + 1));
  EXPECT_THROW(counter.build_grouped(grouped, start), std::logic_error);
}

TEST(DiscCounter, CountsNothingBeforeABuildAndAfterAnEmptyOne) {
  DiscCounter counter;
  counter.reset(30, 10, 10);
  const std::vector<std::uint32_t> queries{17, 17, 600};
  std::vector<std::uint32_t> counts{9};
  counter.count_many(queries, counts);
  EXPECT_EQ(counts, (std::vector<std::uint32_t>{0, 0, 0}));
  counter.build(std::vector<Entry>{{17}, {18}});
  counter.count_many(queries, counts);
  EXPECT_EQ(counts, (std::vector<std::uint32_t>{2, 2, 0}));
  counter.build(std::vector<Entry>{});
  counter.count_many(queries, counts);
  EXPECT_EQ(counts, (std::vector<std::uint32_t>{0, 0, 0}));
  counter.count_many(std::vector<std::uint32_t>{}, counts);
  EXPECT_TRUE(counts.empty());
}

TEST(DiscCounter, CountsQueriesGroupedOnceAgainstSeveralCountersOfOneLayout) {
  // The engine groups an hour's deciders once and counts them against the cops and the
  // actives: each count must equal that counter's count of the sites themselves.
  rng::RandomStream draw(21);
  std::vector<Entry> cops;
  std::vector<Entry> actives;
  for (std::uint32_t s = 0; s < 90 * 90; ++s) {
    if (draw.uniform() < 0.02) cops.push_back({s});
    if (draw.uniform() < 0.2) actives.push_back({s});
  }
  DiscCounter cop_counter;
  DiscCounter active_counter;
  cop_counter.reset(90, 15, 30);
  active_counter.reset(90, 15, 30);
  cop_counter.build(cops);
  active_counter.build(actives);
  std::vector<std::uint32_t> sites;
  for (int i = 0; i < 500; ++i) sites.push_back(static_cast<std::uint32_t>(draw.below(90 * 90)));
  DiscQueries queries;
  queries.group(cop_counter.layout(), sites);
  std::vector<std::uint32_t> cops_seen;
  std::vector<std::uint32_t> actives_seen;
  cop_counter.count_many(queries, cops_seen);
  active_counter.count_many(queries, actives_seen);
  ASSERT_EQ(cops_seen.size(), sites.size());
  ASSERT_EQ(actives_seen.size(), sites.size());
  for (std::size_t i = 0; i < sites.size(); ++i) {
    ASSERT_EQ(cops_seen[i], brute_force(cops, 90, sites[i], 30)) << "site " << sites[i];
    ASSERT_EQ(actives_seen[i], brute_force(actives, 90, sites[i], 30)) << "site " << sites[i];
  }
  // Queries grouped for another layout are refused, not miscounted.
  DiscCounter other;
  other.reset(90, 30, 30);
  EXPECT_THROW(other.count_many(queries, cops_seen), std::logic_error);
}

TEST(DiscCounter, RefusesCellsThatDoNotTileOrATorusNarrowerThanTheDisc) {
  DiscCounter counter;
  EXPECT_THROW(counter.reset(30, 7, 10), std::invalid_argument);   // 7 does not divide 30
  EXPECT_THROW(counter.reset(20, 10, 10), std::invalid_argument);  // 20 < 2 x 10 + 1
  EXPECT_THROW(counter.reset(30, 15, 10), std::invalid_argument);  // a cell wider than the disc
  EXPECT_THROW(counter.reset(30, 0, 10), std::invalid_argument);
  EXPECT_THROW(counter.reset(40000, 1, 20000), std::invalid_argument);  // squares overflow
  EXPECT_NO_THROW(counter.reset(21, 3, 10));
}

}  // namespace
}  // namespace unrest::world
