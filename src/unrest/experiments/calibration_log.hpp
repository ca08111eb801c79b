#pragma once
// The ABC-SMC calibration's checkpoint, simulations.csv: one row per finished simulation
// (generation, number, seed, the parameters, the distance, each fitted figure's simulated
// value: "target:ID" and "check:ID" columns),
// written as simulations finish and read back when the same calibration is restarted, so that
// no finished simulation is run again.
#include <string>
#include <vector>

#include "unrest/experiments/abc_smc.hpp"

namespace unrest::experiments {

std::string calibration_log_header(const std::vector<Prior>& priors,
                                   const std::vector<std::string>& figure_columns);
// One row, no newline; numbers to 17 significant digits, so they read back exactly.
std::string calibration_log_row(const SimulationRecord& record);
// Every complete row of a log's text (the header line skipped); a row with the wrong number of
// fields (a torn last line) is left out.
SimulationCache read_calibration_log(const std::string& text, std::size_t parameters,
                                     std::size_t targets);

}  // namespace unrest::experiments
