#pragma once
// What `unrest sweep` and `unrest sensitivity` share: the ranges of --param checked against the
// scenario, and the runs of a design, one row each appended to OUT/sweep.csv as they finish,
// resumed from that file after any interruption.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/team.hpp"
#include "unrest/experiments/design_runs.hpp"
#include "unrest/experiments/parameter_sweep.hpp"
#include "unrest/experiments/simulation.hpp"

namespace unrest::cli {

using experiments::parameter_ranges;

// Runs what is missing of `spec`'s runs into `out`/sweep.csv (the directory claimed with
// `claim` in `claim_file`), every design point checked against the scenario first. Returns 0
// when every run is in the file, kExitInterrupted when Ctrl-C stopped it first.
int run_design(const experiments::Simulation& sim, const experiments::SweepSpec& spec,
               std::uint64_t first_seed, const std::filesystem::path& out,
               const std::string& claim_file, const nlohmann::json& claim, const std::string& what,
               bool quiet, const Team& processes);

}  // namespace unrest::cli
