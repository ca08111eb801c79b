#include "unrest/engine/memory_estimate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "unrest/engine/place_world.hpp"
#include "unrest/model/national/news_diffusion.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::engine {
namespace {

// Upper bounds, bytes (docs/PERFORMANCE.md, "Memory estimates", has the measurements).
constexpr double kBase = 24e6;                   // the program, its libraries, the pool
constexpr double kSequentialPerSite = 56.0;      // world counts, agents, order (measured 41)
constexpr double kParallelPerSite = 12.0;        // kinds, citizens, cutoffs (measured 6)
constexpr double kClassicPerTick = 128.0;        // a tick's counts and its CSV row (measured 92)
constexpr double kNationalPerAgent = 40.0;       // traits, site, state, jail (measured 26-30),
                                                 // and up to 5 for the pool of those who
                                                 // took part (13, or 10 for participants):
                                                 // every citizen stored, the worst case (a
                                                 // run stores only who can act: place_lattice.hpp)
constexpr double kNationalPerSite = 1.0;         // occupancy bits and the bucket index
constexpr double kNationalPerPlaceHour = 320.0;  // the hour's record and its CSV rows
                                                 // (measured 265-280)
constexpr double kNationalPerPlace = 4096.0;     // a place's world, grids and news row
                                                 // (measured about 3,000)
constexpr double kNationalPerDecider = 24.0;     // a batch of deciders: id, site, two counts
                                                 // and their grouping by cell (order, x, y)

}  // namespace

MemoryEstimate estimate_memory(const scenario::Scenario& s, const std::string& file) {
  const double sites = static_cast<double>(s.model.width) * static_cast<double>(s.model.height);
  const double per_site =
      s.run.engine == scenario::EngineKind::parallel ? kParallelPerSite : kSequentialPerSite;
  const double ticks = static_cast<double>(s.run.ticks);
  MemoryEstimate e;
  e.bytes = static_cast<std::uint64_t>(kBase + sites * per_site + ticks * kClassicPerTick);
  e.file = file;
  const bool lattice_drives = sites * per_site >= ticks * kClassicPerTick;
  e.key = lattice_drives ? "model.width" : "run.ticks";
  e.drivers =
      fmt::format("model.width x model.height = {:.0f} sites, run.ticks = {}", sites, s.run.ticks);
  return e;
}

MemoryEstimate estimate_memory(const national::NationalScenario& s, const std::string& file) {
  double agents = 0;
  double sites = 0;
  double deciders = 0;  // the most citizens each place decides in one batch, summed
  double largest = -1;
  std::string largest_id;
  for (const auto& p : s.places) {
    const double citizens = std::round(p.population * s.scale);
    const double cops = std::round(p.police * s.scale);
    agents += citizens + cops;
    deciders += std::min(citizens, static_cast<double>(national::PlaceWorld::kDecideBatch));
    const double side = national::PlaceWorld::lattice_side(
        s.rules, static_cast<std::int64_t>(citizens), static_cast<std::int64_t>(cops));
    sites += side * side;
    if (p.population > largest) largest = p.population, largest_id = p.id;
  }
  const double places = static_cast<double>(s.places.size());
  const double hours = static_cast<double>(s.ticks) * places;
  // The news kernel keeps the weights of the places that have been active, up to its cache
  // budget (model/national/news_diffusion.hpp).
  const double news_cache = std::min(
      places * places * 8.0, static_cast<double>(national::GravityKernel::kDefaultCacheBytes));
  MemoryEstimate e;
  e.bytes =
      static_cast<std::uint64_t>(kBase + agents * kNationalPerAgent + sites * kNationalPerSite +
                                 hours * kNationalPerPlaceHour + places * kNationalPerPlace +
                                 news_cache + deciders * kNationalPerDecider);
  e.file = file;
  // The key that drives the largest part: the people, the run's length, or the places.
  const double people = agents * kNationalPerAgent;
  const double series = hours * kNationalPerPlaceHour;
  const double fixed = places * kNationalPerPlace + news_cache;
  e.key = people >= std::max(series, fixed) ? fmt::format("place.{}.population", largest_id)
          : series >= fixed                 ? "run.end"
                                            : "place";
  e.drivers = fmt::format(
      "{:.0f} agents (the places' population and police x run.scale = {:g}; the largest place "
      "is {}), {} places x {} hours",
      agents, s.scale, largest_id, s.places.size(), s.ticks);
  return e;
}

std::uint64_t available_memory() {
  std::ifstream in("/proc/meminfo");
  std::string name;
  std::uint64_t kb = 0;
  std::string unit;
  while (in >> name >> kb >> unit) {
    if (name == "MemAvailable:") return kb * 1024;
  }
  return 0;
}

std::uint64_t peak_resident_memory() {
  std::ifstream in("/proc/self/status");
  std::string name;
  for (std::string line; std::getline(in, line);) {
    std::uint64_t kb = 0;
    if (std::sscanf(line.c_str(), "VmHWM: %lu kB", &kb) == 1) return kb * 1024;
  }
  return 0;
}

std::string bytes_text(std::uint64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (b >= 1e12) return fmt::format("{:.1f} TB", b / 1e12);
  if (b >= 1e9) return fmt::format("{:.1f} GB", b / 1e9);
  return fmt::format("{:.0f} MB", std::ceil(b / 1e6));
}

void check_memory(const MemoryEstimate& e, std::uint64_t limit, const std::string& limit_source) {
  const std::uint64_t available = limit > 0 ? limit : available_memory();
  if (available == 0 || e.bytes <= available) return;
  const std::string has = limit > 0
                              ? fmt::format("{} allows {}", limit_source, bytes_text(limit))
                              : fmt::format("this machine has {} available", bytes_text(available));
  throw scenario::ScenarioError(
      e.file, 0, e.key,
      fmt::format(
          "the run would need about {} of memory ({}), but {}; make the run smaller{}",
          bytes_text(e.bytes), e.drivers, has,
          limit > 0 ? "" : fmt::format(" (or, if you know better, raise {})", limit_source)));
}

}  // namespace unrest::engine
