#include "unrest/engine/schedule.hpp"

#include <gtest/gtest.h>

namespace unrest::engine {
namespace {

using scenario::ScheduleEvent;

TEST(Schedule, OnceFiresAtItsTickOnly) {
  ScheduleEvent e{.id = "a", .tick = 77, .every = 0, .times = 1};
  EXPECT_FALSE(is_due(e, 76));
  EXPECT_TRUE(is_due(e, 77));
  EXPECT_FALSE(is_due(e, 78));
}

TEST(Schedule, RepeatsEveryNTicksTimesTimes) {
  ScheduleEvent e{.id = "a", .tick = 10, .every = 5, .times = 3};
  std::vector<std::int64_t> fired;
  for (std::int64_t t = 0; t < 100; ++t) {
    if (is_due(e, t)) fired.push_back(t);
  }
  EXPECT_EQ(fired, (std::vector<std::int64_t>{10, 15, 20}));
}

TEST(Schedule, UnboundedRepetition) {
  ScheduleEvent e{.id = "a", .tick = 50, .every = 10, .times = std::nullopt};
  EXPECT_TRUE(is_due(e, 50));
  EXPECT_TRUE(is_due(e, 1000));
  EXPECT_FALSE(is_due(e, 1001));
  EXPECT_FALSE(is_due(e, 40));
}

}  // namespace
}  // namespace unrest::engine
