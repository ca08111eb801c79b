#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/design_runs.hpp"
#include "cli/experiment_commands.hpp"
#include "cli/national_setup.hpp"
#include "unrest/experiments/parameter_sweep.hpp"

namespace unrest::cli {

CLI::App* add_sweep_command(CLI::App& app, SweepOptions& o) {
  auto* cmd = app.add_subcommand(
      "sweep",
      "Run a scenario (national or classic) over a design of parameter values, one row per run "
      "appended to OUT/sweep.csv as runs finish (a classic run's row holds its outburst "
      "statistics); rerun the same command to resume after an interruption");
  cmd->add_option("--param", o.params,
                  "A scenario key and its range, NAME=LO:HI[:STEPS] (repeatable); integer LO and "
                  "HI make integer values")
      ->type_name("NAME=LO:HI[:STEPS]")
      ->required();
  cmd->add_option("--design", o.design, "grid (every combination), lhs (Latin hypercube) or random")
      ->check(CLI::IsMember({"grid", "lhs", "random"}));
  cmd->add_option("--points", o.points,
                  "Design points of lhs and random designs; grid steps where a range gives none")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--seeds", o.seeds, "Runs per design point (seeds run.seed, run.seed + 1, ...)")
      ->check(CLI::Range(1, 100000));
  add_experiment_options(*cmd, o.scenario, o.national, o.out, o.quiet,
                         "First seed (overrides run.seed; also seeds the design)",
                         "Output directory; default: out/<scenario name>-sweep");
  cmd->add_option("--counterfactuals", o.counterfactuals,
                  "National scenarios: every run of the design once for each of these "
                  "counterfactuals (none: the scenario as it is), the hours they share run once; "
                  "a counterfactual column names each row's")
      ->delimiter(',')
      ->type_name("NAME,...")
      ->excludes(cmd->get_option("--counterfactual"));
  return cmd;
}

int sweep_command(const SweepOptions& o, const Team& processes) {
  const experiments::Simulation sim = load_simulation(o.scenario, o.national);
  const std::uint64_t seed = first_seed(sim, o.national);
  experiments::SweepSpec spec;
  spec.parameters = parameter_ranges(sim, o.params);
  spec.design = experiments::parse_design(o.design);
  spec.points = o.points;
  spec.seeds = o.seeds;
  spec.design_seed = seed;
  spec.counterfactuals = o.counterfactuals;
  const std::filesystem::path out = experiment_dir(sim.name(), o.out, "sweep");
  // The spec beside the results: a restart must be the same sweep.
  nlohmann::json claim = scenario_claim(sim.source());
  claim.update({{"params", o.params},
                {"design", o.design},
                {"points", o.points},
                {"seeds", o.seeds},
                {"counterfactuals", o.counterfactuals},
                {"runs", experiments::sweep_runs(spec).size()}});
  const int status =
      run_design(sim, spec, seed, out, "sweep.json", claim, "sweep", o.quiet, processes);
  if (status == 0 && processes.owns_outputs() && !o.quiet) {
    fmt::print("{}: {} rows in {}\n", sim.name(),
               experiments::sweep_runs(spec).size() * experiments::rows_per_run(spec),
               (out / "sweep.csv").string());
  }
  return status;
}

}  // namespace unrest::cli
