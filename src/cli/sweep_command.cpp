#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

#include "cli/experiment_commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/scenario_source.hpp"
#include "cli/team.hpp"
#include "unrest/experiments/parameter_sweep.hpp"
#include "unrest/experiments/run_many.hpp"
#include "unrest/io/content_hash.hpp"
#include "unrest/io/text_file.hpp"
#include "unrest/scenario/scenario_error.hpp"

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
  return cmd;
}

int sweep_command(const SweepOptions& o, const Team& processes) {
  const experiments::Simulation sim = load_simulation(o.scenario, o.national);
  const io::ScenarioSource& source = sim.source();
  const std::uint64_t first_seed =
      o.national.seed ? static_cast<std::uint64_t>(*o.national.seed) : sim.seed();

  experiments::SweepSpec spec;
  for (const auto& p : o.params) spec.parameters.push_back(experiments::parse_parameter_range(p));
  // "0:1" may mean a real range: values are rounded only for keys that refuse a fraction.
  for (auto& range : spec.parameters) {
    if (!range.integer) continue;
    try {
      sim.check({fmt::format("{}={}", range.key, range.low + 0.5)});
      range.integer = false;
    } catch (const scenario::ScenarioError& e) {
      range.integer = e.message().find("expected an integer") != std::string::npos;
    }
  }
  spec.design = experiments::parse_design(o.design);
  spec.points = o.points;
  spec.seeds = o.seeds;
  spec.design_seed = first_seed;
  const auto runs = experiments::sweep_runs(spec);

  auto assignments = [&](const experiments::SweepRun& run) {
    std::vector<std::string> sets;
    for (std::size_t k = 0; k < spec.parameters.size(); ++k) {
      sets.push_back(experiments::assignment(spec.parameters[k], run.values[k]));
    }
    return sets;
  };
  // Every design point is parsed before anything runs, so a bad key or value fails at once.
  std::set<std::size_t> points_checked;
  for (const auto& run : runs) {
    if (!points_checked.insert(run.point).second) continue;
    try {
      sim.check(assignments(run));
    } catch (const scenario::ScenarioError& e) {
      // Name the design point: the values came from --param, not from the file.
      std::string values;
      for (const auto& a : assignments(run)) values += (values.empty() ? "" : " ") + a;
      throw scenario::ScenarioError("--param (design point " + values + ")", 0, e.key(),
                                    e.message());
    }
  }

  const std::string name = sim.name();
  const std::filesystem::path out = experiment_dir(name, o.out, "sweep");
  std::string header = "run,point,seed";
  for (const auto& p : spec.parameters) header += "," + p.key;
  for (const auto& f : sim.figure_names()) header += "," + f;
  // Rank 0 checks the directory and reads the finished runs; every rank learns them.
  std::optional<experiments::SweepLog> log;
  std::string finished_ids;
  processes.on_root([&] {
    // The spec beside the results: a restart must be the same sweep.
    claim_directory(out, "sweep.json",
                    {{"unrest_version", UNREST_VERSION},
                     {"scenario", source.path},
                     {"scenario_text_hash_fnv1a64", io::fnv1a64_hex(source.text)},
                     {"overrides", source.overrides},
                     {"params", o.params},
                     {"design", o.design},
                     {"points", o.points},
                     {"seeds", o.seeds},
                     {"runs", runs.size()}},
                    "sweep");
    log.emplace(out / "sweep.csv", header);
    for (std::size_t id : log->finished()) finished_ids += std::to_string(id) + " ";
  });
  processes.broadcast(finished_ids);
  std::set<std::size_t> finished;
  {
    std::istringstream in(finished_ids);
    for (std::size_t id = 0; in >> id;) finished.insert(id);
  }
  std::vector<experiments::SweepRun> todo;
  for (const auto& run : runs) {
    if (!finished.count(run.id)) todo.push_back(run);
  }
  if (processes.owns_outputs() && !o.quiet) {
    fmt::print(stderr, "sweep: {} runs ({} design points x {} seeds), {} already finished\n",
               runs.size(), runs.size() / static_cast<std::size_t>(o.seeds), o.seeds,
               runs.size() - todo.size());
  }
  if (processes.size == 1) watch_interrupts();
  const int threads = o.national.threads && *o.national.threads > 0
                          ? static_cast<int>(*o.national.threads)
                          : sim.threads();
  std::atomic<std::size_t> done{0};
  const auto start = std::chrono::steady_clock::now();
  const bool show_progress = processes.owns_outputs() && !o.quiet && ::isatty(STDERR_FILENO);
  const auto runner = processes.job_runner(std::max(1, threads));
  runner->run(
      todo.size(),
      [&](std::size_t i) {
        const auto& run = todo[i];
        const std::uint64_t seed = first_seed + static_cast<std::uint64_t>(run.seed_offset);
        std::string row = fmt::format("{},{},{}", run.id, run.point, seed);
        for (double v : run.values) row += fmt::format(",{:.17g}", v);
        for (double value : sim.figures(assignments(run), seed)) {
          row += fmt::format(",{:.10g}", value);
        }
        return row;
      },
      [&](std::size_t, std::string row) {
        log->append(row);
        const std::size_t n = ++done;
        if (show_progress) {
          const double s =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          fmt::print(stderr, "\r\033[Ksweep: {}/{} runs this session, {:.1f} s, ETA {:.1f} s", n,
                     todo.size(), s,
                     s / static_cast<double>(n) * static_cast<double>(todo.size() - n));
        }
      },
      false, [] { return interrupted(); });
  if (show_progress) fmt::print(stderr, "\r\033[K");
  if (!processes.owns_outputs()) return 0;
  const std::size_t total = finished.size() + done.load();
  if (interrupted() && total < runs.size()) {
    fmt::print(stderr,
               "unrest: interrupted with {} of {} runs in '{}'; run the same command to finish\n",
               total, runs.size(), (out / "sweep.csv").string());
    return kExitInterrupted;
  }
  if (!o.quiet) fmt::print("{}: {} runs in {}\n", name, runs.size(), (out / "sweep.csv").string());
  return 0;
}

}  // namespace unrest::cli
