#include "unrest/analysis/national_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "unrest/scenario/national_quantities.hpp"
#include "unrest/scenario/reported_figure.hpp"

namespace unrest::national {
namespace {

const Quantity& quantity(const std::string& name) {
  const Quantity* q = find_quantity(name);
  if (!q) throw std::logic_error("no output quantity named " + name);
  return *q;
}

double national_at(const NationalEngine& engine, std::int64_t tick, const std::string& q) {
  return national_value(quantity(q), engine.records()[static_cast<std::size_t>(tick)],
                        engine.scenario().places);
}

// The most of a place's `field` at any hour of [from_tick, to_tick] within the run.
template <typename Field>
double most_in(const NationalEngine& engine, int place, std::int64_t from_tick,
               std::int64_t to_tick, Field field) {
  double most = 0;
  for (std::int64_t t = std::max<std::int64_t>(0, from_tick);
       t <= std::min(to_tick, engine.tick() - 1); ++t) {
    most = std::max(
        most, static_cast<double>(field(
                  engine.records()[static_cast<std::size_t>(t)][static_cast<std::size_t>(place)]
                      .counts)));
  }
  return most;
}

// Whether a place saw violence in the window: an hour at the riot threshold, or a killing.
bool violent(const NationalEngine& engine, int place, std::int64_t from_tick,
             std::int64_t to_tick) {
  const auto riot = static_cast<double>(engine.riot_threshold_agents());
  if (most_in(engine, place, from_tick, to_tick, [](const PlaceCounts& c) { return c.rioting; }) >=
      riot) {
    return true;
  }
  const std::int64_t last = std::min(to_tick, engine.tick() - 1);
  if (last < 0 || last < from_tick) return false;
  auto deaths = [&](std::int64_t t) -> std::uint64_t {
    if (t < 0) return 0;
    const auto& c =
        engine.records()[static_cast<std::size_t>(t)][static_cast<std::size_t>(place)].counts;
    return c.citizens_killed + c.cops_killed;
  };
  return deaths(last) > deaths(from_tick - 1);
}

// A check's threshold in people as agents at the run's scale: at least one agent.
double people_as_agents(double people, double scale) {
  return std::max(1.0, std::round(people * scale));
}

}  // namespace

bool bounds_a_number(const Check& check) {
  return check.kind == CheckKind::peak_active_between || check.kind == CheckKind::places_protesting;
}

std::vector<TargetResult> evaluate_targets(const NationalEngine& engine) {
  std::vector<TargetResult> out;
  const double scale = engine.scenario().scale;
  for (const Target& t : engine.scenario().targets) {
    TargetResult r;
    r.target = &t;
    if (t.tick >= 0 && t.tick < engine.tick()) {
      const double agents = t.place < 0
                                ? national_at(engine, t.tick, t.quantity)
                                : quantity(t.quantity)
                                      .of(engine.records()[static_cast<std::size_t>(t.tick)]
                                                          [static_cast<std::size_t>(t.place)]);
      r.simulated = agents / scale;
      r.ratio = *r.simulated / t.value;
      r.within = agrees(t, *r.simulated);
    }
    out.push_back(r);
  }
  return out;
}

std::vector<double> daytime_activity(const NationalEngine& engine, int place) {
  const auto& s = engine.scenario();
  const double offset = s.places[static_cast<std::size_t>(place)].utc_offset - s.utc_offset;
  std::vector<double> out;
  const std::int64_t days = engine.tick() / 24;
  for (std::int64_t d = 0; d < days; ++d) {
    double sum = 0;
    int n = 0;
    for (std::int64_t t = d * 24; t < d * 24 + 24; ++t) {
      const int hour = local_hour(t, offset);
      if (hour < 9 || hour >= 18) continue;
      sum += engine.records()[static_cast<std::size_t>(t)][static_cast<std::size_t>(place)]
                 .counts.activity;
      ++n;
    }
    out.push_back(n > 0 ? sum / n : 1.0);
  }
  return out;
}

double rioter_hours(const NationalEngine& engine, int place, std::int64_t from_tick,
                    std::int64_t to_tick) {
  double total = 0;
  for (std::int64_t t = std::max<std::int64_t>(0, from_tick);
       t <= std::min(to_tick, engine.tick() - 1); ++t) {
    total += engine.records()[static_cast<std::size_t>(t)][static_cast<std::size_t>(place)]
                 .counts.rioting;
  }
  return total;
}

std::vector<CheckResult> evaluate_checks(const NationalEngine& engine) {
  const auto& s = engine.scenario();
  const auto& first = engine.first_protest();
  const double scale = s.scale;
  std::vector<CheckResult> out;
  auto name = [&](int p) { return s.places[static_cast<std::size_t>(p)].name; };
  auto when = [&](std::int64_t tick) {
    return tick < 0 ? std::string("never") : date_time_of_tick(engine.start(), tick);
  };
  for (const Check& c : s.checks) {
    CheckResult r;
    r.check = &c;
    switch (c.kind) {
      case CheckKind::calm_before: {
        std::int64_t earliest = -1;
        int who = -1;
        for (std::size_t p = 0; p < first.size(); ++p) {
          if (first[p] >= 0 && (earliest < 0 || first[p] < earliest)) {
            earliest = first[p];
            who = static_cast<int>(p);
          }
        }
        r.pass = earliest < 0 || earliest >= c.from_tick;
        r.detail = who < 0 ? "no place protested"
                           : fmt::format("first protest: {} at {}", name(who), when(earliest));
        break;
      }
      case CheckKind::first_protest: {
        const std::int64_t mine = first[static_cast<std::size_t>(c.place)];
        r.pass = mine >= 0;
        for (std::size_t p = 0; p < first.size(); ++p) {
          if (static_cast<int>(p) != c.place && first[p] >= 0 && first[p] < mine) r.pass = false;
        }
        r.detail = fmt::format("{} first protested at {}", name(c.place), when(mine));
        break;
      }
      case CheckKind::protest_within: {
        const std::int64_t mine = first[static_cast<std::size_t>(c.place)];
        const std::int64_t theirs = first[static_cast<std::size_t>(c.other)];
        r.pass = mine >= 0 && theirs >= 0 && static_cast<double>(mine - theirs) <= c.hours;
        r.detail = mine >= 0 && theirs >= 0
                       ? fmt::format("{} h after {}", mine - theirs, name(c.other))
                       : fmt::format("{} at {}, {} at {}", name(c.place), when(mine), name(c.other),
                                     when(theirs));
        break;
      }
      case CheckKind::most_violent: {
        int best = -1;
        double best_hours = 0;
        for (std::size_t p = 0; p < s.places.size(); ++p) {
          const double h = rioter_hours(engine, static_cast<int>(p), c.from_tick, c.to_tick);
          if (h > best_hours) {
            best_hours = h;
            best = static_cast<int>(p);
          }
        }
        r.pass = best == c.place;
        r.detail = best < 0 ? "nobody rioted"
                            : fmt::format("most rioter-hours: {} ({:.0f} people-hours)", name(best),
                                          best_hours / scale);
        break;
      }
      case CheckKind::peak_active_between: {
        double peak = 0;
        for (std::int64_t t = std::max<std::int64_t>(0, c.from_tick);
             t <= std::min(c.to_tick, engine.tick() - 1); ++t)
          peak = std::max(peak, national_at(engine, t, "active"));
        peak /= scale;
        r.pass = peak >= c.low && peak <= c.high;
        r.measured = peak;
        r.detail = c.from.empty() ? fmt::format("national peak {:.0f} people active", peak)
                                  : fmt::format("national peak {:.0f} people active, {} to {}",
                                                peak, c.from, c.to);
        break;
      }
      case CheckKind::places_protesting: {
        const double agents = people_as_agents(c.people, scale);
        std::string who;
        int n = 0;
        for (std::size_t p = 0; p < s.places.size(); ++p) {
          if (most_in(engine, static_cast<int>(p), c.from_tick, c.to_tick,
                      [](const PlaceCounts& k) { return k.active; }) >= agents) {
            ++n;
            who += (who.empty() ? "" : ", ") + s.places[p].name;
          }
        }
        r.pass = c.to_tick < engine.tick() && n >= c.low && n <= c.high;
        if (c.to_tick < engine.tick()) r.measured = n;
        r.detail = fmt::format("{} places with {:g}+ active on {}{}{}", n, c.people, c.from,
                               n > 0 ? ": " : "", who);
        break;
      }
      case CheckKind::protest_without_riot: {
        const double active = most_in(engine, c.place, c.from_tick, c.to_tick,
                                      [](const PlaceCounts& k) { return k.active; });
        const double rioting = most_in(engine, c.place, c.from_tick, c.to_tick,
                                       [](const PlaceCounts& k) { return k.rioting; });
        r.pass = active >= static_cast<double>(engine.protest_threshold_agents()) &&
                 rioting < static_cast<double>(engine.riot_threshold_agents());
        r.detail = fmt::format("{}: at most {:.0f} active, {:.0f} rioting, {} to {}", name(c.place),
                               active / scale, rioting / scale, c.from, c.to);
        break;
      }
      case CheckKind::violence_in: {
        std::string who;
        int n = 0;
        for (int p : c.places) {
          if (!violent(engine, p, c.from_tick, c.to_tick)) continue;
          ++n;
          who += (who.empty() ? "" : ", ") + name(p);
        }
        r.pass = n >= c.at_least;
        r.detail = fmt::format("violence in {} of {} places{}{}", n, c.places.size(),
                               n > 0 ? ": " : "", who);
        break;
      }
      case CheckKind::quiet_in: {
        const double agents = people_as_agents(c.people, scale);
        const double active = most_in(engine, c.place, c.from_tick, c.to_tick,
                                      [](const PlaceCounts& k) { return k.active; });
        r.pass = c.to_tick < engine.tick() && active < agents;
        r.detail = fmt::format("{}: at most {:.0f} active, {} to {} (quiet: fewer than {:g})",
                               name(c.place), active / scale, c.from, c.to, c.people);
        break;
      }
      case CheckKind::activity_below: {
        const auto daily = daytime_activity(engine, c.place);
        r.pass = true;
        std::string values;
        for (std::int64_t d = c.from_tick / 24; d <= c.to_tick / 24; ++d) {
          if (d < 0 || d >= static_cast<std::int64_t>(daily.size())) {
            r.pass = false;
            continue;
          }
          const double v = daily[static_cast<std::size_t>(d)];
          r.pass = r.pass && v < c.high;
          values += fmt::format("{}{}: {:.2f}", values.empty() ? "" : ", ",
                                date_of_tick(engine.start(), d * 24), v);
        }
        r.detail = fmt::format("{} daytime activity {}", name(c.place), values);
        break;
      }
    }
    out.push_back(r);
  }
  return out;
}

std::vector<std::pair<std::string, double>> summary_figures(const NationalEngine& engine) {
  const double scale = engine.scenario().scale;
  double peak_active = 0, peak_rioting = 0;
  for (std::int64_t t = 0; t < engine.tick(); ++t) {
    peak_active = std::max(peak_active, national_at(engine, t, "active"));
    peak_rioting = std::max(peak_rioting, national_at(engine, t, "rioting"));
  }
  std::vector<std::pair<std::string, double>> out = {{"peak_active", peak_active / scale},
                                                     {"peak_rioting", peak_rioting / scale}};
  const std::int64_t last = engine.tick() - 1;
  for (const char* q : {"arrests", "citizens_killed", "citizens_injured", "cops_killed",
                        "cops_injured", "damage"}) {
    out.emplace_back(q, last >= 0 ? national_at(engine, last, q) / scale : 0.0);
  }
  // How far it spread: places that ever protested, and ever rioted ([report] thresholds).
  const auto reached = [](const std::vector<std::int64_t>& first) {
    return static_cast<double>(
        std::count_if(first.begin(), first.end(), [](std::int64_t t) { return t >= 0; }));
  };
  out.emplace_back("places_protested", reached(engine.first_protest()));
  out.emplace_back("places_rioted", reached(engine.first_riot()));
  for (const TargetResult& t : evaluate_targets(engine)) {
    out.emplace_back("target:" + t.target->id, t.simulated ? *t.simulated : std::nan(""));
  }
  for (const CheckResult& c : evaluate_checks(engine)) {
    out.emplace_back("check:" + c.check->id, c.pass ? 1.0 : 0.0);
  }
  return out;
}

std::vector<std::string> summary_figure_names(const NationalScenario& scenario) {
  std::vector<std::string> out = {
      "peak_active", "peak_rioting", "arrests", "citizens_killed",  "citizens_injured",
      "cops_killed", "cops_injured", "damage",  "places_protested", "places_rioted"};
  for (const auto& t : scenario.targets) out.push_back("target:" + t.id);
  for (const auto& c : scenario.checks) out.push_back("check:" + c.id);
  return out;
}

std::vector<DayRow> daily_table(const NationalEngine& engine) {
  const auto& s = engine.scenario();
  const double scale = s.scale;
  std::vector<DayRow> rows;
  double population = 0;
  for (const auto& p : s.places) population += p.population;
  std::vector<std::vector<double>> activity;
  for (std::size_t p = 0; p < s.places.size(); ++p)
    activity.push_back(daytime_activity(engine, static_cast<int>(p)));
  for (std::int64_t d = 0; d * 24 < engine.tick(); ++d) {
    DayRow row;
    row.date = date_of_tick(engine.start(), d * 24);
    const std::int64_t last = std::min(engine.tick() - 1, d * 24 + 23);
    std::vector<bool> protesting(s.places.size(), false);
    for (std::int64_t t = d * 24; t <= last; ++t) {
      double active = 0, rioting = 0;
      const auto& rec = engine.records()[static_cast<std::size_t>(t)];
      for (std::size_t p = 0; p < rec.size(); ++p) {
        active += rec[p].counts.active;
        rioting += rec[p].counts.rioting;
        if (rec[p].counts.active >= engine.protest_threshold_agents()) protesting[p] = true;
      }
      row.peak_active = std::max(row.peak_active, active / scale);
      row.peak_rioting = std::max(row.peak_rioting, rioting / scale);
    }
    row.arrests = national_at(engine, last, "arrests") / scale;
    row.citizens_killed = national_at(engine, last, "citizens_killed") / scale;
    row.cops_killed = national_at(engine, last, "cops_killed") / scale;
    row.cops_injured = national_at(engine, last, "cops_injured") / scale;
    row.damage = national_at(engine, last, "damage") / scale;
    row.places_protesting =
        static_cast<int>(std::count(protesting.begin(), protesting.end(), true));
    double weighted = 0;
    for (std::size_t p = 0; p < s.places.size(); ++p) {
      if (static_cast<std::size_t>(d) < activity[p].size()) {
        weighted += activity[p][static_cast<std::size_t>(d)] * s.places[p].population;
      }
    }
    row.activity = population > 0 ? weighted / population : 1.0;
    rows.push_back(row);
  }
  return rows;
}

}  // namespace unrest::national
