#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <optional>

#include "cli/experiment_commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/team.hpp"
#include "unrest/experiments/seed_ensemble.hpp"
#include "unrest/io/atomic_output_dir.hpp"
#include "unrest/io/national_outputs.hpp"
#include "unrest/io/scenario_source.hpp"
#include "unrest/io/text_file.hpp"
#include "unrest/run_classic.hpp"
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
  return cmd;
}

int ensemble_command(const EnsembleOptions& o, const Team& processes) {
  const experiments::Simulation sim = load_simulation(o.scenario, o.national);
  const io::ScenarioSource& source = sim.source();
  const std::uint64_t seed = first_seed(sim, o.national);
  const std::string name = sim.name();
  const std::filesystem::path out = experiment_dir(name, o.out, "ensemble");
  std::optional<io::AtomicOutputDir> dir;
  processes.on_root([&] { dir.emplace(out, o.overwrite); });
  if (processes.size == 1) watch_interrupts();
  const int threads = o.national.threads && *o.national.threads > 0
                          ? static_cast<int>(*o.national.threads)
                          : sim.threads();
  const auto start = std::chrono::steady_clock::now();
  const bool show_progress = processes.owns_outputs() && !o.quiet && ::isatty(STDERR_FILENO);
  const auto runner = processes.job_runner(std::min(threads, o.seeds));
  experiments::Ensemble ensemble;
  try {
    const auto progress = [&](int done) {
      if (show_progress) {
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        fmt::print(stderr, "\r\033[Kensemble: {}/{} runs, {:.1f} s, ETA {:.1f} s", done, o.seeds, s,
                   s / done * (o.seeds - done));
      }
      return !interrupted();
    };
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
    fmt::print("  {:<36} {:>10} {:>10} {:>10} {:>10}  {}\n",
               sim.is_national() ? "figure (people)" : "figure", "median", "5 %", "95 %",
               "reported", "runs within factor");
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
    fmt::print("outputs: {}/{{quantiles.csv, figures.csv, summary.json, manifest.json}}\n",
               dir->final_path().string());
  }
  return 0;
}

}  // namespace unrest::cli
