#include "unrest/analysis/outbursts.hpp"

#include <algorithm>
#include <cmath>

namespace unrest::analysis {

std::vector<Outburst> find_outbursts(const std::vector<std::uint32_t>& actives,
                                     std::int64_t first_tick, std::int64_t threshold) {
  std::vector<Outburst> found;
  bool inside = false;
  for (std::size_t i = 0; i < actives.size(); ++i) {
    const std::int64_t tick = first_tick + static_cast<std::int64_t>(i);
    if (static_cast<std::int64_t>(actives[i]) > threshold) {
      if (!inside) found.push_back({tick, tick, 0, 0});
      inside = true;
      Outburst& o = found.back();
      o.last_tick = tick;
      o.total_activation += actives[i];
      o.peak = std::max(o.peak, actives[i]);
    } else {
      inside = false;
    }
  }
  return found;
}

MeanSd mean_sd(const std::vector<double>& values) {
  MeanSd result;
  if (values.empty()) return result;
  double sum = 0;
  for (double v : values) sum += v;
  const double mean = sum / static_cast<double>(values.size());
  result.mean = mean;
  if (values.size() >= 2) {
    double squares = 0;
    for (double v : values) squares += (v - mean) * (v - mean);
    result.sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
  }
  return result;
}

OutburstStatistics outburst_statistics(const std::vector<std::uint32_t>& actives,
                                       std::int64_t first_tick, std::int64_t threshold) {
  OutburstStatistics s;
  s.outbursts = find_outbursts(actives, first_tick, threshold);
  std::vector<double> waits, totals, peaks;
  for (std::size_t i = 0; i < s.outbursts.size(); ++i) {
    const Outburst& o = s.outbursts[i];
    totals.push_back(static_cast<double>(o.total_activation));
    peaks.push_back(o.peak);
    if (i > 0) {
      const std::int64_t wait = o.first_tick - s.outbursts[i - 1].last_tick - 1;
      s.waiting_times.push_back(wait);
      waits.push_back(static_cast<double>(wait));
    }
  }
  s.waiting_time = mean_sd(waits);
  s.total_activation = mean_sd(totals);
  s.peak = mean_sd(peaks);
  return s;
}

}  // namespace unrest::analysis
