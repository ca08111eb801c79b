#include "cli/national_setup.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <fstream>
#include <sstream>

#include "unrest/io/content_hash.hpp"
#include "unrest/io/scenario_source.hpp"
#include "unrest/io/text_file.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/scenario/scenario_kind.hpp"

namespace unrest::cli {

void add_national_options(CLI::App& command, NationalOptions& options) {
  command
      .add_option("--scale", options.scale,
                  "National scenarios: agents per person (0.01: one agent per 100 people)")
      ->check(CLI::Range(1e-6, 1.0));
  command
      .add_option("--without", options.without,
                  "National scenarios: remove the event with this id (repeatable)")
      ->type_name("EVENT_ID");
  command
      .add_option("--counterfactual", options.counterfactual,
                  "National scenarios: run one of the counterfactuals the scenario declares "
                  "(listed by `unrest scenarios`)")
      ->type_name("NAME");
}

void add_seed_option(CLI::App& command, std::optional<std::int64_t>& seed, const std::string& help,
                     std::int64_t max) {
  // Checked on the text: a number too large for 64 bits would otherwise be clamped silently.
  command.add_option("--seed", seed, help)
      ->check(CLI::Validator(
          [max](const std::string& text) -> std::string {
            std::uint64_t value = 0;
            const char* end = text.data() + text.size();
            const auto [at, error] = std::from_chars(text.data(), end, value);
            if (error != std::errc() || at != end || value > static_cast<std::uint64_t>(max)) {
              return fmt::format("must be a whole number in [0, {}] (got {})", max, text);
            }
            return {};
          },
          "SEED"));
}

void add_experiment_options(CLI::App& command, std::string& scenario, NationalOptions& options,
                            std::string& out, bool& quiet, const std::string& seed_help,
                            const std::string& out_help) {
  command.add_option("scenario", scenario, "Scenario file; default: the built-in Kazakhstan 2022");
  // The first of a run of seeds: room for the rest below 2^63.
  add_seed_option(command, options.seed, seed_help, std::int64_t{1} << 62);
  command
      .add_option("--threads", options.threads,
                  "Runs at a time, one per thread (0: one per hardware thread)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1024}));
  command.add_option("--set", options.sets, "Override a scenario key")->type_name("KEY=VALUE");
  add_national_options(command, options);
  command.add_option("--out", out, out_help);
  command.add_flag("--quiet", quiet, "Print nothing but errors");
}

experiments::Simulation load_simulation(const std::string& scenario,
                                        const NationalOptions& options) {
  io::ScenarioSource source = io::resolve_source(scenario);
  source.overrides = io::recorded_overrides(options);
  return experiments::Simulation(
      std::move(source), {options.sets, options.scale, options.counterfactual, options.without});
}

std::filesystem::path experiment_dir(const std::string& name, const std::string& out,
                                     const std::string& suffix) {
  if (!out.empty()) return out;
  return std::filesystem::path("out") / (name + "-" + suffix);
}

std::uint64_t first_seed(const experiments::Simulation& sim, const NationalOptions& options) {
  return options.seed ? static_cast<std::uint64_t>(*options.seed) : sim.seed();
}

nlohmann::json scenario_claim(const io::ScenarioSource& source) {
  return {{"unrest_version", UNREST_VERSION},
          {"scenario", source.path},
          {"scenario_text_hash_fnv1a64", io::fnv1a64_hex(source.text)},
          {"overrides", source.overrides}};
}

void claim_directory(const std::filesystem::path& dir, const std::string& file,
                     const nlohmann::json& spec, const std::string& what) {
  std::filesystem::create_directories(dir);
  const auto path = dir / file;
  if (std::filesystem::exists(path)) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    if (nlohmann::json::parse(text.str(), nullptr, false) != spec) {
      throw scenario::ScenarioError(
          path.string(), 0, "", "this directory holds a different " + what + "; use another --out");
    }
    return;
  }
  io::write_text_file(dir / (file + ".new"), spec.dump(2) + "\n");
  std::filesystem::rename(dir / (file + ".new"), path);
}

}  // namespace unrest::cli
