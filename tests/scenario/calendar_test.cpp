#include "unrest/scenario/calendar.hpp"

#include <gtest/gtest.h>

namespace unrest::national {
namespace {

TEST(Calendar, ParsesDatesAndTimesAndRejectsImpossibleOnes) {
  const auto t = parse_local_time("2022-01-05T01:30");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->day, 5);
  EXPECT_EQ(t->minute, 30);
  EXPECT_TRUE(parse_local_time("2022-01-05 16:00:00"));
  EXPECT_TRUE(parse_local_time("2020-02-29"));
  EXPECT_FALSE(parse_local_time("2022-02-29"));
  EXPECT_FALSE(parse_local_time("2022-13-01"));
  EXPECT_FALSE(parse_local_time("2022-01-05T24:00"));
  EXPECT_FALSE(parse_local_time("5 January"));
  EXPECT_FALSE(parse_local_time("2022-01-05T01:30Z"));
}

TEST(Calendar, CivilDaysRoundTrip) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2022, 1, 1) - days_from_civil(2021, 12, 28), 4);
  for (std::int64_t d = -1000; d < 30000; d += 37) {
    const LocalTime t = civil_from_days(d);
    EXPECT_EQ(days_from_civil(t.year, t.month, t.day), d);
  }
}

TEST(Calendar, HoursCountFromTheStartOnTheScenarioClockAndRoundUp) {
  const LocalTime start = *parse_local_time("2021-12-28");
  // 5 January 01:30 at UTC+6 is 8 days and 1.5 hours in: it applies from the 02:00 tick.
  EXPECT_EQ(hours_since(start, 6, *parse_local_time("2022-01-05T01:30"), 6), 8 * 24 + 2);
  // Noon at UTC+5 is 13:00 on the UTC+6 clock.
  EXPECT_EQ(hours_since(start, 6, *parse_local_time("2022-01-04T12:00"), 5), 7 * 24 + 13);
  EXPECT_EQ(hours_since(start, 6, *parse_local_time("2021-12-27T23:00"), 6), -1);
  EXPECT_EQ(date_of_tick(start, 8 * 24 + 2), "2022-01-05");
  EXPECT_EQ(date_time_of_tick(start, 4 * 24 + 17), "2022-01-01 17:00");
}

TEST(Calendar, OffsetsMayBeQuarterHours) {
  // Iran's clock is UTC+3:30: on a UTC+3:30 scenario clock its local hours are whole ticks.
  const LocalTime start = *parse_local_time("2019-11-14");
  EXPECT_EQ(hours_since(start, 3.5, *parse_local_time("2019-11-16T18:00"), 3.5), 2 * 24 + 18);
  // 18:00 in Almaty (UTC+6) is 15:30 in Tehran: applies from the 16:00 tick.
  EXPECT_EQ(hours_since(start, 3.5, *parse_local_time("2019-11-16T18:00"), 6), 2 * 24 + 16);
  // 12:00 at UTC+5:45 is 09:45 at UTC+3:30: from the 10:00 tick.
  EXPECT_EQ(hours_since(start, 3.5, *parse_local_time("2019-11-14T12:00"), 5.75), 10);
}

}  // namespace
}  // namespace unrest::national
