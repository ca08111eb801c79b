#pragma once
// Outbursts: maximal runs of ticks with more than `threshold` actives (Epstein 2002).
#include <cstdint>
#include <optional>
#include <vector>

namespace unrest::analysis {

struct Outburst {
  std::int64_t first_tick;
  std::int64_t last_tick;
  std::uint64_t total_activation;  // sum of actives over the outburst's ticks
  std::uint32_t peak;
};

struct MeanSd {
  std::optional<double> mean;  // absent with no values
  std::optional<double> sd;    // sample standard deviation; absent with fewer than 2 values
};

struct OutburstStatistics {
  std::vector<Outburst> outbursts;
  std::vector<std::int64_t> waiting_times;  // calm ticks between consecutive outbursts
  MeanSd waiting_time;
  MeanSd total_activation;
  MeanSd peak;
};

// `actives[i]` is the number of actives at tick `first_tick + i`. An outburst still under way
// at the last tick counts, truncated there.
std::vector<Outburst> find_outbursts(const std::vector<std::uint32_t>& actives,
                                     std::int64_t first_tick, std::int64_t threshold);

MeanSd mean_sd(const std::vector<double>& values);

OutburstStatistics outburst_statistics(const std::vector<std::uint32_t>& actives,
                                       std::int64_t first_tick, std::int64_t threshold);

}  // namespace unrest::analysis
