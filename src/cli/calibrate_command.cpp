#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <limits>
#include <mutex>
#include <optional>

#include "cli/experiment_commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/team.hpp"
#include "unrest/analysis/national_analysis.hpp"
#include "unrest/experiments/abc_smc.hpp"
#include "unrest/experiments/byte_codec.hpp"
#include "unrest/experiments/calibration_aims.hpp"
#include "unrest/experiments/calibration_log.hpp"
#include "unrest/experiments/parameter_sweep.hpp"
#include "unrest/experiments/quantiles.hpp"
#include "unrest/experiments/run_many.hpp"
#include "unrest/io/scenario_source.hpp"
#include "unrest/io/text_file.hpp"
#include "unrest/rng/random_stream.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/reported_figure.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::cli {
namespace {

using experiments::SimulationCache;
using experiments::SimulationRecord;

std::string field(double v) { return fmt::format("{:.17g}", v); }

}  // namespace

CLI::App* add_calibrate_command(CLI::App& app, CalibrateOptions& o) {
  auto* cmd = app.add_subcommand(
      "calibrate",
      "Fit the scenario's [[free]] parameters to its [[target]] figures by ABC-SMC; resumable: "
      "rerun the same command after an interruption");
  cmd->add_option("--particles", o.particles, "Particles per generation")
      ->check(CLI::Range(2, 100000));
  cmd->add_option("--generations", o.generations, "Generations at most")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--quantile", o.tolerance_quantile,
                  "Each tolerance: this quantile of the previous generation's distances")
      ->check(CLI::Range(0.01, 0.99));
  cmd->add_option("--min-acceptance", o.min_acceptance,
                  "Stop when a generation accepts a smaller share of its proposals")
      ->check(CLI::Range(1e-4, 1.0));
  cmd->add_option("--fit-until", o.fit_until,
                  "Fit only the targets and checks that hold by the end of this local date "
                  "(YYYY-MM-DD); the others are predicted (a temporal split)");
  cmd->add_option("--predictive", o.predictive,
                  "Posterior predictive runs (default: as many as particles)")
      ->check(CLI::Range(0, 100000));
  add_experiment_options(*cmd, o.scenario, o.national, o.out, o.quiet,
                         "Seed of the calibration (overrides run.seed)",
                         "Output directory; default: out/<scenario name>-calibration");
  return cmd;
}

int calibrate_command(const CalibrateOptions& o, const Team& processes) {
  const experiments::Simulation sim = load_simulation(o.scenario, o.national);
  const io::ScenarioSource& source = sim.source();
  if (!sim.is_national()) {
    throw scenario::ScenarioError(source.path, 0, "",
                                  "calibrate needs a national scenario: it fits reported "
                                  "targets, which a classic scenario does not have");
  }
  national::NationalScenario base = sim.national();
  if (o.national.seed) base.seed = static_cast<std::uint64_t>(*o.national.seed);
  const auto problem = experiments::calibration_problem(base, source.path, o.fit_until);
  const auto& priors = problem.priors;
  const auto& aims = problem.aims;
  const auto& figure_ids = problem.figure_ids;
  const auto& fitted = problem.fitted;
  auto assignments = [&](const std::vector<double>& theta) {
    return experiments::calibration_assignments(problem, theta);
  };
  // Both ends of every prior must give a valid scenario before anything runs.
  for (std::size_t k = 0; k < priors.size(); ++k) {
    for (double v : {priors[k].low, priors[k].high}) {
      std::vector<double> theta;
      for (const auto& p : priors) theta.push_back(p.low);
      theta[k] = v;
      sim.check(assignments(theta));
    }
  }
  auto simulate = [&](const std::vector<double>& theta, std::uint64_t seed) {
    return sim.calibration_values(assignments(theta), seed);
  };

  experiments::AbcSettings settings;
  settings.particles = o.particles;
  settings.generations = o.generations;
  settings.tolerance_quantile = o.tolerance_quantile;
  settings.min_acceptance = o.min_acceptance;
  settings.seed = base.seed;
  settings.threads = o.national.threads && *o.national.threads > 0
                         ? static_cast<int>(*o.national.threads)
                         : sim.threads();

  const std::string name = sim.name();
  const std::filesystem::path out = experiment_dir(name, o.out, "calibration");
  // The simulations file is the checkpoint: every finished simulation, one row each.
  const std::string header = experiments::calibration_log_header(priors, figure_ids);
  // Rank 0 checks the directory and reads the simulations file; every rank gets its text.
  std::optional<experiments::SweepLog> log;
  std::string cached_text;
  processes.on_root([&] {
    nlohmann::json claim = scenario_claim(source);
    claim.update({{"particles", o.particles},
                  {"generations", o.generations},
                  {"quantile", o.tolerance_quantile},
                  {"min_acceptance", o.min_acceptance},
                  {"fit_until", o.fit_until}});
    claim_directory(out, "calibration.json", claim, "calibration");
    log.emplace(out / "simulations.csv", header);
    std::ifstream in(out / "simulations.csv");
    std::stringstream text;
    text << in.rdbuf();
    cached_text = text.str();
  });
  processes.broadcast(cached_text);
  const SimulationCache cache =
      experiments::read_calibration_log(cached_text, priors.size(), aims.size());
  if (processes.size == 1) watch_interrupts();
  const bool show_progress = processes.owns_outputs() && !o.quiet && ::isatty(STDERR_FILENO);
  const auto runner = processes.job_runner(settings.threads);
  std::size_t fresh = 0;
  const auto start = std::chrono::steady_clock::now();
  experiments::AbcResult result;
  try {
    result = experiments::run_abc_smc(
        priors, aims, simulate, settings, *runner, cache, [&](const SimulationRecord& r) {
          if (!processes.owns_outputs()) return true;
          log->append(experiments::calibration_log_row(r));
          ++fresh;
          if (show_progress) {
            const double s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            fmt::print(stderr, "\r\033[Kcalibrate: generation {}, {} new simulations, {:.1f} s",
                       r.generation, fresh, s);
          }
          return !interrupted();
        });
  } catch (const RunCancelled&) {
    if (show_progress) fmt::print(stderr, "\r\033[K");
    fmt::print(stderr,
               "unrest: interrupted; {} simulations kept in '{}'; run the same command to go on\n",
               cache.size() + fresh, (out / "simulations.csv").string());
    return kExitInterrupted;
  }
  if (show_progress) fmt::print(stderr, "\r\033[K");
  const auto& posterior = result.generations.back().particles;

  // Posterior predictive: fresh simulations from parameters resampled by weight.
  const int m = o.predictive > 0 ? o.predictive : o.particles;
  std::vector<std::vector<double>> predictive(static_cast<std::size_t>(m));
  runner->run(
      static_cast<std::size_t>(m),
      [&](std::size_t i) {
        rng::RandomStream draw(rng::combine(rng::combine(base.seed, 0x9d1c), i));
        double u = draw.uniform();
        std::size_t j = 0;
        while (j + 1 < posterior.size() && u >= posterior[j].weight) u -= posterior[j++].weight;
        experiments::ByteWriter w;
        w.doubles(simulate(posterior[j].theta, draw.next_u64() >> 2));
        return w.take();
      },
      [&](std::size_t i, std::string bytes) {
        experiments::ByteReader r(bytes);
        predictive[i] = r.doubles();
      },
      false, {});
  if (!processes.owns_outputs()) return 0;

  std::string csv;
  for (const auto& p : priors) csv += p.key + ",";
  csv += "weight,distance\n";
  for (const auto& p : posterior) {
    for (double v : p.theta) csv += field(v) + ",";
    csv += field(p.weight) + "," + field(p.distance) + "\n";
  }
  io::write_text_file(out / "posterior.csv", csv);

  nlohmann::json params = nlohmann::json::object();
  for (std::size_t k = 0; k < priors.size(); ++k) {
    double mean = 0;
    for (const auto& p : posterior) mean += p.weight * p.theta[k];
    double var = 0;
    for (const auto& p : posterior) var += p.weight * (p.theta[k] - mean) * (p.theta[k] - mean);
    params[priors[k].key] = {{"prior",
                              {{"low", priors[k].low},
                               {"high", priors[k].high},
                               {"scale", priors[k].log_scale ? "log" : "linear"}}},
                             {"mean", mean},
                             {"sd", std::sqrt(var)},
                             {"q05", experiments::weighted_quantile(posterior, k, 0.05)},
                             {"q50", experiments::weighted_quantile(posterior, k, 0.5)},
                             {"q95", experiments::weighted_quantile(posterior, k, 0.95)}};
  }
  nlohmann::json generations = nlohmann::json::array();
  for (const auto& g : result.generations) {
    generations.push_back(
        {{"tolerance",
          std::isinf(g.tolerance) ? nlohmann::json("infinite") : nlohmann::json(g.tolerance)},
         {"proposals", g.proposals},
         {"acceptance", static_cast<double>(o.particles) / static_cast<double>(g.proposals)}});
  }
  nlohmann::json check = nlohmann::json::object();
  for (std::size_t t = 0; t < base.targets.size(); ++t) {
    std::vector<double> v;
    for (const auto& run : predictive) {
      if (!std::isnan(run[t])) v.push_back(run[t]);
    }
    std::size_t within = 0;
    const auto& target = base.targets[t];
    for (double x : v) within += national::agrees(target, x) ? 1 : 0;
    check[target.id] = {
        {"reported", target.value},
        {"kind", national::to_string(target.kind)},
        {"reporter", target.reporter},
        {"fitted", static_cast<bool>(fitted[t])},
        {"q05", experiments::quantile(v, 0.05)},
        {"q50", experiments::quantile(v, 0.5)},
        {"q95", experiments::quantile(v, 0.95)},
        {"share_within_factor",
         v.empty() ? 0.0 : static_cast<double>(within) / static_cast<double>(v.size())},
        {"factor", target.factor}};
  }
  nlohmann::json checks = nlohmann::json::object();
  for (std::size_t c = 0; c < base.checks.size(); ++c) {
    const std::size_t i = base.targets.size() + c;
    const national::Check& k = base.checks[c];
    double passed = 0;
    std::vector<double> v;
    for (const auto& run : predictive) {
      if (!national::bounds_a_number(k)) {
        passed += run[i];
      } else if (!std::isnan(run[i])) {
        v.push_back(run[i]);
        passed += run[i] >= k.low && run[i] <= k.high ? 1.0 : 0.0;
      }
    }
    auto& entry = checks[k.id];
    entry = {
        {"fitted", static_cast<bool>(fitted[i])},
        {"pass_share", predictive.empty() ? 0.0 : passed / static_cast<double>(predictive.size())}};
    if (!v.empty()) {
      entry["low"] = k.low;
      entry["high"] = k.high;
      entry["q05"] = experiments::quantile(v, 0.05);
      entry["q50"] = experiments::quantile(v, 0.5);
      entry["q95"] = experiments::quantile(v, 0.95);
    }
  }
  const nlohmann::json summary = {
      {"scenario", base.name},
      {"scale", base.scale},
      {"method",
       "ABC-SMC, adaptive tolerances, RMS over the fitted targets and checks of "
       "log((sim + 1) / (aim + 1)), aim the nearest end of the interval a target aims at (0 "
       "inside), and for a check 1 (passed)"},
      {"particles", o.particles},
      {"generations", generations},
      {"stopped_because", result.stopped_because},
      {"simulations", result.simulations + static_cast<std::size_t>(m)},
      {"simulations_this_session", fresh + static_cast<std::size_t>(m)},
      {"parameters", params},
      {"fit_until", o.fit_until},
      {"posterior_predictive", check},
      {"posterior_predictive_checks", checks}};
  io::write_text_file(out / "summary.json", summary.dump(2) + "\n");
  if (!o.quiet) {
    fmt::print("{}: ABC-SMC, {} particles, {} generations ({}), {} simulations, scale {:g}\n", name,
               o.particles, result.generations.size(), result.stopped_because,
               result.simulations + static_cast<std::size_t>(m), base.scale);
    fmt::print("  {:<44} {:>12} {:>12} {:>12}\n", "parameter", "median", "5 %", "95 %");
    for (const auto& [key, p] : params.items()) {
      fmt::print("  {:<44} {:>12.4g} {:>12.4g} {:>12.4g}\n", key, p["q50"].get<double>(),
                 p["q05"].get<double>(), p["q95"].get<double>());
    }
    fmt::print("  {:<44} {:>12} {:>12} {:>12} {:>10}\n", "posterior predictive (people)", "median",
               "5 %", "95 %", "reported");
    for (const auto& [key, c] : check.items()) {
      fmt::print("  {:<44} {:>12.0f} {:>12.0f} {:>12.0f} {:>10g}{}\n", key, c["q50"].get<double>(),
                 c["q05"].get<double>(), c["q95"].get<double>(), c["reported"].get<double>(),
                 c["fitted"].get<bool>() ? "" : "  (predicted)");
    }
    fmt::print("  {:<44} {:>12}\n", "check", "passed");
    for (const auto& [key, c] : checks.items()) {
      fmt::print("  {:<44} {:>11.0f}%{}\n", key, 100.0 * c["pass_share"].get<double>(),
                 c["fitted"].get<bool>() ? "" : "  (predicted)");
    }
    fmt::print("outputs: {}/{{posterior.csv, summary.json, simulations.csv, calibration.json}}\n",
               out.string());
  }
  return 0;
}

}  // namespace unrest::cli
