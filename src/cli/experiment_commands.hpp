#pragma once
// `unrest ensemble`, `sweep`, `sensitivity` and `calibrate`: many runs of a national scenario in
// one process, one run per thread.
#include <string>
#include <vector>

#include "cli/national_setup.hpp"
#include "cli/team.hpp"

namespace CLI {
class App;
}

namespace unrest::cli {

struct EnsembleOptions {
  std::string scenario;
  NationalOptions national;
  std::vector<std::string> counterfactuals;  // ensembles of each, sharing their common hours
  int seeds = 10;
  std::string out;
  bool overwrite = false;
  bool quiet = false;
};

struct SweepOptions {
  std::string scenario;
  NationalOptions national;
  std::vector<std::string> params;
  std::string design = "grid";
  int points = 5;
  int seeds = 1;
  std::vector<std::string> counterfactuals;
  std::string out;
  bool quiet = false;
};

struct SensitivityOptions {
  std::string scenario;
  NationalOptions national;
  std::vector<std::string> params;
  std::string method = "sobol";
  int samples = 64;
  int levels = 4;
  int seeds = 1;
  int bootstrap = 1000;
  std::string out;
  bool quiet = false;
};

struct CalibrateOptions {
  std::string scenario;
  NationalOptions national;
  int particles = 50;
  int generations = 4;
  double tolerance_quantile = 0.5;
  double min_acceptance = 0.02;
  int predictive = 0;     // 0: as many as particles
  std::string fit_until;  // a date: fit only the figures known by its end (empty: all)
  std::string out;
  bool quiet = false;
};

CLI::App* add_ensemble_command(CLI::App& app, EnsembleOptions& options);
CLI::App* add_calibrate_command(CLI::App& app, CalibrateOptions& options);
int calibrate_command(const CalibrateOptions& options, const Team& team);
CLI::App* add_sweep_command(CLI::App& app, SweepOptions& options);
int ensemble_command(const EnsembleOptions& options, const Team& team);
int sweep_command(const SweepOptions& options, const Team& team);
CLI::App* add_sensitivity_command(CLI::App& app, SensitivityOptions& options);
int sensitivity_command(const SensitivityOptions& options, const Team& team);

}  // namespace unrest::cli
