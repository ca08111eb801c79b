#include "unrest/experiments/design_runs.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "unrest/experiments/branched_runs.hpp"
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
  if (!spec.counterfactuals.empty()) {
    if (!sim.is_national()) {
      throw scenario::ScenarioError(sim.source().path, 0, "",
                                    "--counterfactuals applies to national scenarios only");
    }
    counterfactual_variants(sim.national(), spec.counterfactuals, "--counterfactuals");
  }
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
  std::string header =
      spec.counterfactuals.empty() ? "run,point,seed" : "run,point,seed,counterfactual";
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

std::size_t rows_per_run(const SweepSpec& spec) {
  return std::max<std::size_t>(1, spec.counterfactuals.size());
}

std::size_t row_id(const SweepSpec& spec, const SweepRun& run, std::size_t k) {
  return run.id * rows_per_run(spec) + k;
}

std::vector<std::string> design_rows(const Simulation& sim, const SweepSpec& spec,
                                     const SweepRun& run, std::uint64_t first_seed) {
  if (spec.counterfactuals.empty()) return {design_row(sim, spec, run, first_seed)};
  const std::uint64_t seed = first_seed + static_cast<std::uint64_t>(run.seed_offset);
  std::string values;
  for (double v : run.values) values += fmt::format(",{:.17g}", v);
  const auto figures =
      sim.branched_figures(design_assignments(spec, run), seed, spec.counterfactuals);
  std::vector<std::string> rows;
  for (std::size_t k = 0; k < figures.size(); ++k) {
    std::string row = fmt::format("{},{},{},{}{}", row_id(spec, run, k), run.point, seed,
                                  spec.counterfactuals[k], values);
    for (double value : figures[k]) row += fmt::format(",{:.10g}", value);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace unrest::experiments
