#include "unrest/analysis/outbursts.hpp"

#include <gtest/gtest.h>

namespace unrest::analysis {
namespace {

TEST(Outbursts, MaximalRunsAboveTheThreshold) {
  //                                   t=1  2   3   4   5   6   7   8   9
  const std::vector<std::uint32_t> actives = {0, 60, 70, 50, 10, 51, 0, 0, 90};
  const auto s = outburst_statistics(actives, 1, 50);
  ASSERT_EQ(s.outbursts.size(), 3u);
  EXPECT_EQ(s.outbursts[0].first_tick, 2);
  EXPECT_EQ(s.outbursts[0].last_tick, 3);
  EXPECT_EQ(s.outbursts[0].total_activation, 130u);
  EXPECT_EQ(s.outbursts[0].peak, 70u);
  EXPECT_EQ(s.outbursts[1].first_tick, 6);
  EXPECT_EQ(s.outbursts[2].first_tick, 9);  // still under way at the end: counted
  EXPECT_EQ(s.waiting_times, (std::vector<std::int64_t>{2, 2}));
  EXPECT_DOUBLE_EQ(*s.waiting_time.mean, 2.0);
  EXPECT_DOUBLE_EQ(*s.waiting_time.sd, 0.0);
  EXPECT_DOUBLE_EQ(*s.total_activation.mean, (130.0 + 51.0 + 90.0) / 3);
}

TEST(Outbursts, NoneWhenCalm) {
  const auto s = outburst_statistics({0, 50, 50, 3}, 1, 50);
  EXPECT_TRUE(s.outbursts.empty());
  EXPECT_FALSE(s.waiting_time.mean.has_value());
}

TEST(Outbursts, SampleStandardDeviation) {
  const auto m = mean_sd({2, 4, 4, 4, 5, 5, 7, 9});
  EXPECT_DOUBLE_EQ(*m.mean, 5.0);
  EXPECT_NEAR(*m.sd, 2.13809, 1e-5);
  EXPECT_FALSE(mean_sd({1}).sd.has_value());
}

}  // namespace
}  // namespace unrest::analysis
