#include "unrest/experiments/sobol_indices.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "unrest/experiments/quantiles.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::experiments {
namespace {

constexpr std::uint64_t kSampleA = 1;
constexpr std::uint64_t kSampleB = 2;

// The indices from the rows `rows` of the base samples (a bootstrap draw, or every row once).
struct Sums {
  std::vector<double> first;
  std::vector<double> total;
};

Sums estimate(const SaltelliDesign& d, const std::vector<double>& f,
              const std::vector<std::size_t>& rows) {
  const std::size_t n = d.base_samples();
  const std::size_t k = d.factors();
  double mean = 0.0;
  for (const std::size_t j : rows) mean += f[j] + f[n + j];
  mean /= 2.0 * static_cast<double>(rows.size());
  double variance = 0.0;
  for (const std::size_t j : rows) {
    variance += (f[j] - mean) * (f[j] - mean) + (f[n + j] - mean) * (f[n + j] - mean);
  }
  variance /= 2.0 * static_cast<double>(rows.size()) - 1.0;
  Sums out{std::vector<double>(k), std::vector<double>(k)};
  for (std::size_t i = 0; i < k; ++i) {
    double first = 0.0;
    double total = 0.0;
    for (const std::size_t j : rows) {
      const double fa = f[j];
      const double fb = f[n + j];
      const double fab = f[(2 + i) * n + j];
      first += (fb - mean) * (fab - fa);
      total += (fa - fab) * (fa - fab);
    }
    const auto count = static_cast<double>(rows.size());
    out.first[i] = first / count / variance;
    out.total[i] = total / (2.0 * count) / variance;
  }
  return out;
}

}  // namespace

SaltelliDesign::SaltelliDesign(std::size_t factors, std::size_t base_samples, std::uint64_t seed)
    : factors_(factors), base_(base_samples), seed_(seed) {
  if (factors == 0) throw std::invalid_argument("a Sobol design needs at least one factor");
  if (base_samples < 2) throw std::invalid_argument("a Sobol design needs at least 2 samples");
}

// Each value is its own draw of a counter-based stream, keyed by sample, row and factor, so a
// point can be made alone (a resumed analysis recomputes only the points it still needs).
double SaltelliDesign::draw(std::uint64_t sample, std::size_t j, std::size_t i) const {
  return rng::RandomStream(rng::combine(rng::combine(seed_, sample), rng::combine(j, i))).uniform();
}

std::vector<double> SaltelliDesign::point(std::size_t row) const {
  if (row >= size()) throw std::out_of_range("row past the Sobol design");
  const std::size_t block = row / base_;
  const std::size_t j = row % base_;
  std::vector<double> x(factors_);
  for (std::size_t i = 0; i < factors_; ++i) {
    const bool from_b = block == 1 || (block >= 2 && block - 2 == i);
    x[i] = draw(from_b ? kSampleB : kSampleA, j, i);
  }
  return x;
}

std::vector<SobolIndex> sobol_indices(const SaltelliDesign& design,
                                      const std::vector<double>& outputs, int resamples,
                                      double confidence, std::uint64_t seed) {
  if (outputs.size() != design.size()) {
    throw std::invalid_argument("one output is needed for every point of the Sobol design");
  }
  const std::size_t n = design.base_samples();
  const std::size_t k = design.factors();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  bool constant = true;
  for (std::size_t row = 0; row < 2 * n; ++row) constant &= outputs[row] == outputs[0];
  if (constant) return std::vector<SobolIndex>(k, SobolIndex{nan, nan, nan, nan, nan, nan});
  std::vector<std::size_t> rows(n);
  for (std::size_t j = 0; j < n; ++j) rows[j] = j;
  const Sums point = estimate(design, outputs, rows);
  std::vector<SobolIndex> out(k);
  std::vector<std::vector<double>> first(k), total(k);
  rng::RandomStream draw(seed);
  for (int r = 0; r < resamples; ++r) {
    for (std::size_t j = 0; j < n; ++j) rows[j] = draw.below(n);
    const Sums s = estimate(design, outputs, rows);
    for (std::size_t i = 0; i < k; ++i) {
      first[i].push_back(s.first[i]);
      total[i].push_back(s.total[i]);
    }
  }
  const double tail = (1.0 - confidence) / 2.0;
  for (std::size_t i = 0; i < k; ++i) {
    out[i].first = point.first[i];
    out[i].total = point.total[i];
    out[i].first_low = resamples > 0 ? quantile(first[i], tail) : nan;
    out[i].first_high = resamples > 0 ? quantile(first[i], 1.0 - tail) : nan;
    out[i].total_low = resamples > 0 ? quantile(total[i], tail) : nan;
    out[i].total_high = resamples > 0 ? quantile(total[i], 1.0 - tail) : nan;
  }
  return out;
}

}  // namespace unrest::experiments
