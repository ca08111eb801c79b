#pragma once
// The files a national run leaves behind:
//   places.csv    one row per place per hour (counts are agents; see summary.json's scale)
//   national.csv  one row per hour, totals over places
//   events.csv    the event log: events applied, first protest and first riot per place
//   summary.json  peaks, per-place outcomes, day-by-day table, simulated vs reported, checks
//   manifest.json version, scenario hash, seed, scale, counterfactual and every parameter
//   places.nc     with --format netcdf: the places.csv cube as NetCDF (CF conventions)
//   state-*.bin   with --save-at: the run's state at that hour (io/state_file.hpp)
// and the text the terminal shows at the end of a run.
#include <nlohmann/json.hpp>
#include <string>

#include "unrest/engine/national_engine.hpp"
#include "unrest/io/atomic_output_dir.hpp"
#include "unrest/io/run_outputs.hpp"

namespace unrest::io {

std::string places_csv(const national::NationalEngine& engine);
std::string national_csv(const national::NationalEngine& engine);
std::string events_csv(const national::NationalEngine& engine);
nlohmann::json national_summary_json(const national::NationalEngine& engine);
nlohmann::json national_scenario_json(const national::NationalScenario& scenario);
// Saved states a run wrote into its folder (`--save-at`), and the one it went on from
// (`--from`): the manifest lists the first and names the second.
struct RunStates {
  std::vector<std::string> saved;  // file names in the run's folder
  std::string from;                // path of the state file, empty for a whole run
  std::string from_time;           // the hour it was saved at
};

// `extra_files`: files written besides the five (places.nc, saved states), for the manifest's
// list.
nlohmann::json national_manifest_json(const national::NationalEngine& engine,
                                      const ScenarioSource& source,
                                      const std::vector<std::string>& extra_files = {},
                                      const RunStates& states = {});

// `netcdf`: also places.nc (io/netcdf_cube.hpp).
void write_national_outputs(const AtomicOutputDir& dir, const national::NationalEngine& engine,
                            const ScenarioSource& source, bool netcdf = false,
                            const RunStates& states = {});

// Day-by-day national table, "simulated vs reported" and the checks, for the terminal.
std::string national_report_text(const national::NationalEngine& engine);

}  // namespace unrest::io
