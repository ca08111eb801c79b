#include "unrest/experiments/morris_effects.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>

#include "unrest/rng/random_stream.hpp"

namespace unrest::experiments {

MorrisDesign::MorrisDesign(std::size_t factors, std::size_t trajectories, int levels,
                           std::uint64_t seed)
    : factors_(factors), trajectories_(trajectories) {
  if (factors == 0) throw std::invalid_argument("a Morris design needs at least one factor");
  if (trajectories < 2) throw std::invalid_argument("a Morris design needs 2 trajectories");
  if (levels < 2 || levels % 2 != 0) {
    throw std::invalid_argument("a Morris design needs an even number of levels, 2 or more");
  }
  const double step = 1.0 / (levels - 1);
  delta_ = levels / (2.0 * (levels - 1));
  rng::RandomStream draw(seed);
  points_.reserve(size());
  moved_.reserve(size());
  for (std::size_t t = 0; t < trajectories; ++t) {
    // A start on the grid from which the factor can move by Delta either way it is sent: the
    // lower half of the levels moves up, the upper half down.
    std::vector<double> x(factors);
    for (double& v : x)
      v = step * static_cast<double>(draw.below(static_cast<std::uint64_t>(levels)));
    std::vector<std::size_t> order(factors);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = factors; i > 1; --i) std::swap(order[i - 1], order[draw.below(i)]);
    points_.push_back(x);
    moved_.push_back(factors);
    for (const std::size_t i : order) {
      x[i] = x[i] + delta_ <= 1.0 + 1e-12 ? x[i] + delta_ : x[i] - delta_;
      points_.push_back(x);
      moved_.push_back(i);
    }
  }
}

std::vector<MorrisEffect> morris_effects(const MorrisDesign& design,
                                         const std::vector<double>& outputs) {
  if (outputs.size() != design.size()) {
    throw std::invalid_argument("one output is needed for every point of the Morris design");
  }
  const std::size_t k = design.factors();
  std::vector<std::vector<double>> effects(k);
  for (std::size_t row = 0; row < design.size(); ++row) {
    const std::size_t i = design.moved(row);
    if (i == k) continue;
    // Signed by the direction the factor moved, so that EE_i estimates df/dx_i.
    const double dx = design.point(row)[i] - design.point(row - 1)[i];
    effects[i].push_back((outputs[row] - outputs[row - 1]) / dx);
  }
  std::vector<MorrisEffect> out(k);
  for (std::size_t i = 0; i < k; ++i) {
    const auto r = static_cast<double>(effects[i].size());
    double sum = 0.0, sum_abs = 0.0;
    for (const double e : effects[i]) sum += e, sum_abs += std::abs(e);
    out[i].mu = sum / r;
    out[i].mu_star = sum_abs / r;
    double squares = 0.0;
    for (const double e : effects[i]) squares += (e - out[i].mu) * (e - out[i].mu);
    out[i].sigma = r > 1 ? std::sqrt(squares / (r - 1)) : 0.0;
  }
  return out;
}

}  // namespace unrest::experiments
