#include "cli/reference_listings.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <variant>

#include "unrest/scenario/classic_keys.hpp"
#include "unrest/scenario/national_inputs.hpp"
#include "unrest/scenario/national_parameters.hpp"
#include "unrest/scenario/national_quantities.hpp"

namespace unrest::cli {
namespace {

std::string_view aggregate_text(national::Aggregate a) {
  switch (a) {
    case national::Aggregate::sum:
      return "sum";
    case national::Aggregate::population_mean:
      return "population-weighted mean";
    case national::Aggregate::per_place:
      return "per place only";
  }
  return "";
}

std::string uses(const national::Quantity& q) {
  return fmt::format("{}{}", q.in_tables ? "" : " (targets only: not a column)",
                     q.target ? "; a target may name it" : "");
}

// A value as TOML writes it: a number with a decimal point, so it reads back as a float.
std::string toml_value(const national::ParameterField& field) {
  return std::visit(
      [](auto* p) -> std::string {
        using T = std::remove_pointer_t<decltype(p)>;
        if constexpr (std::is_same_v<T, bool>) {
          return *p ? "true" : "false";
        } else if constexpr (std::is_same_v<T, model::Ratio>) {
          return fmt::format("\"{}\"", model::to_string(*p));
        } else if constexpr (std::is_same_v<T, double>) {
          return *p == std::floor(*p) && std::fabs(*p) < 1e15 ? fmt::format("{:.1f}", *p)
                                                              : fmt::format("{}", *p);
        } else {
          return fmt::format("{}", *p);
        }
      },
      field);
}

std::string range_text(const national::Parameter& p) {
  const std::string type = p.type_text();
  if (type != "number" && type != "integer") return type;
  return fmt::format("{} in [{:g}, {:g}]", type, p.low, p.high);
}

}  // namespace

void print_outputs(bool markdown) {
  if (markdown)
    fmt::print("| quantity | unit | nation (national.csv) | meaning |\n|---|---|---|---|\n");
  for (const auto& q : national::quantities()) {
    if (markdown) {
      fmt::print("| `{}` | {} | {} | {}{} |\n", q.name, q.unit, aggregate_text(q.aggregate),
                 q.description, uses(q));
    } else {
      fmt::print("{:<17} {:<22} {:<25} {}{}\n", q.name, q.unit, aggregate_text(q.aggregate),
                 q.description, uses(q));
    }
  }
}

void print_parameter_keys(bool toml) {
  national::NationalScenario defaults;
  std::string_view section;
  for (const auto& p : national::parameters()) {
    const std::string value = toml_value(p.field(defaults));
    if (toml) {
      if (p.section != section) fmt::print("[{}]\n", p.section);
      fmt::print("{} = {}  # {} ({})\n", p.key, value, p.meaning, range_text(p));
    } else {
      fmt::print("{}\n    {}; default {}\n    {}\n", p.full_key(), range_text(p), value, p.meaning);
    }
    section = p.section;
  }
  if (toml) return;
  // The event's data and what a run is judged on: no defaults shared by every event.
  fmt::print("\nNot behaviour: the run, the event's data (with their sources) and its targets\n");
  for (const auto& k : national::input_keys()) {
    fmt::print("{}\n    {}\n    {}\n", k.heading(), k.type_text(), k.meaning);
  }
  fmt::print("\nClassic scenarios (Epstein's Model I, kind = \"classic\")\n");
  for (const auto& k : scenario::classic_keys()) {
    if (k.table == "scenario") continue;  // listed above: the same in every file
    fmt::print("{}\n    {}\n    {}\n", k.heading(), k.type_text(), k.meaning);
  }
}

}  // namespace unrest::cli
