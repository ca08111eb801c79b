// The `unrest` command: run, validate and list scenarios.
//
// Exit status: 0 success; 2 bad input (scenario errors, bad options, an existing output
// directory); 1 failures of the machine (unwritable disk, ...); 130 interrupted.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "cli/experiment_commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/national_setup.hpp"
#include "cli/progress.hpp"
#include "cli/reference_listings.hpp"
#include "cli/run_branching.hpp"
#include "cli/team.hpp"
#include "cli/view_commands.hpp"
#include "unrest/engine/memory_estimate.hpp"
#include "unrest/io/atomic_output_dir.hpp"
#include "unrest/io/classic_options.hpp"
#include "unrest/io/manifest_replay.hpp"
#include "unrest/io/national_outputs.hpp"
#include "unrest/io/netcdf_cube.hpp"
#include "unrest/io/run_outputs.hpp"
#include "unrest/io/scenario_source.hpp"
#include "unrest/report/html_report.hpp"
#include "unrest/run_classic.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/nearest_key.hpp"
#include "unrest/scenario/outside_the_run.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/web/web_assets.hpp"
#ifdef UNREST_WITH_MPI
#include "unrest/distributed/mpi_team.hpp"
#endif
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/scenario/scenario_kind.hpp"

namespace {

using unrest::io::ScenarioSource;
using unrest::scenario::ScenarioError;

using unrest::cli::kExitBadInput;
using unrest::cli::kExitFailure;
using unrest::cli::kExitInterrupted;

struct RunOptions {
  std::string scenario;
  std::vector<std::string> sets;
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> ticks;
  std::string engine;
  std::optional<std::int64_t> threads;
  std::string out;
  bool overwrite = false;
  bool quiet = false;
  bool progress = false;
  bool report = false;
  std::string format = "csv";
  // Replaying a manifest: the manifest, and the run it records (checked against what is run now).
  std::string manifest_path;
  std::optional<unrest::io::RecordedRun> recorded;
  std::uint64_t max_memory = 0;           // bytes; 0: what the machine has available
  std::vector<std::string> save_at;       // national: hours to save the run's state at
  std::string from;                       // national: a saved state to go on from
  unrest::cli::NationalOptions national;  // --scale, --without, --counterfactual
};

void print_run_summary(const unrest::ClassicRun& run, const std::filesystem::path& out,
                       double seconds) {
  const auto summary = unrest::io::summary_json(run);
  const auto& totals = summary["totals"];
  const auto& bursts = summary["outbursts"];
  fmt::print(
      "{} (seed {}, {} ticks) finished in {:.2f} s: {:.3g} agent-activations/s, peak memory {}\n",
      run.scenario.name, run.scenario.run.seed, run.scenario.run.ticks, seconds,
      seconds > 0 ? static_cast<double>(run.activations) / seconds : 0.0,
      unrest::engine::bytes_text(unrest::engine::peak_resident_memory()));
  const auto& last = run.series.back();
  fmt::print("  final: quiet {}, active {}, jailed {}, cops {}, legitimacy {}\n", last.quiet,
             last.active, last.jailed, last.cops, last.legitimacy);
  fmt::print("  mean actives {:.1f}, peak {} at tick {}, arrests {}\n",
             totals["mean_active"].get<double>(), totals["peak_active"].get<unsigned>(),
             totals["peak_tick"].get<long>(), totals["arrests"].get<unsigned long>());
  fmt::print("  outbursts (> {} actives): {}", bursts["threshold"].get<long>(),
             bursts["count"].get<std::size_t>());
  if (!bursts["waiting_time"]["mean"].is_null()) {
    fmt::print(", mean calm between them {:.1f} ticks",
               bursts["waiting_time"]["mean"].get<double>());
  }
  fmt::print("\n  outputs: {}/{{timeseries.csv, summary.json, manifest.json}}\n", out.string());
}

std::string national_progress(const unrest::national::NationalEngine& engine, double seconds) {
  double active = 0, arrests = 0;
  engine.observe([&](std::string_view quantity, double value) {
    if (quantity == "active") active = value;
    if (quantity == "arrests") arrests = value;
  });
  const double scale = engine.scenario().scale;
  return fmt::format("{}  active {:.0f}  arrests {:.0f}  {:.3g} agent-updates/s",
                     unrest::national::date_time_of_tick(engine.start(), engine.tick() - 1),
                     active / scale, arrests / scale,
                     seconds > 0 ? static_cast<double>(engine.agent_updates()) / seconds : 0.0);
}

// What the scenario dates outside the run: said, not silently dropped.
void print_notes(const std::vector<std::string>& notes) {
  for (const auto& note : notes) fmt::print(stderr, "unrest: note: {}\n", note);
}

int run_national_command(const RunOptions& options, ScenarioSource source,
                         const unrest::cli::Team& team) {
  if (!options.engine.empty() && options.engine != "parallel") {
    throw ScenarioError("--engine " + options.engine, 0, "",
                        "a national scenario runs on the parallel national engine only");
  }
  unrest::cli::NationalOptions national = options.national;
  national.sets = options.sets;
  national.seed = options.seed;
  national.threads = options.threads;
  auto scenario = unrest::cli::load_national(national, source);
  if (options.recorded)
    unrest::io::check_behaviour(options.manifest_path, *options.recorded, scenario);
  if (options.ticks) {
    scenario.ticks = std::min(scenario.ticks, *options.ticks);
    source.overrides.push_back(fmt::format("--ticks {}", *options.ticks));
  }
  if (team.owns_outputs() && !options.quiet)
    print_notes(unrest::scenario::outside_the_run(scenario));
  unrest::engine::check_memory(unrest::engine::estimate_memory(scenario, source.path),
                               options.max_memory);
  const auto branching = unrest::cli::plan_branching(options.from, options.save_at, scenario);
  std::string name = scenario.name;
  if (!scenario.counterfactual.empty()) name += "-" + scenario.counterfactual;
  const std::filesystem::path out = options.out.empty() ? std::filesystem::path("out") / name
                                                        : std::filesystem::path(options.out);
  // Spread over MPI ranks, each rank runs its share of the places; rank 0 writes and prints.
  std::optional<unrest::io::AtomicOutputDir> dir;
  team.on_root([&] { dir.emplace(out, options.overwrite); });
  const bool speak = team.owns_outputs() && !options.quiet;
  // Under MPI, Ctrl-C ends every rank at once (a cancel seen by one rank only would leave
  // the others waiting for it).
  if (team.size == 1) unrest::cli::watch_interrupts();
  unrest::cli::ProgressLine progress(scenario.ticks,
                                     speak && (options.progress || ::isatty(STDERR_FILENO)));
  if (speak) {
    double people = 0;
    for (const auto& p : scenario.places) people += p.population;
    fmt::print(
        "{}{}: {} places, {:.0f} people at scale {:g}, {} to {} ({} hourly ticks), seed {}{}\n",
        scenario.name,
        scenario.counterfactual.empty() ? "" : " [counterfactual " + scenario.counterfactual + "]",
        scenario.places.size(), people, scenario.scale, scenario.start_date, scenario.end_date,
        scenario.ticks, scenario.seed,
        team.size > 1 ? fmt::format(", places shared by {} MPI processes", team.size) : "");
  }
  if (speak && branching.from) {
    fmt::print("going on from the state saved at {} ({})\n", branching.from->time,
               branching.from->path.string());
  }
  unrest::io::RunStates states;
  if (branching.from) {
    states.from = branching.from->path.string();
    states.from_time = branching.from->time;
  }
  std::unique_ptr<unrest::national::NationalEngine> engine;
  try {
    engine = unrest::run_national(
        scenario,
        [&](const unrest::national::NationalEngine& e) {
          progress.update(e.tick(), national_progress(e, progress.elapsed_seconds()));
          if (std::binary_search(branching.save_ticks.begin(), branching.save_ticks.end(),
                                 e.tick())) {
            // Every rank hands its places to rank 0, which writes the file.
            const std::string state = unrest::cli::gathered_state(team, e);
            team.on_root([&] {
              states.saved.push_back(unrest::io::state_file_name(e));
              unrest::io::write_state_file(dir->file(states.saved.back()), e, state);
            });
          }
          return !unrest::cli::interrupted();
        },
        team.partition(scenario),
        [&](unrest::national::NationalEngine& e) {
          if (branching.from) unrest::cli::restore_everywhere(team, e, *branching.from);
        });
  } catch (const unrest::RunCancelled&) {
    progress.finish();
    fmt::print(stderr, "unrest: interrupted; nothing was written to '{}'\n", out.string());
    return kExitInterrupted;
  }
  const double seconds = progress.elapsed_seconds();
  progress.finish();
  if (!team.owns_outputs()) return 0;
  unrest::io::write_national_outputs(*dir, *engine, source, options.format == "netcdf", states);
  if (options.report) unrest::report::write_report_before_commit(*dir);
  dir->commit();
  if (speak) {
    fmt::print("{}", unrest::io::national_report_text(*engine));
    fmt::print("\nfinished in {:.2f} s ({:.3g} agent-updates/s), peak memory {}\n", seconds,
               seconds > 0 ? static_cast<double>(engine->agent_updates()) / seconds : 0.0,
               unrest::engine::bytes_text(unrest::engine::peak_resident_memory()));
    if (team.size > 1) {
      fmt::print(
          "exchange of places' records between {} MPI processes: {:.3f} ms a tick on rank 0\n",
          team.size, team.exchange_seconds() * 1e3 / static_cast<double>(engine->tick()));
    }
    fmt::print(
        "outputs: {}/{{places.csv, national.csv, events.csv, summary.json, manifest.json{}}}\n",
        dir->final_path().string(), options.report ? ", report.html" : "");
  }
  return 0;
}

// Which model a scenario is for: `[scenario] kind`, or [[place]] entries; malformed TOML is
// reported here, as such, whatever other options were given.
bool is_national(const ScenarioSource& source) {
  return unrest::scenario::scenario_kind(source.text, source.path) ==
         unrest::scenario::ScenarioKind::national;
}

// A manifest named as the scenario: its recorded text and options, with the command line's
// own options on top (a --set given now comes after the recorded ones, so it wins).
RunOptions replayed(const RunOptions& given, ScenarioSource& source) {
  const auto recorded = unrest::io::read_manifest(source.path, source.text);
  RunOptions options = given;
  options.manifest_path = source.path;
  options.recorded = recorded;
  source = recorded.source;
  options.sets = recorded.sets;
  options.sets.insert(options.sets.end(), given.sets.begin(), given.sets.end());
  if (!options.seed) options.seed = recorded.seed;
  if (!options.ticks) options.ticks = recorded.ticks;
  if (options.engine.empty()) options.engine = recorded.engine;
  auto& national = options.national;
  if (!national.scale) national.scale = recorded.scale;
  if (national.counterfactual.empty()) national.counterfactual = recorded.counterfactual;
  national.without = recorded.without;
  national.without.insert(national.without.end(), given.national.without.begin(),
                          given.national.without.end());
  return options;
}

int run_command(const RunOptions& given, const unrest::cli::Team& team) {
  // Said before the run, not after it.
  if (given.report && !unrest::web::available()) {
    throw unrest::report::WebPagesUnavailable(unrest::web::kUnavailable);
  }
  // Said before the run, not after it.
  if (given.format == "netcdf") unrest::io::require_netcdf();
  ScenarioSource source = unrest::io::resolve_source(given.scenario);
  const RunOptions options =
      unrest::io::looks_like_manifest(source.text) ? replayed(given, source) : given;
  if (is_national(source)) return run_national_command(options, std::move(source), team);
  if (options.format != "csv") {
    throw ScenarioError("--format " + options.format, 0, "",
                        "a classic run writes CSV only (the NetCDF cube is a national run's)");
  }
  if (options.national.scale || !options.national.without.empty() ||
      !options.national.counterfactual.empty() || !options.save_at.empty() ||
      !options.from.empty()) {
    throw ScenarioError(source.path, 0, "",
                        "--scale, --without, --counterfactual, --save-at and --from apply to "
                        "national scenarios only");
  }
  auto scenario = unrest::io::load_classic(
      {options.sets, options.engine, options.threads, options.seed, options.ticks}, source);
  if (!options.quiet) print_notes(unrest::scenario::outside_the_run(scenario));
  unrest::engine::check_memory(unrest::engine::estimate_memory(scenario, source.path),
                               options.max_memory);
  const std::filesystem::path out = options.out.empty()
                                        ? std::filesystem::path("out") / scenario.name
                                        : std::filesystem::path(options.out);
  unrest::io::AtomicOutputDir dir(out, options.overwrite);

  unrest::cli::watch_interrupts();
  unrest::cli::ProgressLine progress(
      scenario.run.ticks, !options.quiet && (options.progress || ::isatty(STDERR_FILENO)));
  unrest::ClassicRun run;
  try {
    run = unrest::run_classic(
        scenario,
        [&](const unrest::engine::TickCounts& c, std::uint64_t a) {
          progress.update(c, a);
          return !unrest::cli::interrupted();
        },
        unrest::cli::interrupted);
  } catch (const unrest::RunCancelled&) {
    progress.finish();
    fmt::print(stderr, "unrest: interrupted; nothing was written to '{}'\n", out.string());
    return kExitInterrupted;
  }
  const double seconds = progress.elapsed_seconds();
  progress.finish();
  unrest::io::write_run_outputs(dir, run, source);
  if (options.report) unrest::report::write_report_before_commit(dir);
  dir.commit();
  if (!options.quiet) {
    print_run_summary(run, dir.final_path(), seconds);
    if (options.report) fmt::print("  report: {}/report.html\n", dir.final_path().string());
  }
  return 0;
}

int validate_command(const std::vector<std::string>& files) {
  int status = 0;
  for (const auto& file : files) {
    try {
      const ScenarioSource source = unrest::io::resolve_source(file);
      if (is_national(source)) {
        const auto s = unrest::national::parse_national_scenario(source.text, source.path);
        fmt::print(
            "{}: ok ({}, national: {} places, {} to {}, {} events, {} targets, {} checks, "
            "{} counterfactuals)\n",
            source.path, s.name, s.places.size(), s.start_date, s.end_date, s.events.size(),
            s.targets.size(), s.checks.size(), s.counterfactuals.size());
        print_notes(unrest::scenario::outside_the_run(s));
        continue;
      }
      const auto s = unrest::scenario::parse_scenario(source.text, source.path);
      fmt::print("{}: ok ({}, {}x{}, {} ticks, {} scheduled events)\n", source.path, s.name,
                 s.model.width, s.model.height, s.run.ticks, s.schedule.size());
      print_notes(unrest::scenario::outside_the_run(s));
    } catch (const ScenarioError& e) {
      fmt::print(stderr, "unrest: {}\n", e.what());
      status = kExitBadInput;
    }
  }
  return status;
}

void list_command() {
  for (const auto& builtin : unrest::scenario::builtin_scenarios()) {
    if (unrest::scenario::scenario_kind(builtin.text, builtin.path) ==
        unrest::scenario::ScenarioKind::national) {
      const auto s = unrest::national::parse_national_scenario(builtin.text, builtin.path);
      fmt::print("{}\n    {}\n", builtin.path, s.description);
      for (const auto& c : s.counterfactuals) {
        fmt::print("    --counterfactual {}: {}\n", c.id, c.description);
      }
      continue;
    }
    const auto s = unrest::scenario::parse_scenario(builtin.text, builtin.path);
    fmt::print("{}\n    {}\n", builtin.path, s.description);
  }
}

}  // namespace

int main(int argc, char** argv) {
  // The processes this command runs on: this one, or the ranks of an MPI job.
  unrest::cli::Team team;
#ifdef UNREST_WITH_MPI
  unrest::distributed::MpiTeam mpi(&argc, &argv);
  team.rank = mpi.rank();
  team.size = mpi.size();
  team.job_runner = [&mpi](int threads) { return mpi.job_runner(threads); };
  team.partition = [&mpi](const unrest::national::NationalScenario& s) { return mpi.partition(s); };
  team.broadcast = [&mpi](std::string& bytes) { mpi.broadcast(bytes); };
  team.gather = [&mpi](const std::string& bytes) { return mpi.gather(bytes); };
  team.exchange_seconds = [&mpi] { return mpi.exchange_seconds(); };
#endif
  CLI::App app{"unrest: an agent-based simulator of civil unrest and state response"};
  app.set_version_flag("--version", std::string("unrest ") + UNREST_VERSION);
  app.require_subcommand(1);

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and write its outputs atomically");
  run_cmd->add_option("scenario", run.scenario,
                      "Scenario file (TOML); default: the built-in scenarios/kazakhstan-2022.toml");
  run_cmd->add_option("--set", run.sets, "Override a scenario key, e.g. --set model.legitimacy=0.8")
      ->type_name("KEY=VALUE");
  unrest::cli::add_seed_option(*run_cmd, run.seed, "Random seed (overrides run.seed)",
                               std::numeric_limits<std::int64_t>::max());
  run_cmd
      ->add_option("--max-memory", run.max_memory,
                   "Refuse a run whose estimated memory exceeds this (e.g. 4GB, 500MB); default: "
                   "the memory this machine has available")
      ->transform(CLI::AsSizeValue(true));
  run_cmd->add_option("--ticks", run.ticks, "Number of ticks (overrides run.ticks)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000'000}));
  run_cmd->add_option(
      "--engine", run.engine,
      "sequential (the paper's asynchronous activation order) or parallel (synchronous, "
      "multithreaded); overrides run.engine");
  run_cmd
      ->add_option("--threads", run.threads,
                   "Threads of the parallel engine (0: one per hardware thread); results do "
                   "not depend on it")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1024}));
  run_cmd->add_option("--out", run.out, "Output directory; default: out/<scenario name>");
  run_cmd->add_flag("--overwrite", run.overwrite, "Replace an existing output directory");
  unrest::cli::add_national_options(*run_cmd, run.national);
  run_cmd->add_flag("--report", run.report,
                    "Also write report.html, the run's self-contained HTML report (see `report`)");
  run_cmd
      ->add_option("--format", run.format,
                   "csv (the default), or netcdf: also places.nc, the per-place hourly cube as "
                   "NetCDF with CF conventions (national scenarios)")
      ->check(CLI::IsMember({"csv", "netcdf"}));
  run_cmd->add_flag("--quiet", run.quiet, "Print nothing but errors");
  run_cmd->add_flag("--progress", run.progress, "Show progress even when stderr is not a terminal");
  run_cmd
      ->add_option("--save-at", run.save_at,
                   "National scenarios: also write the run's state at this local hour of the "
                   "scenario clock (e.g. 2022-01-05T00:00) to state-2022-01-05T00.bin in the "
                   "output directory, for --from (repeatable)")
      ->type_name("TIME");
  run_cmd
      ->add_option("--from", run.from,
                   "National scenarios: go on from a state saved by --save-at instead of "
                   "running the hours before it; refused unless this run (scenario, seed, "
                   "scale, --set, counterfactual) is the same as the saved one before that hour")
      ->type_name("STATE_FILE");

  std::vector<std::string> validate_files;
  auto* validate_cmd = app.add_subcommand("validate", "Check scenario files without running them");
  validate_cmd->add_option("files", validate_files, "Scenario files")->required();

  auto* list_cmd = app.add_subcommand("scenarios", "List the scenarios built into this binary");
  bool keys = false;
  bool keys_toml = false;
  list_cmd->add_flag("--keys", keys,
                     "List instead every key of national scenarios: the behaviour keys ([rules], "
                     "[mechanisms.*]: type, range, default, meaning), then the run's, the "
                     "event's and the targets' keys (type, range, meaning)");
  list_cmd->add_flag("--toml", keys_toml,
                     "The behaviour keys as a TOML block of the defaults (the README's)");

  bool outputs_markdown = false;
  auto* outputs_cmd = app.add_subcommand(
      "outputs", "List the national model's output quantities: unit, how places add up, meaning");
  outputs_cmd->add_flag("--markdown", outputs_markdown, "As the Markdown table of the README");

  unrest::cli::EnsembleOptions ensemble;
  auto* ensemble_cmd = unrest::cli::add_ensemble_command(app, ensemble);
  unrest::cli::SweepOptions sweep;
  auto* sweep_cmd = unrest::cli::add_sweep_command(app, sweep);
  unrest::cli::SensitivityOptions sensitivity;
  auto* sensitivity_cmd = unrest::cli::add_sensitivity_command(app, sensitivity);
  unrest::cli::CalibrateOptions calibrate;
  auto* calibrate_cmd = unrest::cli::add_calibrate_command(app, calibrate);
  unrest::cli::ReportOptions report;
  auto* report_cmd = unrest::cli::add_report_command(app, report);
  unrest::cli::ServeOptions serve;
  auto* serve_cmd = unrest::cli::add_serve_command(app, serve);

  // A first word that is no command: name it (CLI11 would only say a command is required).
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> commands;
    for (const auto* command : app.get_subcommands({})) commands.push_back(command->get_name());
    const std::string word = argv[1];
    if (std::find(commands.begin(), commands.end(), word) == commands.end()) {
      std::string message = fmt::format("unrest: unknown command '{}'", word);
      if (auto guess = unrest::scenario::nearest_key(word, commands)) {
        message += fmt::format(" (did you mean '{}'?)", *guess);
      }
      fmt::print(stderr, "{}; the commands are: {}\n", message, fmt::join(commands, ", "));
      return kExitBadInput;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitBadInput;
  }

  try {
    if (*run_cmd) return run_command(run, team);
    if (*validate_cmd) return validate_command(validate_files);
    if (*ensemble_cmd) return unrest::cli::ensemble_command(ensemble, team);
    if (*sweep_cmd) return unrest::cli::sweep_command(sweep, team);
    if (*sensitivity_cmd) return unrest::cli::sensitivity_command(sensitivity, team);
    if (*calibrate_cmd) return unrest::cli::calibrate_command(calibrate, team);
    if (*report_cmd) return unrest::cli::report_command(report);
    if (*serve_cmd) return unrest::cli::serve_command(serve);
    if (*list_cmd) {
      if (keys || keys_toml) {
        unrest::cli::print_parameter_keys(keys_toml);
      } else {
        list_command();
      }
      return 0;
    }
    if (*outputs_cmd) {
      unrest::cli::print_outputs(outputs_markdown);
      return 0;
    }
  } catch (const ScenarioError& e) {
    if (team.owns_outputs()) fmt::print(stderr, "unrest: {}\n", e.what());
    return kExitBadInput;
  } catch (const unrest::io::OutputDirExists& e) {
    if (team.owns_outputs()) fmt::print(stderr, "unrest: {}\n", e.what());
    return kExitBadInput;
  } catch (const unrest::io::NetcdfUnavailable& e) {
    fmt::print(stderr, "unrest: {}\n", e.what());
    return kExitFailure;
  } catch (const unrest::report::WebPagesUnavailable& e) {
    fmt::print(stderr, "unrest: {}\n", e.what());
    return kExitFailure;
  } catch (const std::exception& e) {
    if (team.owns_outputs()) fmt::print(stderr, "unrest: error: {}\n", e.what());
    return kExitFailure;
  }
  return 0;
}
