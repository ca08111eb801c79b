#pragma once
// Sample quantiles by linear interpolation between order statistics (Hyndman and Fan's type 7,
// the default of R and NumPy), so figures can be checked against either.
#include <algorithm>
#include <cmath>
#include <vector>

namespace unrest::experiments {

// `values` is taken by value and sorted; q in [0, 1]. An empty sample gives NaN.
inline double quantile(std::vector<double> values, double q) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const double h = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

}  // namespace unrest::experiments
