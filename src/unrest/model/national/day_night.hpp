#pragma once
// Mechanism 4a, day and night: a citizen must be out to be active, and at night fewer are.
// Each eligible citizen is out with probability `night_participation` during the place's local
// night hours, and always by day.
#include <cmath>

namespace unrest::national {

struct DayNight {
  bool enabled = true;
  int night_start = 22;  // local hour, inclusive
  int night_end = 6;     // local hour, exclusive
  double night_participation = 1.0;
};

// Whether `hour` lies in [start, end) on a 24-hour clock that may wrap past midnight.
inline bool in_hours(int hour, int start, int end) {
  if (start == end) return false;
  return start < end ? (hour >= start && hour < end) : (hour >= start || hour < end);
}

// Hour of the day, 0..23, at a place `offset_hours` ahead of the scenario's clock (a
// fraction: the hour the tick's start falls in there, e.g. 21 for 21:30).
inline int local_hour(long long tick, double offset_hours) {
  const long long h =
      static_cast<long long>(std::floor(static_cast<double>(tick) + offset_hours)) % 24;
  return static_cast<int>(h < 0 ? h + 24 : h);
}

inline double participation(const DayNight& rule, int hour) {
  if (!rule.enabled) return 1.0;
  return in_hours(hour, rule.night_start, rule.night_end) ? rule.night_participation : 1.0;
}

}  // namespace unrest::national
