#include "unrest/experiments/design_runs.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

#include "unrest/scenario/scenario_error.hpp"

namespace unrest::experiments {

std::vector<ParameterRange> parameter_ranges(const Simulation& sim,
                                             const std::vector<std::string>& params) {
  std::vector<ParameterRange> ranges;
  for (const auto& p : params) ranges.push_back(parse_parameter_range(p));
  // "0:1" may mean a real range: values are rounded only for keys that refuse a fraction.
  for (auto& range : ranges) {
    if (!range.integer) continue;
    try {
      sim.check({fmt::format("{}={}", range.key, range.low + 0.5)});
      range.integer = false;
    } catch (const scenario::ScenarioError& e) {
      range.integer = e.message().find("expected an integer") != std::string::npos;
    }
  }
  return ranges;
}

std::vector<std::string> design_assignments(const SweepSpec& spec, const SweepRun& run) {
  std::vector<std::string> sets;
  for (std::size_t k = 0; k < spec.parameters.size(); ++k) {
    sets.push_back(assignment(spec.parameters[k], run.values[k]));
  }
  return sets;
}

void check_design(const Simulation& sim, const SweepSpec& spec) {
  std::set<std::size_t> points_checked;
  for (const auto& run : sweep_runs(spec)) {
    if (!points_checked.insert(run.point).second) continue;
    const auto sets = design_assignments(spec, run);
    try {
      sim.check(sets);
    } catch (const scenario::ScenarioError& e) {
      // Name the design point: the values came from the ranges, not from the file.
      throw scenario::ScenarioError(
          "--param (design point " + fmt::format("{}", fmt::join(sets, " ")) + ")", 0, e.key(),
          e.message());
    }
  }
}

std::string design_header(const Simulation& sim, const SweepSpec& spec) {
  std::string header = "run,point,seed";
  for (const auto& p : spec.parameters) header += "," + p.key;
  for (const auto& f : sim.figure_names()) header += "," + f;
  return header;
}

std::string design_row(const Simulation& sim, const SweepSpec& spec, const SweepRun& run,
                       std::uint64_t first_seed) {
  const std::uint64_t seed = first_seed + static_cast<std::uint64_t>(run.seed_offset);
  std::string row = fmt::format("{},{},{}", run.id, run.point, seed);
  for (double v : run.values) row += fmt::format(",{:.17g}", v);
  for (double value : sim.figures(design_assignments(spec, run), seed)) {
    row += fmt::format(",{:.10g}", value);
  }
  return row;
}

}  // namespace unrest::experiments
