#pragma once
// An event that comes when the situation calls for it instead of on a date: a condition on a
// quantity of the outputs (scenario/national_quantities.hpp), national or per place, such as
// `when = "national.active > 20000"` or `when = "place.citizens_killed >= 10"`, read at the end
// of every hour. The state's adaptive policies ("concede once 20,000 are in the streets",
// "negotiate once the killings pass 10") are events with triggers.
#include <cstdint>
#include <optional>
#include <string>

namespace unrest::national {

struct EventTrigger {
  enum class Scope { national, place };
  enum class Comparison { greater, greater_or_equal, less, less_or_equal };

  std::string text;  // as written, for the log
  Scope scope = Scope::national;
  std::string quantity;  // a quantity of the outputs
  Comparison comparison = Comparison::greater;
  double value = 0.0;            // people for counts (agents / scale), else the quantity's unit
  std::int64_t delay_hours = 0;  // from the hour the condition is first met to the event
  bool once = true;  // false: again each time the condition turns true after being false

  bool holds(double observed) const;
};

// Parses "SCOPE.QUANTITY OP NUMBER" (SCOPE national or place, OP one of > >= < <=). Returns
// the reason it is not one when it is not (a message for the `when` key).
std::optional<std::string> parse_trigger(const std::string& text, EventTrigger& out);

}  // namespace unrest::national
