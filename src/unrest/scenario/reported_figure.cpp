#include "unrest/scenario/reported_figure.hpp"

#include <fmt/format.h>

#include <cmath>

namespace unrest::national {

Interval agreement_interval(const Target& target) {
  switch (target.kind) {
    case TargetKind::lower_bound:
      return {target.value, target.value * target.factor};
    case TargetKind::range:
      return {target.low, target.high};
    case TargetKind::factor:
      break;
  }
  return {target.value / target.factor, target.value * target.factor};
}

Interval aim_interval(const Target& target) {
  if (target.kind == TargetKind::factor) return {target.value, target.value};
  return agreement_interval(target);
}

bool agrees(const Target& target, double simulated) {
  const Interval a = agreement_interval(target);
  return simulated >= a.low && simulated <= a.high;
}

double log_error_to(const Interval& aim, double simulated) {
  if (simulated < aim.low) return std::log((simulated + 1.0) / (aim.low + 1.0));
  if (simulated > aim.high) return std::log((simulated + 1.0) / (aim.high + 1.0));
  return 0.0;
}

std::string reported_text(const Target& target) {
  switch (target.kind) {
    case TargetKind::lower_bound:
      return fmt::format("> {:g}", target.value);
    case TargetKind::range:
      return fmt::format("{:g}-{:g}", target.low, target.high);
    case TargetKind::factor:
      break;
  }
  return fmt::format("{:g}", target.value);
}

std::string agreement_text(const Target& target) {
  switch (target.kind) {
    case TargetKind::lower_bound:
      return fmt::format("up to x{:g}", target.factor);
    case TargetKind::range:
      return "range";
    case TargetKind::factor:
      break;
  }
  return fmt::format("x{:g}", target.factor);
}

}  // namespace unrest::national
