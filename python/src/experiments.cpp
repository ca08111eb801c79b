// Many runs: ensembles, sweeps, sensitivity analyses and calibrations, in memory (the command
// line writes the same rows to files and can resume them). Runs go one per thread; results do
// not depend on the thread count.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>

#include "binding.hpp"
#include "unrest/experiments/abc_smc.hpp"
#include "unrest/experiments/calibration_aims.hpp"
#include "unrest/experiments/design_runs.hpp"
#include "unrest/experiments/job_runner.hpp"
#include "unrest/experiments/seed_ensemble.hpp"
#include "unrest/experiments/sensitivity_analysis.hpp"
#include "unrest/experiments/simulation.hpp"
#include "unrest/io/csv_table.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::python {
namespace {

struct Experiment {
  experiments::Simulation sim;
  std::uint64_t first_seed;
  int threads;
};

Experiment experiment_of(const py::dict& scenario) {
  Request r = request_from(scenario);
  r.source.overrides = io::recorded_overrides(r.options);
  experiments::Simulation sim(std::move(r.source), {r.options.sets, r.options.scale,
                                                    r.options.counterfactual, r.options.without});
  const std::uint64_t seed =
      r.options.seed ? static_cast<std::uint64_t>(*r.options.seed) : sim.seed();
  const int threads = r.options.threads && *r.options.threads > 0
                          ? static_cast<int>(*r.options.threads)
                          : std::max(1, sim.threads());
  return {std::move(sim), seed, threads};
}

// Runs `body` with the GIL released and Ctrl-C watched; RunCancelled becomes KeyboardInterrupt.
template <typename Body>
void outside_python(Body&& body) {
  {
    py::gil_scoped_release release;
    InterruptWatch watch;
    try {
      body();
      if (!InterruptWatch::asked()) return;
    } catch (const RunCancelled&) {
    }
  }
  InterruptWatch::raise();
}

py::dict ensemble(const py::dict& scenario, int seeds) {
  if (seeds < 1) throw scenario::ScenarioError("seeds", 0, "", "must be >= 1");
  const Experiment e = experiment_of(scenario);
  experiments::Ensemble result;
  outside_python([&] {
    experiments::ThreadJobRunner runner(std::min(e.threads, seeds));
    const auto go_on = [](int) { return !InterruptWatch::asked(); };
    result = e.sim.is_national()
                 ? experiments::run_ensemble(e.sim.national_scenario({}, e.first_seed), seeds,
                                             runner, go_on)
                 : experiments::run_classic_ensemble(e.sim.classic_scenario({}, e.first_seed),
                                                     seeds, runner, go_on);
  });
  py::dict out;
  out["figures.csv"] = experiments::ensemble_figures_csv(result);
  out["quantiles.csv"] = experiments::ensemble_quantiles_csv(result);
  out["summary.json"] = experiments::ensemble_summary_json(result).dump(2) + "\n";
  return out;
}

// Every run of a design, as the rows of sweep.csv in run order.
std::string design_csv(const Experiment& e, const experiments::SweepSpec& spec) {
  experiments::check_design(e.sim, spec);
  const auto runs = experiments::sweep_runs(spec);
  std::vector<std::string> rows(runs.size());
  outside_python([&] {
    experiments::ThreadJobRunner runner(e.threads);
    runner.run(
        runs.size(),
        [&](std::size_t i) { return experiments::design_row(e.sim, spec, runs[i], e.first_seed); },
        [&](std::size_t i, std::string row) { rows[i] = std::move(row); }, false,
        [] { return InterruptWatch::asked(); });
  });
  std::string csv = experiments::design_header(e.sim, spec) + "\n";
  for (const auto& row : rows) csv += row + "\n";
  return csv;
}

std::string sweep(const py::dict& scenario, const std::vector<std::string>& params,
                  const std::string& design, int points, int seeds) {
  const Experiment e = experiment_of(scenario);
  experiments::SweepSpec spec;
  spec.parameters = experiments::parameter_ranges(e.sim, params);
  spec.design = experiments::parse_design(design);
  if (spec.design == experiments::Design::sobol || spec.design == experiments::Design::morris) {
    throw scenario::ScenarioError("design", 0, "", "sobol and morris designs are sensitivity()'s");
  }
  spec.points = points;
  spec.seeds = seeds;
  spec.design_seed = e.first_seed;
  return design_csv(e, spec);
}

py::dict sensitivity(const py::dict& scenario, const std::vector<std::string>& params,
                     const std::string& method, int samples, int levels, int seeds, int bootstrap) {
  const Experiment e = experiment_of(scenario);
  experiments::SweepSpec spec;
  spec.parameters = experiments::parameter_ranges(e.sim, params);
  spec.design = experiments::parse_design(method);
  if (spec.design != experiments::Design::sobol && spec.design != experiments::Design::morris) {
    throw scenario::ScenarioError("method", 0, "", "must be \"sobol\" or \"morris\"");
  }
  if (spec.design == experiments::Design::morris && levels % 2 != 0) {
    throw scenario::ScenarioError("levels", 0, "", "must be even");
  }
  spec.points = samples;
  spec.levels = levels;
  spec.seeds = seeds;
  spec.design_seed = e.first_seed;
  const std::string runs = design_csv(e, spec);
  const auto table =
      experiments::analyse_sensitivity(spec, io::CsvTable::parse(runs, "<sensitivity runs>"),
                                       e.sim.figure_names(), bootstrap, e.first_seed);
  py::dict out;
  out["sweep.csv"] = runs;
  out["indices.csv"] = experiments::sensitivity_csv(table);
  out["indices.json"] = experiments::sensitivity_json(table).dump(2) + "\n";
  return out;
}

// The ABC-SMC fit of the scenario's [[free]] parameters: every generation's particles.
py::dict calibrate(const py::dict& scenario, int particles, int generations, double quantile,
                   double min_acceptance, const std::string& fit_until) {
  const Experiment e = experiment_of(scenario);
  if (!e.sim.is_national()) {
    throw scenario::ScenarioError(e.sim.source().path, 0, "",
                                  "calibrate needs a national scenario: it fits reported targets");
  }
  auto base = e.sim.national();
  const auto problem = experiments::calibration_problem(base, e.sim.source().path, fit_until);
  for (std::size_t k = 0; k < problem.priors.size(); ++k) {
    for (double v : {problem.priors[k].low, problem.priors[k].high}) {
      std::vector<double> theta;
      for (const auto& p : problem.priors) theta.push_back(p.low);
      theta[k] = v;
      e.sim.check(experiments::calibration_assignments(problem, theta));
    }
  }
  experiments::AbcSettings settings;
  settings.particles = particles;
  settings.generations = generations;
  settings.tolerance_quantile = quantile;
  settings.min_acceptance = min_acceptance;
  settings.seed = e.first_seed;
  settings.threads = e.threads;
  experiments::AbcResult result;
  outside_python([&] {
    result = experiments::run_abc_smc(
        problem.priors, problem.aims,
        [&](const std::vector<double>& theta, std::uint64_t seed) {
          return e.sim.calibration_values(experiments::calibration_assignments(problem, theta),
                                          seed);
        },
        settings, {},
        [](const experiments::SimulationRecord&) { return !InterruptWatch::asked(); });
  });
  std::string csv = "generation,tolerance";
  for (const auto& p : problem.priors) csv += "," + p.key;
  csv += ",weight,distance";
  for (const auto& id : problem.figure_ids) csv += "," + id;
  csv += "\n";
  for (std::size_t g = 0; g < result.generations.size(); ++g) {
    const auto& gen = result.generations[g];
    for (const auto& particle : gen.particles) {
      csv += fmt::format("{},{:.17g}", g, gen.tolerance);
      for (double v : particle.theta) csv += fmt::format(",{:.17g}", v);
      csv += fmt::format(",{:.17g},{:.17g}", particle.weight, particle.distance);
      for (double v : particle.simulated) csv += fmt::format(",{:.10g}", v);
      csv += "\n";
    }
  }
  py::dict out;
  out["particles.csv"] = csv;
  out["simulations"] = result.simulations;
  out["stopped_because"] = result.stopped_because;
  py::list fitted;
  for (std::size_t i = 0; i < problem.fitted.size(); ++i) {
    if (problem.fitted[i]) fitted.append(problem.figure_ids[i]);
  }
  out["fitted"] = fitted;
  return out;
}

}  // namespace

void bind_experiments(py::module_& m) {
  m.def("ensemble", &ensemble, py::arg("scenario"), py::arg("seeds"));
  m.def("sweep", &sweep, py::arg("scenario"), py::arg("params"), py::arg("design"),
        py::arg("points"), py::arg("seeds"));
  m.def("sensitivity", &sensitivity, py::arg("scenario"), py::arg("params"), py::arg("method"),
        py::arg("samples"), py::arg("levels"), py::arg("seeds"), py::arg("bootstrap"));
  m.def("calibrate", &calibrate, py::arg("scenario"), py::arg("particles"), py::arg("generations"),
        py::arg("quantile"), py::arg("min_acceptance"), py::arg("fit_until"));
}

}  // namespace unrest::python
