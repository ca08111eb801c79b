#pragma once
// A parameter sweep over a national scenario: design points over named scenario keys (a full
// grid, a Latin hypercube or plain random draws), each run with several seeds, one row per run
// appended to DIR/sweep.csv as runs finish. The file is the checkpoint: a sweep restarted with
// the same command reads it, keeps every complete row, drops a torn last line (a kill -9 in
// the middle of a write) and runs only what is missing, so nothing finished is lost or run
// twice.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "unrest/experiments/morris_effects.hpp"
#include "unrest/experiments/sobol_indices.hpp"

namespace unrest::experiments {

struct ParameterRange {
  std::string key;  // a scenario key, as for --set
  double low = 0.0;
  double high = 0.0;
  int steps = 0;  // grid points; 0: the sweep's default
  // Values are rounded to integers. parse_parameter_range sets it when LO and HI are written
  // as integers; the sweep command keeps it only for keys that take integers.
  bool integer = false;
};

// "NAME=LO:HI[:STEPS]"; throws ScenarioError naming the option.
ParameterRange parse_parameter_range(const std::string& text);

// grid, lhs and random are `unrest sweep`'s; sobol and morris are the designs of `unrest
// sensitivity` (experiments/sobol_indices.hpp, experiments/morris_effects.hpp).
enum class Design { grid, lhs, random, sobol, morris };
Design parse_design(const std::string& text);

struct SweepSpec {
  std::vector<ParameterRange> parameters;
  Design design = Design::grid;
  // lhs and random: design points; grid: steps when a range gives none; sobol: base samples
  // N (N (k + 2) points); morris: trajectories r (r (k + 1) points).
  int points = 10;
  int levels = 4;                 // morris: grid levels
  int seeds = 1;                  // runs per design point, seeds run.seed, run.seed + 1, ...
  std::uint64_t design_seed = 1;  // draws of lhs and random designs
  // National scenarios: each run of the design once for each of these counterfactuals ("none":
  // the scenario as it is), the hours they share computed once. Empty: the scenario as given.
  std::vector<std::string> counterfactuals;
};

// Design points: values[point][parameter], deterministic for the spec.
std::vector<std::vector<double>> design_points(const SweepSpec& spec);
// The unit-cube designs behind the sobol and morris points, for the analysis of their runs.
SaltelliDesign saltelli_design(const SweepSpec& spec);
MorrisDesign morris_design(const SweepSpec& spec);

// One run of the sweep: the --set assignments it adds, and its seed offset.
struct SweepRun {
  std::size_t id = 0;  // point * seeds + seed offset
  std::size_t point = 0;
  int seed_offset = 0;
  std::vector<double> values;
};
std::vector<SweepRun> sweep_runs(const SweepSpec& spec);
std::string assignment(const ParameterRange& range, double value);

// The results file. `header` is written when the file is new; an existing file must have the
// same header (else it belongs to another sweep) and its complete rows' run ids are returned.
class SweepLog {
 public:
  SweepLog(std::filesystem::path path, const std::string& header);
  ~SweepLog();
  SweepLog(const SweepLog&) = delete;
  SweepLog& operator=(const SweepLog&) = delete;

  const std::vector<std::size_t>& finished() const { return finished_; }
  // Appends one complete line (no newline in `row`) and flushes it to disk; thread-safe.
  void append(const std::string& row);

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::mutex mutex_;
  std::vector<std::size_t> finished_;
};

}  // namespace unrest::experiments
