#include "unrest/experiments/quantiles.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace unrest::experiments {
namespace {

TEST(Quantiles, InterpolateBetweenOrderStatisticsAsRAndNumPyDo) {
  const std::vector<double> v = {5, 1, 4, 2, 3};
  EXPECT_DOUBLE_EQ(quantile(v, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(quantile(v, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(quantile(v, 1.0), 5.0);
  EXPECT_DOUBLE_EQ(quantile(v, 0.05), 1.2);  // numpy.quantile([1,2,3,4,5], 0.05)
  EXPECT_DOUBLE_EQ(quantile(v, 0.95), 4.8);
  EXPECT_DOUBLE_EQ(quantile({7}, 0.3), 7.0);
  EXPECT_TRUE(std::isnan(quantile({}, 0.5)));
}

}  // namespace
}  // namespace unrest::experiments
