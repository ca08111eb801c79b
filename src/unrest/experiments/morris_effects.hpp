#pragma once
// Screening by elementary effects (Morris 1991, with Campolongo et al.'s mu*, 2007): r
// trajectories through a grid of p levels on the unit cube [0, 1]^k, each moving one factor at
// a time by Delta = p / (2 (p - 1)), in a random order and direction; r (k + 1) model
// evaluations in all. For factor i, EE_i = (f(x + Delta e_i) - f(x)) / Delta on the unit
// scale, and the summaries are mu* = mean |EE_i| (overall importance), mu = mean EE_i and
// sigma = the standard deviation of EE_i (interactions or non-linearity).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace unrest::experiments {

class MorrisDesign {
 public:
  // `levels` even and at least 2 (4 is the usual choice).
  MorrisDesign(std::size_t factors, std::size_t trajectories, int levels, std::uint64_t seed);

  std::size_t factors() const { return factors_; }
  std::size_t trajectories() const { return trajectories_; }
  double delta() const { return delta_; }
  // r (k + 1): trajectory t's points are rows t (k + 1) to t (k + 1) + k.
  std::size_t size() const { return trajectories_ * (factors_ + 1); }
  const std::vector<double>& point(std::size_t row) const { return points_[row]; }
  // Which factor moves from row - 1 to row (rows that start a trajectory move none).
  std::size_t moved(std::size_t row) const { return moved_[row]; }

 private:
  std::size_t factors_;
  std::size_t trajectories_;
  double delta_;
  std::vector<std::vector<double>> points_;
  std::vector<std::size_t> moved_;
};

struct MorrisEffect {
  double mu_star = 0.0;
  double mu = 0.0;
  double sigma = 0.0;
};

// One summary per factor from the outputs at every point of the design (outputs[row]).
std::vector<MorrisEffect> morris_effects(const MorrisDesign& design,
                                         const std::vector<double>& outputs);

}  // namespace unrest::experiments
