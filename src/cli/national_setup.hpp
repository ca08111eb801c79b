#pragma once
// The command-line options every national command shares (run, ensemble, sweep, ...), read into
// io::NationalOptions (unrest/io/national_options.hpp says what they do to a scenario).
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "unrest/experiments/simulation.hpp"
#include "unrest/io/national_options.hpp"
#include "unrest/io/run_outputs.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace CLI {
class App;
}

namespace unrest::cli {

using io::NationalOptions;

// Adds --seed: a whole number in [0, max], refused (not clamped) outside it.
void add_seed_option(CLI::App& command, std::optional<std::int64_t>& seed, const std::string& help,
                     std::int64_t max);

// Adds --scale, --without and --counterfactual (the others differ in wording per command).
void add_national_options(CLI::App& command, NationalOptions& options);

using io::load_national;

// What ensemble, sweep and calibrate share: the scenario argument, --seed (the first seed),
// --threads (runs at a time), --set, the national options, --out and --quiet.
void add_experiment_options(CLI::App& command, std::string& scenario, NationalOptions& options,
                            std::string& out, bool& quiet, const std::string& seed_help,
                            const std::string& out_help);

// Resolves the scenario of a many-runs command, classic or national, with the options every run
// shares; records them in `source.overrides` as load_national does.
experiments::Simulation load_simulation(const std::string& scenario,
                                        const NationalOptions& options);

// out/<name>-<suffix> (the simulation's name: the scenario's, with its counterfactual), unless
// --out gave a directory.
std::filesystem::path experiment_dir(const std::string& name, const std::string& out,
                                     const std::string& suffix);

// The first seed of a many-runs command: --seed, else the scenario's run.seed.
std::uint64_t first_seed(const experiments::Simulation& sim, const NationalOptions& options);

// What a resumable experiment's claim records of its scenario (the unrest version, the file, a
// hash of its text, the overrides every run shares); each command adds its own settings.
nlohmann::json scenario_claim(const io::ScenarioSource& source);

// Claims a resumable experiment's directory: writes `spec` to dir/file, or checks that the
// spec already there is the same (a ScenarioError otherwise: another experiment's directory).
void claim_directory(const std::filesystem::path& dir, const std::string& file,
                     const nlohmann::json& spec, const std::string& what);

}  // namespace unrest::cli
