#pragma once
// What a report shows, read back from the folders runs leave behind (never from memory, so a
// report can be made at any later time, on any machine, from the files alone).
//
// The result is one JSON document: {"kind": "national"|"classic", "runs": [run, ...]}, each
// run's series in people (agents divided by the scale), as web/src/common/series.js reads it.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace unrest::report {

enum class FolderKind { national_run, classic_run, ensemble };

// People from agents: agents divided by the scale, rounded to two decimals (people are 1/scale
// apart, so two decimals say all there is, and no 2999.9999999999995 reaches a page).
double people(double agents, double scale);

// A place as the pages draw it: {id, name, lat, lon, population}.
nlohmann::json place_json(const std::string& id, const std::string& name, double lat, double lon,
                          double population);

// Throws io::InputFileError when `dir` is missing, is not an unrest output folder or holds an
// incomplete run.
FolderKind folder_kind(const std::filesystem::path& dir);

nlohmann::json national_run_data(const std::filesystem::path& dir);
nlohmann::json classic_run_data(const std::filesystem::path& dir);

// Adds an ensemble's 5-95 % bands (national series and targets) to a national run's data.
// Throws io::InputFileError if the ensemble is of another scenario or scale.
void add_ensemble_bands(nlohmann::json& run, const std::filesystem::path& ensemble_dir);

// One or two runs of the same kind (the first with the ensemble's bands, if given).
nlohmann::json report_data(const std::vector<std::filesystem::path>& runs,
                           const std::optional<std::filesystem::path>& ensemble);

}  // namespace unrest::report
