#pragma once
// Variance-based global sensitivity: first-order and total Sobol indices of a model output
// with respect to k independent factors, each uniform on [0, 1] (the caller maps them onto
// its parameters' ranges). The design is Saltelli's: two independent base samples A and B of
// N points each, and for every factor i the matrix AB_i, which is A with column i taken from
// B; N (k + 2) model evaluations in all. The estimators are Saltelli et al. (2010) for the
// first-order index, S_i = mean((f(B) - m) (f(AB_i) - f(A))) / V, and Jansen (1999) for the
// total one, ST_i = mean((f(A) - f(AB_i))^2) / (2 V), with m and V the mean and variance of f
// over A and B together. Centring f(B) on m leaves the estimate's expectation as it is
// (f(AB_i) - f(A) has mean zero) and cuts its variance when the output's mean is large against
// its spread, as counts of arrests are. Confidence intervals are percentile bootstraps over the
// N rows.
//
// The base samples are pseudo-random (the project's counter-based stream), not a
// low-discrepancy sequence: the estimates converge as 1 / sqrt(N), and the bootstrap intervals
// say how far they are from it.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace unrest::experiments {

class SaltelliDesign {
 public:
  SaltelliDesign(std::size_t factors, std::size_t base_samples, std::uint64_t seed);

  std::size_t factors() const { return factors_; }
  std::size_t base_samples() const { return base_; }
  // N (k + 2): A's rows, then B's, then AB_1's, ..., AB_k's.
  std::size_t size() const { return base_ * (factors_ + 2); }
  // Point `row` of the design, one value in [0, 1) per factor.
  std::vector<double> point(std::size_t row) const;

 private:
  // Value i of row j of base sample A or B.
  double draw(std::uint64_t sample, std::size_t j, std::size_t i) const;

  std::size_t factors_;
  std::size_t base_;
  std::uint64_t seed_;
};

struct SobolIndex {
  double first = 0.0;  // S_i
  double first_low = 0.0;
  double first_high = 0.0;
  double total = 0.0;  // ST_i
  double total_low = 0.0;
  double total_high = 0.0;
};

// One index per factor from the outputs at every point of the design (outputs[row]). The
// intervals hold `confidence` of `resamples` bootstrap estimates (drawn with `seed`). A
// constant output has no variance to share out: every index is then NaN.
std::vector<SobolIndex> sobol_indices(const SaltelliDesign& design,
                                      const std::vector<double>& outputs, int resamples = 1000,
                                      double confidence = 0.95, std::uint64_t seed = 1);

}  // namespace unrest::experiments
