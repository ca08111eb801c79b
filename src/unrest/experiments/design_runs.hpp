#pragma once
// The runs of a design (a sweep's, or a sensitivity analysis'): the ranges of its parameters
// checked against the scenario, every design point parsed before anything runs, and one CSV
// row per run (run, point, seed, the parameters' values, then every figure). The command line
// appends the rows to a resumable sweep.csv; the Python module keeps them in memory.
#include <cstdint>
#include <string>
#include <vector>

#include "unrest/experiments/parameter_sweep.hpp"
#include "unrest/experiments/simulation.hpp"

namespace unrest::experiments {

// "KEY=LO:HI[:STEPS]" ranges, parsed; "0:1" is kept real unless the key refuses a fraction.
std::vector<ParameterRange> parameter_ranges(const Simulation& sim,
                                             const std::vector<std::string>& params);

// The --set assignments of one run of `spec`.
std::vector<std::string> design_assignments(const SweepSpec& spec, const SweepRun& run);

// Parses every design point; a ScenarioError names the point whose values the scenario refuses.
void check_design(const Simulation& sim, const SweepSpec& spec);

// The header of the rows: run,point,seed,<parameters>,<figures>; with counterfactuals,
// run,point,seed,counterfactual,<parameters>,<figures>.
std::string design_header(const Simulation& sim, const SweepSpec& spec);

// The rows a run of the design gives: one, or one per counterfactual of the spec.
std::size_t rows_per_run(const SweepSpec& spec);
// The id of row k of `run`'s rows (the first column).
std::size_t row_id(const SweepSpec& spec, const SweepRun& run, std::size_t k);

// Simulates one run (seed first_seed + its offset) and gives its row, without newline.
std::string design_row(const Simulation& sim, const SweepSpec& spec, const SweepRun& run,
                       std::uint64_t first_seed);
// Simulates one run and gives its rows_per_run(spec) rows, in order: with counterfactuals,
// the hours they share run once (experiments/branched_runs.hpp).
std::vector<std::string> design_rows(const Simulation& sim, const SweepSpec& spec,
                                     const SweepRun& run, std::uint64_t first_seed);

}  // namespace unrest::experiments
