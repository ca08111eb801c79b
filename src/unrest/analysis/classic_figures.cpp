#include "unrest/analysis/classic_figures.hpp"

#include <cmath>

#include "unrest/analysis/outbursts.hpp"

namespace unrest::analysis {

const std::vector<std::string>& classic_figure_names() {
  static const std::vector<std::string> names = {
      "mean_active",       "peak_active",           "arrests",
      "final_active",      "final_jailed",          "outbursts",
      "mean_waiting_time", "mean_total_activation", "mean_outburst_peak"};
  return names;
}

std::vector<std::pair<std::string, double>> classic_figures(const ClassicRun& run) {
  // As in summary.json: tick 0, the initial state, is not part of the run's series.
  std::vector<std::uint32_t> actives;
  double sum = 0;
  double peak = 0;
  for (std::size_t i = 1; i < run.series.size(); ++i) {
    actives.push_back(run.series[i].active);
    sum += run.series[i].active;
    peak = std::max(peak, static_cast<double>(run.series[i].active));
  }
  const auto stats = outburst_statistics(actives, 1, run.scenario.analysis.outburst_threshold);
  const auto& last = run.series.back();
  const double nan = std::nan("");
  const double values[] = {actives.empty() ? 0.0 : sum / static_cast<double>(actives.size()),
                           peak,
                           static_cast<double>(last.arrests),
                           static_cast<double>(last.active),
                           static_cast<double>(last.jailed),
                           static_cast<double>(stats.outbursts.size()),
                           stats.waiting_time.mean.value_or(nan),
                           stats.total_activation.mean.value_or(nan),
                           stats.peak.mean.value_or(nan)};
  std::vector<std::pair<std::string, double>> out;
  for (std::size_t k = 0; k < classic_figure_names().size(); ++k) {
    out.emplace_back(classic_figure_names()[k], values[k]);
  }
  return out;
}

}  // namespace unrest::analysis
