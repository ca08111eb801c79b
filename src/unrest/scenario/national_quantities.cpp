#include "unrest/scenario/national_quantities.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace unrest::national {
namespace {

double count(std::uint64_t v) { return static_cast<double>(v); }

}  // namespace

const std::vector<Quantity>& quantities() {
  using A = Aggregate;
  using F = Format;
  // clang-format off
  static const std::vector<Quantity> table = {
      {"quiet", "agents", A::sum, F::count, true, false,
       "citizens free and not active",
       [](const PlaceRecord& r) { return count(r.counts.quiet); }},
      {"active", "agents", A::sum, F::count, true, false,
       "citizens active, rioters included",
       [](const PlaceRecord& r) { return count(r.counts.active); }},
      {"rioting", "agents", A::sum, F::count, true, false,
       "active citizens who are rioting",
       [](const PlaceRecord& r) { return count(r.counts.rioting); }},
      {"jailed", "agents", A::sum, F::count, true, false,
       "citizens in jail",
       [](const PlaceRecord& r) { return count(r.counts.jailed); }},
      {"arrests", "agents, cumulative", A::sum, F::count, true, true,
       "arrests since the start",
       [](const PlaceRecord& r) { return count(r.counts.arrests); }},
      {"citizens_killed", "agents, cumulative", A::sum, F::count, true, true,
       "citizens killed by the security forces",
       [](const PlaceRecord& r) { return count(r.counts.citizens_killed); }},
      {"citizens_injured", "agents, cumulative", A::sum, F::count, true, true,
       "citizens wounded by the security forces",
       [](const PlaceRecord& r) { return count(r.counts.citizens_injured); }},
      {"cops", "agents", A::sum, F::count, true, false,
       "cops on duty",
       [](const PlaceRecord& r) { return count(r.counts.cops); }},
      {"cops_killed", "agents, cumulative", A::sum, F::count, true, true,
       "security forces killed by rioters",
       [](const PlaceRecord& r) { return count(r.counts.cops_killed); }},
      {"cops_injured", "agents, cumulative", A::sum, F::count, true, true,
       "security forces injured by rioters",
       [](const PlaceRecord& r) { return count(r.counts.cops_injured); }},
      {"damage", "incidents, cumulative", A::sum, F::count, true, true,
       "property-damage incidents by rioters",
       [](const PlaceRecord& r) { return count(r.counts.damage); }},
      {"people_injured", "agents, cumulative", A::sum, F::count, false, true,
       "citizens and security forces injured (citizens_injured + cops_injured)",
       [](const PlaceRecord& r) { return count(r.counts.citizens_injured + r.counts.cops_injured); }},
      {"legitimacy", "0..1", A::population_mean, F::real, true, false,
       "the place's legitimacy L_p at the start of the hour",
       [](const PlaceRecord& r) { return r.legitimacy; }},
      {"hardship", "0..1", A::per_place, F::real, true, false,
       "mean hardship of the place's citizens, shock included",
       [](const PlaceRecord& r) { return r.counts.mean_hardship; }},
      {"news", "share", A::per_place, F::real, true, false,
       "the news signal S_p: gravity-weighted active share of the other places",
       [](const PlaceRecord& r) { return r.news; }},
      {"reach", "0..1", A::per_place, F::real, true, false,
       "media reach (1 normally, lower under an internet shutdown)",
       [](const PlaceRecord& r) { return r.reach; }},
      {"activity", "0..1", A::population_mean, F::real, true, false,
       "economic activity index: share of lattice blocks open for business",
       [](const PlaceRecord& r) { return r.counts.activity; }},
      {"curfew", "flag", A::per_place, F::flag, true, false,
       "1 during the place's curfew hours",
       [](const PlaceRecord& r) { return r.curfew_hours ? 1.0 : 0.0; }},
      {"emergency", "flag", A::per_place, F::flag, true, false,
       "1 while a state of emergency is in force",
       [](const PlaceRecord& r) { return r.emergency ? 1.0 : 0.0; }},
      {"lethal", "flag", A::per_place, F::flag, true, false,
       "1 while lethal force is authorised",
       [](const PlaceRecord& r) { return r.lethal_order ? 1.0 : 0.0; }},
  };
  // clang-format on
  return table;
}

const std::vector<Chart>& national_charts() {
  static const std::vector<Chart> charts = {
      {"active", "Active (protesting or rioting)", {"active"}},
      {"rioting", "Rioting", {"rioting"}},
      {"arrests", "Arrests (cumulative)", {"arrests"}},
      {"deaths",
       "Deaths: citizens and security forces (cumulative)",
       {"citizens_killed", "cops_killed"}},
      {"injured",
       "Injured: citizens and security forces (cumulative)",
       {"citizens_injured", "cops_injured"}},
      {"activity", "Economic activity index (1 = normal)", {"activity"}},
  };
  return charts;
}

bool counts_agents(const Chart& chart) {
  return find_quantity(chart.sum_of.front())->format == Format::count;
}

const Quantity* find_quantity(std::string_view name) {
  for (const Quantity& q : quantities()) {
    if (q.name == name) return &q;
  }
  return nullptr;
}

std::vector<std::string> target_quantity_names() {
  std::vector<std::string> out;
  for (const Quantity& q : quantities()) {
    if (q.target) out.emplace_back(q.name);
  }
  return out;
}

std::vector<const Quantity*> national_quantities() {
  std::vector<const Quantity*> out;
  for (const Quantity& q : quantities()) {
    if (q.in_tables && q.aggregate != Aggregate::per_place) out.push_back(&q);
  }
  return out;
}

double national_value(const Quantity& q, const std::vector<PlaceRecord>& row,
                      const std::vector<Place>& places) {
  if (q.aggregate == Aggregate::sum) {
    double total = 0;
    for (const PlaceRecord& r : row) total += q.of(r);
    return total;
  }
  double weighted = 0;
  double population = 0;
  for (std::size_t p = 0; p < row.size(); ++p) {
    weighted += q.of(row[p]) * places[p].population;
    population += places[p].population;
  }
  if (population > 0) return weighted / population;
  // No people anywhere: the plain mean.
  double total = 0;
  for (const PlaceRecord& r : row) total += q.of(r);
  return row.empty() ? 0.0 : total / static_cast<double>(row.size());
}

std::string format_value(const Quantity& q, double value) {
  switch (q.format) {
    case Format::count:
      return fmt::format("{}", static_cast<std::uint64_t>(value));
    case Format::real:
      return fmt::format("{:.6g}", value);
    case Format::flag:
      return value != 0.0 ? "1" : "0";
  }
  return {};
}

}  // namespace unrest::national
