#include "unrest/scenario/branch_point.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "unrest/scenario/national_parameters.hpp"

namespace unrest::national {
namespace {

// Round-trip exact, so that values that differ in their last bit differ here too.
std::string exact(double v) { return fmt::format("{:.17g}", v); }

std::string parameter_value(const ParameterField& field) {
  return std::visit(
      [](auto* value) -> std::string {
        using T = std::remove_pointer_t<decltype(value)>;
        if constexpr (std::is_same_v<T, double>) {
          return exact(*value);
        } else if constexpr (std::is_same_v<T, model::Ratio>) {
          return std::string(model::to_string(*value));
        } else {
          return fmt::format("{}", *value);
        }
      },
      field);
}

std::string places_text(const NationalScenario& s, const std::vector<int>& places, bool national) {
  if (national) return "national";
  std::string out;
  for (int p : places) out += (out.empty() ? "" : ";") + s.places[static_cast<std::size_t>(p)].id;
  return out;
}

std::string event_line(const NationalScenario& s, const Event& e) {
  std::string line = fmt::format(
      "event {}: kind {}, hour {}, until {}, where {}, value {}, ramp {}, fuel {} {} -> {}, "
      "by population {}, curfew {}-{}, text {}",
      e.id, to_string(e.kind), e.when ? std::string("when") : std::to_string(e.tick), e.until_tick,
      places_text(s, e.places, e.national), exact(e.value), e.ramp_hours, e.fuel,
      exact(e.price_before), exact(e.price_after), e.by_population, e.curfew_start, e.curfew_end,
      e.text);
  if (e.when) {
    line += fmt::format(", when \"{}\" (value {}, delay {}, once {})", e.when->text,
                        exact(e.when->value), e.when->delay_hours, e.when->once);
  }
  return line;
}

}  // namespace

std::vector<std::string> inputs_before(const NationalScenario& scenario, std::int64_t tick) {
  NationalScenario s = scenario;  // the parameter table reaches fields through a mutable one
  std::vector<std::string> lines;
  lines.push_back(fmt::format("run: start {}, utc_offset {}, seed {}, scale {}", s.start_date,
                              exact(s.utc_offset), s.seed, exact(s.scale)));
  lines.push_back(fmt::format("report: protest_people {}, riot_people {}", exact(s.protest_people),
                              exact(s.riot_people)));
  for (const Parameter& p : parameters()) {
    lines.push_back(fmt::format("{} = {}", p.full_key(), parameter_value(p.field(s))));
  }
  for (const Place& p : s.places) {
    std::string fuels;
    for (const auto& [fuel, vehicles] : p.fuel_vehicles) {
      fuels += fmt::format(" {}={}", fuel, exact(vehicles));
    }
    lines.push_back(fmt::format(
        "place {}: population {}, lat {}, lon {}, utc_offset {}, police {}, exposure {}, "
        "legitimacy {}, hardship_max {}, vehicles{}",
        p.id, exact(p.population), exact(p.lat), exact(p.lon), exact(p.utc_offset), exact(p.police),
        exact(p.exposure), exact(p.legitimacy), exact(p.hardship_max), fuels));
  }
  // Dated events before the hour (those before the start apply at the first one), and every
  // event a condition brings, each only when it is on.
  for (const Event& e : s.events) {
    if (e.enabled && (e.when || e.tick < tick)) lines.push_back(event_line(s, e));
  }
  return lines;
}

std::int64_t shared_hours(const std::vector<NationalScenario>& variants) {
  if (variants.size() < 2) return 0;
  std::int64_t last = variants.front().ticks;
  for (const auto& v : variants) last = std::min(last, v.ticks);
  const auto all_same_before = [&](std::int64_t hour) {
    const auto first = inputs_before(variants.front(), hour);
    return std::all_of(variants.begin() + 1, variants.end(),
                       [&](const NationalScenario& v) { return inputs_before(v, hour) == first; });
  };
  // The inputs before an hour only grow with it, so the hours shared are a prefix: the largest
  // shared hour by bisection.
  std::int64_t low = 0, high = last;
  while (low < high) {
    const std::int64_t mid = low + (high - low + 1) / 2;
    if (all_same_before(mid)) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low;
}

std::optional<std::string> first_difference(const std::vector<std::string>& saved,
                                            const std::vector<std::string>& now) {
  // A line's key: what it is about ("event ID", "place ID", a parameter's key).
  const auto key = [](const std::string& line) { return line.substr(0, line.find_first_of(":=")); };
  const auto find = [&](const std::vector<std::string>& lines, const std::string& k) {
    return std::find_if(lines.begin(), lines.end(),
                        [&](const std::string& line) { return key(line) == k; });
  };
  for (const std::string& line : saved) {
    const auto other = find(now, key(line));
    if (other == now.end())
      return fmt::format("the saved run has {}, this run does not", key(line));
    if (*other != line) return fmt::format("the saved run has [{}], this run [{}]", line, *other);
  }
  for (const std::string& line : now) {
    if (find(saved, key(line)) == saved.end()) {
      return fmt::format("this run has {}, the saved run does not", key(line));
    }
  }
  if (saved != now) return std::string("the same inputs come in another order");
  return std::nullopt;
}

}  // namespace unrest::national
