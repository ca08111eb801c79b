#include "unrest/scenario/event_trigger.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <string_view>

#include "unrest/scenario/national_quantities.hpp"

namespace unrest::national {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

bool EventTrigger::holds(double observed) const {
  switch (comparison) {
    case Comparison::greater:
      return observed > value;
    case Comparison::greater_or_equal:
      return observed >= value;
    case Comparison::less:
      return observed < value;
    case Comparison::less_or_equal:
      return observed <= value;
  }
  return false;
}

std::optional<std::string> parse_trigger(const std::string& text, EventTrigger& out) {
  const std::string_view s = text;
  const std::size_t op = s.find_first_of("<>");
  if (op == std::string_view::npos) {
    return fmt::format("\"{}\" has no comparison: write SCOPE.QUANTITY > NUMBER (or >=, <, <=)",
                       text);
  }
  const bool or_equal = op + 1 < s.size() && s[op + 1] == '=';
  const std::string_view left = trimmed(s.substr(0, op));
  const std::string_view right = trimmed(s.substr(op + (or_equal ? 2 : 1)));
  const std::size_t dot = left.find('.');
  const std::string_view scope = dot == std::string_view::npos ? left : left.substr(0, dot);
  if (scope != "national" && scope != "place") {
    return fmt::format("\"{}\": the scope before the dot must be national or place", text);
  }
  out.scope = scope == "national" ? EventTrigger::Scope::national : EventTrigger::Scope::place;
  out.quantity = dot == std::string_view::npos ? "" : std::string(left.substr(dot + 1));
  if (!find_quantity(out.quantity)) {
    return fmt::format("\"{}\": no output quantity \"{}\" (`unrest outputs` lists them)", text,
                       out.quantity);
  }
  double value = 0.0;
  const auto [end, error] = std::from_chars(right.data(), right.data() + right.size(), value);
  if (error != std::errc() || end != right.data() + right.size() || !std::isfinite(value)) {
    return fmt::format("\"{}\": \"{}\" is not a number", text, right);
  }
  out.value = value;
  out.comparison = s[op] == '>' ? (or_equal ? EventTrigger::Comparison::greater_or_equal
                                            : EventTrigger::Comparison::greater)
                                : (or_equal ? EventTrigger::Comparison::less_or_equal
                                            : EventTrigger::Comparison::less);
  out.text = text;
  return std::nullopt;
}

}  // namespace unrest::national
