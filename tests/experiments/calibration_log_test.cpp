#include "unrest/experiments/calibration_log.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace unrest::experiments {
namespace {

TEST(CalibrationLog, RowsReadBackExactlyAndATornLastLineIsLeftOut) {
  SimulationRecord a;
  a.generation = 0;
  a.number = 3;
  a.seed = 18446744073709551557ull;  // the largest 64-bit prime: all digits must survive
  a.theta = {0.1, 1.0 / 3.0};
  a.distance = std::numeric_limits<double>::infinity();
  a.simulated = {4999.0, std::nan("")};
  SimulationRecord b = a;
  b.generation = 1;
  b.number = 0;
  b.distance = 0.125;
  b.simulated = {5014.0, 27.0};
  const std::vector<Prior> priors = {{"rules.k", 0.0, 1.0, false},
                                     {"rules.threshold", 0.0, 1.0, false}};
  std::string text = calibration_log_header(priors, {"target:arrests", "check:killed"}) + "\n" +
                     calibration_log_row(a) + "\n" + calibration_log_row(b) + "\n";
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "generation,number,seed,rules.k,rules.threshold,distance,target:arrests,check:killed");
  const std::string torn = calibration_log_row(b);
  text += torn.substr(0, torn.size() / 2);  // a kill -9 in the middle of a write
  const SimulationCache cache = read_calibration_log(text, 2, 2);
  ASSERT_EQ(cache.size(), 2u);
  const SimulationRecord& r = cache.at({0, 3});
  EXPECT_EQ(r.seed, a.seed);
  EXPECT_EQ(r.theta, a.theta);
  EXPECT_TRUE(std::isinf(r.distance));
  EXPECT_EQ(r.simulated[0], 4999.0);
  EXPECT_TRUE(std::isnan(r.simulated[1]));
  EXPECT_EQ(cache.at({1, 0}).distance, 0.125);
}

}  // namespace
}  // namespace unrest::experiments
