#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "cli/design_runs.hpp"
#include "cli/experiment_commands.hpp"
#include "cli/national_setup.hpp"
#include "unrest/experiments/sensitivity_analysis.hpp"
#include "unrest/io/text_file.hpp"
#include "unrest/report/html_report.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/web/web_assets.hpp"

namespace unrest::cli {

CLI::App* add_sensitivity_command(CLI::App& app, SensitivityOptions& o) {
  auto* cmd = app.add_subcommand(
      "sensitivity",
      "Global sensitivity of a scenario's figures (outputs, targets, checks) to parameters: "
      "Sobol indices (Saltelli design, bootstrap intervals) or Morris elementary effects; the "
      "runs go to OUT/sweep.csv as they finish (rerun the same command to resume), the indices "
      "to OUT/indices.csv and OUT/indices.json");
  cmd->add_option("--param", o.params,
                  "A scenario key and its range, NAME=LO:HI (repeatable; at least one)")
      ->type_name("NAME=LO:HI")
      ->required();
  cmd->add_option("--method", o.method, "sobol (first-order and total indices) or morris")
      ->check(CLI::IsMember({"sobol", "morris"}));
  cmd->add_option("--samples", o.samples,
                  "sobol: base samples N (N x (parameters + 2) design points); morris: "
                  "trajectories r (r x (parameters + 1) points)")
      ->check(CLI::Range(2, 1000000));
  cmd->add_option("--levels", o.levels, "morris: grid levels (even)")->check(CLI::Range(2, 100));
  cmd->add_option("--seeds", o.seeds,
                  "Runs per design point (seeds run.seed, run.seed + 1, ...); the figures are "
                  "averaged over them")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--bootstrap", o.bootstrap, "sobol: bootstrap resamples for the 95 % intervals")
      ->check(CLI::Range(0, 100000));
  add_experiment_options(*cmd, o.scenario, o.national, o.out, o.quiet,
                         "First seed (overrides run.seed; also seeds the design)",
                         "Output directory; default: out/<scenario name>-sensitivity");
  return cmd;
}

namespace {

// The parameters of each figure in order of importance (total index, or mu*), for the summary.
void print_summary(const experiments::SensitivityTable& t) {
  const bool sobol = t.method == experiments::Design::sobol;
  fmt::print("{}\n", sobol ? "Sobol indices: first-order S1 and total ST [95 % interval]"
                           : "Morris elementary effects: mu* (mu, sigma), on each range's unit");
  for (std::size_t f = 0; f < t.figures.size(); ++f) {
    std::vector<std::size_t> order(t.parameters.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto weight = [&](std::size_t k) {
      const double v = sobol ? t.sobol[f][k].total : t.morris[f][k].mu_star;
      return std::isfinite(v) ? v : -1.0;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return weight(a) > weight(b); });
    if (weight(order.front()) < 0.0) {
      fmt::print("  {}: no indices (the same in every run, or undefined in some)\n", t.figures[f]);
      continue;
    }
    fmt::print("  {}\n", t.figures[f]);
    for (const std::size_t k : order) {
      if (sobol) {
        const auto& s = t.sobol[f][k];
        fmt::print("    {:<40} S1 {:6.3f} [{:6.3f}, {:6.3f}]  ST {:6.3f} [{:6.3f}, {:6.3f}]\n",
                   t.parameters[k], s.first, s.first_low, s.first_high, s.total, s.total_low,
                   s.total_high);
      } else {
        const auto& m = t.morris[f][k];
        fmt::print("    {:<40} mu* {:10.4g}  (mu {:10.4g}, sigma {:10.4g})\n", t.parameters[k],
                   m.mu_star, m.mu, m.sigma);
      }
    }
  }
}

}  // namespace

int sensitivity_command(const SensitivityOptions& o, const Team& processes) {
  const experiments::Simulation sim = load_simulation(o.scenario, o.national);
  const std::uint64_t seed = first_seed(sim, o.national);
  experiments::SweepSpec spec;
  spec.parameters = parameter_ranges(sim, o.params);
  spec.design = experiments::parse_design(o.method);
  spec.points = o.samples;
  spec.levels = o.levels;
  spec.seeds = o.seeds;
  spec.design_seed = seed;
  if (spec.design == experiments::Design::morris && o.levels % 2 != 0) {
    throw scenario::ScenarioError("--levels", 0, "", "must be even");
  }
  const std::filesystem::path out = experiment_dir(sim.name(), o.out, "sensitivity");
  const auto runs = experiments::sweep_runs(spec);
  nlohmann::json claim = scenario_claim(sim.source());
  claim.update({{"params", o.params},
                {"method", o.method},
                {"samples", o.samples},
                {"levels", o.levels},
                {"seeds", o.seeds},
                {"runs", runs.size()}});
  const int status = run_design(sim, spec, seed, out, "sensitivity.json", claim, "sensitivity",
                                o.quiet, processes);
  if (status != 0 || !processes.owns_outputs()) return status;
  const auto table = experiments::analyse_sensitivity(spec, io::CsvTable::read(out / "sweep.csv"),
                                                      sim.figure_names(), o.bootstrap, seed);
  io::replace_text_file(out / "indices.csv", experiments::sensitivity_csv(table));
  io::replace_text_file(out / "indices.json", experiments::sensitivity_json(table).dump(2) + "\n");
  // The charts, where this build has its web pages (the CSV and JSON are the results).
  if (web::available()) {
    const nlohmann::json page = {{"scenario", sim.name()},
                                 {"runs", runs.size()},
                                 {"params", o.params},
                                 {"indices", experiments::sensitivity_json(table)}};
    io::replace_text_file(out / "sensitivity.html", report::render_page("sensitivity.html", page));
  }
  if (!o.quiet) {
    print_summary(table);
    fmt::print("{}: {} runs in {}, indices in {}{}\n", sim.name(), runs.size(),
               (out / "sweep.csv").string(), (out / "indices.csv").string(),
               web::available() ? ", charts in " + (out / "sensitivity.html").string() : "");
  }
  return 0;
}

}  // namespace unrest::cli
