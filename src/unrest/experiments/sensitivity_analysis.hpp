#pragma once
// The global sensitivity of every figure of a scenario to the parameters of a sobol or morris
// design: read from the design's runs (sweep.csv), the figures averaged over the seeds of each
// design point, then Sobol indices (experiments/sobol_indices.hpp) or Morris effects
// (experiments/morris_effects.hpp) for every figure and parameter.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "unrest/experiments/morris_effects.hpp"
#include "unrest/experiments/parameter_sweep.hpp"
#include "unrest/experiments/sobol_indices.hpp"
#include "unrest/io/csv_table.hpp"

namespace unrest::experiments {

struct SensitivityTable {
  Design method = Design::sobol;
  std::vector<std::string> parameters;
  std::vector<std::string> figures;
  std::vector<std::vector<SobolIndex>> sobol;     // [figure][parameter], sobol designs
  std::vector<std::vector<MorrisEffect>> morris;  // [figure][parameter], morris designs
};

// `runs` holds every run of `spec` (columns point and each figure); throws InputFileError when
// a point has no run. `resamples` and `seed`: the Sobol indices' bootstrap.
SensitivityTable analyse_sensitivity(const SweepSpec& spec, const io::CsvTable& runs,
                                     const std::vector<std::string>& figures, int resamples,
                                     std::uint64_t seed);

// One row per figure and parameter: figure,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high
// (sobol) or figure,parameter,mu_star,mu,sigma (morris); an undefined index is left empty.
std::string sensitivity_csv(const SensitivityTable& table);
nlohmann::json sensitivity_json(const SensitivityTable& table);

}  // namespace unrest::experiments
