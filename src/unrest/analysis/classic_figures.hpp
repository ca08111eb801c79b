#pragma once
// One classic run's figures: what an ensemble or a sweep of a classic scenario reports per
// run, the outburst statistics of Epstein (2002) among them.
#include <string>
#include <utility>
#include <vector>

#include "unrest/run_classic.hpp"

namespace unrest::analysis {

// In a fixed order; NaN where a figure is undefined (no outburst, or fewer than two).
std::vector<std::pair<std::string, double>> classic_figures(const ClassicRun& run);
// Their names, in the same order, known before a run.
const std::vector<std::string>& classic_figure_names();

}  // namespace unrest::analysis
