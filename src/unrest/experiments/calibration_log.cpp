#include "unrest/experiments/calibration_log.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>

namespace unrest::experiments {
namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) out.push_back(field);
  return out;
}

double number(const std::string& text) {
  if (text == "inf") return std::numeric_limits<double>::infinity();
  if (text == "nan") return std::nan("");
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

std::string field(double v) { return fmt::format("{:.17g}", v); }

}  // namespace

std::string calibration_log_header(const std::vector<Prior>& priors,
                                   const std::vector<std::string>& figure_columns) {
  std::string header = "generation,number,seed";
  for (const auto& p : priors) header += fmt::format(",{}", p.key);
  header += ",distance";
  for (const auto& column : figure_columns) header += "," + column;
  return header;
}

std::string calibration_log_row(const SimulationRecord& r) {
  std::string row = fmt::format("{},{},{}", r.generation, r.number, r.seed);
  for (double v : r.theta) row += fmt::format(",{}", field(v));
  row += fmt::format(",{}", field(r.distance));
  for (double v : r.simulated) row += fmt::format(",{}", field(v));
  return row;
}

SimulationCache read_calibration_log(const std::string& text, std::size_t parameters,
                                     std::size_t targets) {
  SimulationCache cache;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    const auto f = split(line);
    if (f.size() != 4 + parameters + targets) continue;
    SimulationRecord r;
    r.generation = static_cast<int>(number(f[0]));
    r.number = static_cast<std::size_t>(number(f[1]));
    std::from_chars(f[2].data(), f[2].data() + f[2].size(), r.seed);
    for (std::size_t k = 0; k < parameters; ++k) r.theta.push_back(number(f[3 + k]));
    r.distance = number(f[3 + parameters]);
    for (std::size_t k = 0; k < targets; ++k) r.simulated.push_back(number(f[4 + parameters + k]));
    cache[{r.generation, r.number}] = r;
  }
  return cache;
}

}  // namespace unrest::experiments
