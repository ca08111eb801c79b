#include "unrest/experiments/sensitivity_analysis.hpp"

#include <fmt/format.h>

#include <cmath>

namespace unrest::experiments {
namespace {

std::string number(double v) { return std::isfinite(v) ? fmt::format("{:.6g}", v) : ""; }

nlohmann::json json_number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

}  // namespace

SensitivityTable analyse_sensitivity(const SweepSpec& spec, const io::CsvTable& runs,
                                     const std::vector<std::string>& figures, int resamples,
                                     std::uint64_t seed) {
  SensitivityTable t;
  t.method = spec.design;
  for (const auto& p : spec.parameters) t.parameters.push_back(p.key);
  t.figures = figures;
  const std::size_t points = design_points(spec).size();
  // Each figure's mean over the seeds of each point.
  const std::size_t point_col = runs.column("point");
  std::vector<std::size_t> cols;
  for (const auto& f : figures) cols.push_back(runs.column(f));
  std::vector<std::vector<double>> sums(figures.size(), std::vector<double>(points, 0.0));
  std::vector<int> counts(points, 0);
  for (std::size_t r = 0; r < runs.rows(); ++r) {
    const auto p = static_cast<std::size_t>(runs.number(r, point_col));
    if (p >= points) continue;
    ++counts[p];
    for (std::size_t f = 0; f < figures.size(); ++f) sums[f][p] += runs.number(r, cols[f]);
  }
  for (std::size_t p = 0; p < points; ++p) {
    if (counts[p] == 0) {
      throw io::InputFileError(fmt::format("sweep.csv: design point {} has no run", p));
    }
    for (auto& figure : sums) figure[p] /= counts[p];
  }
  if (spec.design == Design::sobol) {
    const SaltelliDesign d = saltelli_design(spec);
    for (const auto& y : sums) t.sobol.push_back(sobol_indices(d, y, resamples, 0.95, seed));
  } else if (spec.design == Design::morris) {
    const MorrisDesign d = morris_design(spec);
    for (const auto& y : sums) t.morris.push_back(morris_effects(d, y));
  } else {
    throw std::invalid_argument("a sensitivity analysis needs a sobol or morris design");
  }
  return t;
}

std::string sensitivity_csv(const SensitivityTable& t) {
  const bool sobol = t.method == Design::sobol;
  std::string out = sobol ? "figure,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high\n"
                          : "figure,parameter,mu_star,mu,sigma\n";
  for (std::size_t f = 0; f < t.figures.size(); ++f) {
    for (std::size_t k = 0; k < t.parameters.size(); ++k) {
      out += fmt::format("{},{}", t.figures[f], t.parameters[k]);
      if (sobol) {
        const SobolIndex& s = t.sobol[f][k];
        for (double v : {s.first, s.first_low, s.first_high, s.total, s.total_low, s.total_high}) {
          out += fmt::format(",{}", number(v));
        }
      } else {
        const MorrisEffect& m = t.morris[f][k];
        for (double v : {m.mu_star, m.mu, m.sigma}) out += fmt::format(",{}", number(v));
      }
      out += "\n";
    }
  }
  return out;
}

nlohmann::json sensitivity_json(const SensitivityTable& t) {
  const bool sobol = t.method == Design::sobol;
  nlohmann::json figures = nlohmann::json::object();
  for (std::size_t f = 0; f < t.figures.size(); ++f) {
    nlohmann::json per = nlohmann::json::object();
    for (std::size_t k = 0; k < t.parameters.size(); ++k) {
      if (sobol) {
        const SobolIndex& s = t.sobol[f][k];
        per[t.parameters[k]] = {
            {"S1", json_number(s.first)},
            {"S1_interval", {json_number(s.first_low), json_number(s.first_high)}},
            {"ST", json_number(s.total)},
            {"ST_interval", {json_number(s.total_low), json_number(s.total_high)}}};
      } else {
        const MorrisEffect& m = t.morris[f][k];
        per[t.parameters[k]] = {{"mu_star", json_number(m.mu_star)},
                                {"mu", json_number(m.mu)},
                                {"sigma", json_number(m.sigma)}};
      }
    }
    figures[t.figures[f]] = per;
  }
  return {{"method", sobol ? "sobol" : "morris"},
          {"parameters", t.parameters},
          {"figure_order", t.figures},  // the scenario's order (JSON objects are sorted)
          {"figures", figures}};
}

}  // namespace unrest::experiments
