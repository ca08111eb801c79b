// Sobol indices and Morris elementary effects against functions whose answers are known in
// closed form: Ishigami's (Ishigami and Homma 1990; a = 7, b = 0.1) and Sobol's g-function.
// Fixed seeds; the tolerances are a few standard errors of the estimators at these sizes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

#include "unrest/experiments/morris_effects.hpp"
#include "unrest/experiments/sobol_indices.hpp"

namespace unrest::experiments {
namespace {

constexpr double kPi = std::numbers::pi;

// x in [0, 1]^3 mapped onto [-pi, pi]^3.
double ishigami(const std::vector<double>& u) {
  constexpr double a = 7.0, b = 0.1;
  const double x1 = -kPi + 2 * kPi * u[0];
  const double x2 = -kPi + 2 * kPi * u[1];
  const double x3 = -kPi + 2 * kPi * u[2];
  return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
}

double g_function(const std::vector<double>& x, const std::vector<double>& a) {
  double g = 1.0;
  for (std::size_t i = 0; i < x.size(); ++i) g *= (std::abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return g;
}

template <typename Design>
std::vector<double> evaluate(const Design& d,
                             const std::function<double(const std::vector<double>&)>& f) {
  std::vector<double> y(d.size());
  for (std::size_t row = 0; row < d.size(); ++row) y[row] = f(d.point(row));
  return y;
}

TEST(SobolIndices, IshigamiWithinTwoHundredthsAndInsideTheirIntervals) {
  // Analytical values: V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
  constexpr double a = 7.0, b = 0.1;
  const double v = a * a / 8 + b * std::pow(kPi, 4) / 5 + b * b * std::pow(kPi, 8) / 18 + 0.5;
  const double v1 = 0.5 * std::pow(1 + b * std::pow(kPi, 4) / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = b * b * std::pow(kPi, 8) * (1.0 / 18 - 1.0 / 50);
  const std::vector<double> first = {v1 / v, v2 / v, 0.0};
  const std::vector<double> total = {(v1 + v13) / v, v2 / v, v13 / v};
  const SaltelliDesign design(3, 1 << 14, 7);
  const auto s = sobol_indices(design, evaluate(design, ishigami), 500);
  ASSERT_EQ(s.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(s[i].first, first[i], 0.02) << "S" << i + 1;
    EXPECT_NEAR(s[i].total, total[i], 0.02) << "ST" << i + 1;
    EXPECT_LE(s[i].first_low, first[i] + 0.005) << "S" << i + 1;
    EXPECT_GE(s[i].first_high, first[i] - 0.005) << "S" << i + 1;
    EXPECT_LE(s[i].total_low, total[i] + 0.005) << "ST" << i + 1;
    EXPECT_GE(s[i].total_high, total[i] - 0.005) << "ST" << i + 1;
    EXPECT_LT(s[i].first_high - s[i].first_low, 0.1);
  }
}

TEST(SobolIndices, GFunctionRanksItsFactorsAndSumsAsTheTheorySays) {
  const std::vector<double> a = {0.0, 1.0, 4.5, 9.0, 99.0, 99.0};
  std::vector<double> vi;
  double v = 1.0;
  for (const double ai : a) {
    vi.push_back(1.0 / (3.0 * (1 + ai) * (1 + ai)));
    v *= 1 + vi.back();
  }
  v -= 1.0;
  const SaltelliDesign design(a.size(), 1 << 13, 3);
  const auto s =
      sobol_indices(design, evaluate(design, [&](const auto& x) { return g_function(x, a); }), 200);
  for (std::size_t i = 0; i < a.size(); ++i) {
    double others = 1.0;
    for (std::size_t j = 0; j < a.size(); ++j) {
      if (j != i) others *= 1 + vi[j];
    }
    EXPECT_NEAR(s[i].first, vi[i] / v, 0.03) << "S" << i + 1;
    EXPECT_NEAR(s[i].total, vi[i] * others / v, 0.03) << "ST" << i + 1;
  }
  EXPECT_GT(s[0].total, s[1].total);
  EXPECT_GT(s[1].total, s[2].total);
  EXPECT_GT(s[2].total, s[4].total);
}

// Counts such as arrests have a mean far above their spread: the indices must not depend on
// it (the first-order estimator centres f(B); uncentred, a shift of 1e6 swamps it).
TEST(SobolIndices, DoNotDependOnTheOutputsMean) {
  const SaltelliDesign design(3, 1 << 10, 5);
  const auto y = evaluate(design, ishigami);
  std::vector<double> shifted = y;
  for (double& v : shifted) v += 1e6;
  const auto a = sobol_indices(design, y, 50);
  const auto b = sobol_indices(design, shifted, 50);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(a[i].first, b[i].first, 1e-6);
    EXPECT_NEAR(a[i].total, b[i].total, 1e-6);
    EXPECT_NEAR(a[i].first_high, b[i].first_high, 1e-6);
  }
}

TEST(SobolIndices, TheDesignIsSaltellisAndAConstantOutputHasNoIndices) {
  const SaltelliDesign d(3, 4, 11);
  EXPECT_EQ(d.size(), 20u);
  for (std::size_t j = 0; j < 4; ++j) {
    const auto a = d.point(j), b = d.point(4 + j);
    for (std::size_t i = 0; i < 3; ++i) {
      const auto ab = d.point((2 + i) * 4 + j);
      for (std::size_t m = 0; m < 3; ++m) EXPECT_EQ(ab[m], m == i ? b[m] : a[m]);
      EXPECT_NE(a[i], b[i]);
    }
  }
  EXPECT_EQ(SaltelliDesign(3, 4, 11).point(7), d.point(7));  // the same seed, the same design
  EXPECT_NE(SaltelliDesign(3, 4, 12).point(7), d.point(7));
  const auto flat = sobol_indices(d, std::vector<double>(20, 5.0), 10);
  EXPECT_TRUE(std::isnan(flat[0].first) && std::isnan(flat[2].total_high));
  EXPECT_THROW(sobol_indices(d, std::vector<double>(19, 1.0)), std::invalid_argument);
  EXPECT_THROW(SaltelliDesign(0, 4, 1), std::invalid_argument);
}

TEST(MorrisEffects, ALinearModelGivesItsSlopesWithNoSpread) {
  const std::vector<double> c = {3.0, -2.0, 0.0, 0.5};
  const MorrisDesign d(c.size(), 10, 4, 5);
  EXPECT_EQ(d.size(), 50u);
  const auto e = morris_effects(d, evaluate(d, [&](const std::vector<double>& x) {
                                  double y = 1.0;
                                  for (std::size_t i = 0; i < c.size(); ++i) y += c[i] * x[i];
                                  return y;
                                }));
  for (std::size_t i = 0; i < c.size(); ++i) {
    EXPECT_NEAR(e[i].mu, c[i], 1e-9);
    EXPECT_NEAR(e[i].mu_star, std::abs(c[i]), 1e-9);
    EXPECT_NEAR(e[i].sigma, 0.0, 1e-9);
  }
  // Every point on the grid of four levels, each trajectory moving each factor once by 2/3.
  for (std::size_t row = 0; row < d.size(); ++row) {
    for (const double v : d.point(row)) {
      EXPECT_NEAR(v * 3, std::round(v * 3), 1e-9);
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 1.0);
    }
  }
  EXPECT_DOUBLE_EQ(d.delta(), 2.0 / 3.0);
}

TEST(MorrisEffects, ScreenTheGFunctionInTheOrderOfItsImportance) {
  const std::vector<double> a = {0.0, 1.0, 4.5, 9.0, 99.0, 99.0};
  const MorrisDesign d(a.size(), 200, 4, 9);
  const auto e = morris_effects(d, evaluate(d, [&](const auto& x) { return g_function(x, a); }));
  EXPECT_GT(e[0].mu_star, e[1].mu_star);
  EXPECT_GT(e[1].mu_star, e[2].mu_star);
  EXPECT_GT(e[2].mu_star, e[3].mu_star);
  EXPECT_GT(e[3].mu_star, e[4].mu_star);
  EXPECT_LT(e[4].mu_star, 0.05 * e[0].mu_star);  // a = 99 barely matters
  // The g-function's factors interact: sigma is of the order of mu* for the important ones.
  EXPECT_GT(e[0].sigma, 0.3 * e[0].mu_star);
}

}  // namespace
}  // namespace unrest::experiments
