#include "unrest/scenario/calendar.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

namespace unrest::national {
namespace {

bool read_number(std::string_view text, std::size_t& pos, int digits, int& out) {
  if (pos + static_cast<std::size_t>(digits) > text.size()) return false;
  out = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = text[pos + static_cast<std::size_t>(i)];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    out = out * 10 + (c - '0');
  }
  pos += static_cast<std::size_t>(digits);
  return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<LocalTime> parse_local_time(std::string_view text) {
  LocalTime t;
  std::size_t pos = 0;
  if (!read_number(text, pos, 4, t.year) || !expect(text, pos, '-') ||
      !read_number(text, pos, 2, t.month) || !expect(text, pos, '-') ||
      !read_number(text, pos, 2, t.day)) {
    return std::nullopt;
  }
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month)) {
    return std::nullopt;
  }
  if (pos == text.size()) return t;
  if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
  ++pos;
  if (!read_number(text, pos, 2, t.hour) || !expect(text, pos, ':') ||
      !read_number(text, pos, 2, t.minute)) {
    return std::nullopt;
  }
  if (pos < text.size()) {
    int seconds = 0;
    if (!expect(text, pos, ':') || !read_number(text, pos, 2, seconds) || seconds > 59) {
      return std::nullopt;
    }
  }
  if (pos != text.size() || t.hour > 23 || t.minute > 59) return std::nullopt;
  return t;
}

std::int64_t days_from_civil(int year, int month, int day) {
  // Shift the year to start in March so that the leap day is the year's last.
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

LocalTime civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  LocalTime t;
  t.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(year_of_era + era * 400 + (t.month <= 2 ? 1 : 0));
  return t;
}

std::int64_t hours_since(const LocalTime& start, double clock_offset, const LocalTime& when,
                         double offset) {
  const std::int64_t shift = std::llround((offset - clock_offset) * 60.0);
  const std::int64_t minutes = (days_from_civil(when.year, when.month, when.day) -
                                days_from_civil(start.year, start.month, start.day)) *
                                   24 * 60 +
                               when.hour * 60 + when.minute - shift;
  // Round up to the next whole hour (floor division for negative values too).
  const std::int64_t up = minutes + 59;
  return up >= 0 ? up / 60 : -((-up + 59) / 60);
}

std::string date_of_tick(const LocalTime& start, std::int64_t tick) {
  const std::int64_t day0 = days_from_civil(start.year, start.month, start.day);
  const std::int64_t day = day0 + (tick >= 0 ? tick / 24 : -((-tick + 23) / 24));
  const LocalTime t = civil_from_days(day);
  return fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day);
}

std::string date_time_of_tick(const LocalTime& start, std::int64_t tick) {
  const std::int64_t hour = ((tick % 24) + 24) % 24;
  return fmt::format("{} {:02}:00", date_of_tick(start, tick), hour);
}

}  // namespace unrest::national
