#pragma once
// Dates and the scenario clock. Tick t is the hour [t, t + 1) counted from 00:00 of the start
// date at the scenario's UTC offset; events and targets carry local dates and times.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace unrest::national {

struct LocalTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
};

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (also with a space, and with ":SS"); nullopt when
// malformed or not a real date.
std::optional<LocalTime> parse_local_time(std::string_view text);

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int64_t days_from_civil(int year, int month, int day);
LocalTime civil_from_days(std::int64_t days);

// Hours from the start (00:00 of `start` at `clock_offset`) to `when` given at `offset` (UTC
// offsets in hours, quarter hours allowed); fractional hours round up, so an event at 01:30
// applies from the tick that starts at 02:00.
std::int64_t hours_since(const LocalTime& start, double clock_offset, const LocalTime& when,
                         double offset);

// The local date ("2022-01-05") and "2022-01-05 14:00" of a tick on the scenario clock.
std::string date_of_tick(const LocalTime& start, std::int64_t tick);
std::string date_time_of_tick(const LocalTime& start, std::int64_t tick);

}  // namespace unrest::national
