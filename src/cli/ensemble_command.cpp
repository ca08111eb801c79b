#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "cli/experiment_commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/team.hpp"
#include "unrest/experiments/branched_runs.hpp"
#include "unrest/experiments/seed_ensemble.hpp"
#include "unrest/io/atomic_output_dir.hpp"
#include "unrest/io/national_outputs.hpp"
#include "unrest/io/scenario_source.hpp"
#include "unrest/io/text_file.hpp"
#include "unrest/run_classic.hpp"
#include "unrest/scenario/branch_point.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::cli {

CLI::App* add_ensemble_command(CLI::App& app, EnsembleOptions& o) {
  auto* cmd = app.add_subcommand(
      "ensemble",
      "Run a scenario (national or classic) with many seeds; write per-tick quantiles (5, 50, "
      "95 %) of every series (national and per place, or a classic run's counts) and the "
      "distribution of each figure (a classic run's: outburst statistics)");
  cmd->add_option("--seeds", o.seeds, "Number of runs (seeds run.seed, run.seed + 1, ...)")
      ->check(CLI::Range(1, 100000));
  add_experiment_options(*cmd, o.scenario, o.national, o.out, o.quiet,
                         "First seed (overrides run.seed)",
                         "Output directory; default: out/<scenario name>-ensemble");
  cmd->add_flag("--overwrite", o.overwrite, "Replace an existing output directory");
  cmd->add_option("--counterfactuals", o.counterfactuals,
                  "National scenarios: an ensemble of each of these counterfactuals (none: the "
                  "scenario as it is), the hours they all share run once a seed; files "
                  "quantiles-NAME.csv, figures-NAME.csv, summary-NAME.json")
      ->delimiter(',')
      ->type_name("NAME,...")
      ->excludes(cmd->get_option("--counterfactual"));
  return cmd;
}

namespace {

// The table of an ensemble's figures: median and 90 % band, and the reported value with the
// share of runs within its factor.
void print_figures(const nlohmann::json& summary, bool national) {
  fmt::print("  {:<36} {:>10} {:>10} {:>10} {:>10}  {}\n", national ? "figure (people)" : "figure",
             "median", "5 %", "95 %", "reported", "runs within factor");
  for (const auto& [key, f] : summary["figures"].items()) {
    if (key.rfind("check:", 0) == 0) {
      fmt::print("  {:<36} passes in {:.0f} % of runs\n", key, f.value("mean", 0.0) * 100);
      continue;
    }
    if (!f.contains("q50")) continue;
    std::string reported;
    if (f.contains("reported")) {
      reported =
          fmt::format("{:>10g}  {:.0f} % (x{:g})", f["reported"].get<double>(),
                      f["share_within_factor"].get<double>() * 100, f["factor"].get<double>());
    }
    fmt::print("  {:<36} {:>10.0f} {:>10.0f} {:>10.0f} {}\n", key, f["q50"].get<double>(),
               f["q05"].get<double>(), f["q95"].get<double>(), reported);
  }
}

// The progress line of many runs, when stderr is a terminal.
experiments::EnsembleProgress progress_line(bool show, int runs, const char* unit) {
  const auto start = std::chrono::steady_clock::now();
  return [=](int done) {
    if (show) {
      const double s =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      fmt::print(stderr, "\r\033[Kensemble: {}/{} {}, {:.1f} s, ETA {:.1f} s", done, runs, unit, s,
                 s / done * (runs - done));
    }
    return !interrupted();
  };
}

// What every ensemble does before its runs: claim the output folder (on the process that
// writes), watch for Ctrl-C, and make the runner: one run a thread, no more threads than seeds.
std::unique_ptr<experiments::JobRunner> start_runs(const EnsembleOptions& o,
                                                   const experiments::Simulation& sim,
                                                   const std::filesystem::path& out,
                                                   const Team& processes,
                                                   std::optional<io::AtomicOutputDir>& dir) {
  processes.on_root([&] { dir.emplace(out, o.overwrite); });
  if (processes.size == 1) watch_interrupts();
  const int threads = o.national.threads && *o.national.threads > 0
                          ? static_cast<int>(*o.national.threads)
                          : sim.threads();
  return processes.job_runner(std::min(threads, o.seeds));
}

int compare_counterfactuals(const EnsembleOptions& o, const Team& processes) {
  const experiments::Simulation sim = load_simulation(o.scenario, o.national);
  if (!sim.is_national()) {
    throw scenario::ScenarioError(sim.source().path, 0, "",
                                  "--counterfactuals applies to national scenarios only");
  }
  const std::uint64_t seed = first_seed(sim, o.national);
  const national::NationalScenario base = sim.national_scenario({}, seed);
  const std::vector<std::string>& names = o.counterfactuals;
  const auto variants = experiments::counterfactual_variants(base, names, "--counterfactuals");
  const std::filesystem::path out = experiment_dir(sim.name(), o.out, "ensembles");
  std::optional<io::AtomicOutputDir> dir;
  const auto runner = start_runs(o, sim, out, processes, dir);
  const bool show_progress = processes.owns_outputs() && !o.quiet && ::isatty(STDERR_FILENO);
  const std::int64_t shared = national::shared_hours(variants);
  std::vector<experiments::Ensemble> ensembles;
  try {
    ensembles = experiments::run_branched_ensembles(variants, o.seeds, *runner,
                                                    progress_line(show_progress, o.seeds, "seeds"));
  } catch (const RunCancelled&) {
    fmt::print(stderr, "\nunrest: interrupted; nothing was written to '{}'\n", out.string());
    return kExitInterrupted;
  }
  if (show_progress) fmt::print(stderr, "\r\033[K");
  if (!processes.owns_outputs()) return 0;
  nlohmann::json files = nlohmann::json::array();
  std::vector<nlohmann::json> summaries;
  for (std::size_t v = 0; v < variants.size(); ++v) {
    const auto& e = ensembles[v];
    summaries.push_back(experiments::ensemble_summary_json(e));
    for (const auto& [file, text] :
         {std::pair{"quantiles-" + names[v] + ".csv", experiments::ensemble_quantiles_csv(e)},
          std::pair{"figures-" + names[v] + ".csv", experiments::ensemble_figures_csv(e)},
          std::pair{"summary-" + names[v] + ".json", summaries.back().dump(2) + "\n"}}) {
      io::write_text_file(dir->file(file), text);
      files.push_back(file);
    }
  }
  nlohmann::json manifest = io::manifest_base(sim.source(), io::national_scenario_json(base));
  manifest["command"] = "ensemble";
  manifest["counterfactuals"] = names;
  manifest["seeds"] = summaries.front()["seeds"];
  manifest["scale"] = base.scale;
  manifest["shared_hours"] = shared;
  files.push_back("manifest.json");
  manifest["files"] = files;
  io::write_text_file(dir->file("manifest.json"), manifest.dump(2) + "\n");
  dir->commit();
  if (!o.quiet) {
    const auto start = *national::parse_local_time(base.start_date);
    fmt::print(
        "{}: {} counterfactuals x {} runs (seeds {}-{}) at scale {:g}; the first {} hours "
        "(to {}) run once a seed\n",
        sim.name(), variants.size(), o.seeds, seed, seed + static_cast<std::uint64_t>(o.seeds) - 1,
        base.scale, shared, national::date_time_of_tick(start, shared));
    for (std::size_t v = 0; v < variants.size(); ++v) {
      fmt::print("{}:\n", names[v]);
      print_figures(summaries[v], true);
    }
    fmt::print("outputs: {}/{{quantiles-*.csv, figures-*.csv, summary-*.json, manifest.json}}\n",
               dir->final_path().string());
  }
  return 0;
}

}  // namespace

int ensemble_command(const EnsembleOptions& o, const Team& processes) {
  if (!o.counterfactuals.empty()) return compare_counterfactuals(o, processes);
  const experiments::Simulation sim = load_simulation(o.scenario, o.national);
  const io::ScenarioSource& source = sim.source();
  const std::uint64_t seed = first_seed(sim, o.national);
  const std::string name = sim.name();
  const std::filesystem::path out = experiment_dir(name, o.out, "ensemble");
  std::optional<io::AtomicOutputDir> dir;
  const auto runner = start_runs(o, sim, out, processes, dir);
  const bool show_progress = processes.owns_outputs() && !o.quiet && ::isatty(STDERR_FILENO);
  experiments::Ensemble ensemble;
  try {
    const auto progress = progress_line(show_progress, o.seeds, "runs");
    ensemble = sim.is_national() ? experiments::run_ensemble(sim.national_scenario({}, seed),
                                                             o.seeds, *runner, progress)
                                 : experiments::run_classic_ensemble(sim.classic_scenario({}, seed),
                                                                     o.seeds, *runner, progress);
  } catch (const RunCancelled&) {
    fmt::print(stderr, "\nunrest: interrupted; nothing was written to '{}'\n", out.string());
    return kExitInterrupted;
  }
  if (show_progress) fmt::print(stderr, "\r\033[K");
  if (!processes.owns_outputs()) return 0;
  const auto summary = experiments::ensemble_summary_json(ensemble);
  io::write_text_file(dir->file("quantiles.csv"), experiments::ensemble_quantiles_csv(ensemble));
  io::write_text_file(dir->file("figures.csv"), experiments::ensemble_figures_csv(ensemble));
  io::write_text_file(dir->file("summary.json"), summary.dump(2) + "\n");
  nlohmann::json manifest = io::manifest_base(
      source, sim.is_national() ? io::national_scenario_json(sim.national_scenario({}, seed))
                                : io::scenario_to_json(sim.classic_scenario({}, seed)));
  manifest["command"] = "ensemble";
  manifest["seeds"] = summary["seeds"];
  manifest["scale"] = ensemble.scale;
  manifest["files"] = {"quantiles.csv", "figures.csv", "summary.json", "manifest.json"};
  io::write_text_file(dir->file("manifest.json"), manifest.dump(2) + "\n");
  dir->commit();
  if (!o.quiet) {
    fmt::print(
        "{}: {} runs (seeds {}-{}) at scale {:g}{}\n", name, o.seeds, seed,
        seed + static_cast<std::uint64_t>(o.seeds) - 1, ensemble.scale,
        processes.size > 1 ? fmt::format(", on {} MPI worker processes", processes.size - 1) : "");
    print_figures(summary, sim.is_national());
    fmt::print("outputs: {}/{{quantiles.csv, figures.csv, summary.json, manifest.json}}\n",
               dir->final_path().string());
  }
  return 0;
}

}  // namespace unrest::cli
