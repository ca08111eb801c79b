#include "unrest/io/national_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "unrest/analysis/national_analysis.hpp"
#include "unrest/io/content_hash.hpp"
#include "unrest/io/netcdf_cube.hpp"
#include "unrest/io/text_file.hpp"
#include "unrest/scenario/national_parameters.hpp"
#include "unrest/scenario/national_quantities.hpp"
#include "unrest/scenario/reported_figure.hpp"

namespace unrest::io {
namespace {

using nlohmann::json;
using namespace unrest::national;

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string when(const NationalEngine& e, std::int64_t tick) {
  return tick < 0 ? std::string() : date_time_of_tick(e.start(), tick);
}

}  // namespace

std::string places_csv(const NationalEngine& e) {
  std::string out = "tick,time,place";
  for (const Quantity& q : quantities()) {
    if (q.in_tables) out += fmt::format(",{}", q.name);
  }
  out += "\n";
  const auto& places = e.scenario().places;
  for (std::size_t t = 0; t < e.records().size(); ++t) {
    const std::string time = date_time_of_tick(e.start(), static_cast<std::int64_t>(t));
    for (std::size_t p = 0; p < places.size(); ++p) {
      const PlaceRecord& r = e.records()[t][p];
      out += fmt::format("{},{},{}", t, time, places[p].id);
      for (const Quantity& q : quantities()) {
        if (q.in_tables) {
          out += ',';
          out += format_value(q, q.of(r));
        }
      }
      out += "\n";
    }
  }
  return out;
}

std::string national_csv(const NationalEngine& e) {
  const auto columns = national_quantities();
  std::string out = "tick,time";
  for (const Quantity* q : columns) out += fmt::format(",{}", q->name);
  out += "\n";
  const auto& places = e.scenario().places;
  for (std::size_t t = 0; t < e.records().size(); ++t) {
    out += fmt::format("{},{}", t, date_time_of_tick(e.start(), static_cast<std::int64_t>(t)));
    for (const Quantity* q : columns) {
      out += ',';
      out += format_value(*q, national_value(*q, e.records()[t], places));
    }
    out += "\n";
  }
  return out;
}

std::string events_csv(const NationalEngine& e) {
  std::string out = "tick,time,kind,id,where,text\n";
  for (const LogEntry& l : e.log()) {
    out += fmt::format("{},{},{},{},{},{}\n", l.tick, when(e, l.tick), l.kind, csv_field(l.id),
                       csv_field(l.where), csv_field(l.text));
  }
  // Events of the timeline that never applied, so the log accounts for every one.
  for (const Event& ev : e.scenario().events) {
    const auto applied = [&] {
      return std::any_of(e.log().begin(), e.log().end(),
                         [&](const LogEntry& l) { return l.kind == "event" && l.id == ev.id; });
    };
    if (!ev.enabled) {
      out += fmt::format(",,not_applied,{},,{}\n", csv_field(ev.id),
                         csv_field("removed for this run: " + ev.text));
    } else if (ev.when) {
      if (!applied()) {
        out += fmt::format(
            ",,not_applied,{},,{}\n", csv_field(ev.id),
            csv_field("its condition (" + ev.when->text + ") was not met in time: " + ev.text));
      }
    } else if (ev.tick >= e.tick()) {
      out += fmt::format(",,not_applied,{},,{}\n", csv_field(ev.id),
                         csv_field("dated after the end of the run: " + ev.text));
    }
  }
  return out;
}

namespace {
// A whole offset as an integer (as manifests wrote it before quarter hours).
json offset_json(double hours) {
  return hours == std::floor(hours) ? json(static_cast<int>(hours)) : json(hours);
}
}  // namespace

json national_scenario_json(const NationalScenario& s) {
  const PlaceRules& r = s.rules;
  json places = json::array();
  for (const auto& p : s.places) {
    places.push_back({{"id", p.id},
                      {"name", p.name},
                      {"population", p.population},
                      {"lat", p.lat},
                      {"lon", p.lon},
                      {"utc_offset", offset_json(p.utc_offset)},
                      {"police", p.police},
                      {"exposure", p.exposure},
                      {"legitimacy", p.legitimacy >= 0 ? p.legitimacy : r.legitimacy},
                      {"hardship_max", p.hardship_max >= 0 ? p.hardship_max : r.hardship_max}});
    if (!p.fuel_vehicles.empty()) {
      json fuels = json::object();
      for (const auto& [fuel, vehicles] : p.fuel_vehicles) fuels[fuel] = vehicles;
      places.back()["fuel_vehicles"] = fuels;
    }
  }
  json events = json::array();
  for (const auto& ev : s.events) {
    events.push_back({{"id", ev.id},
                      {"kind", to_string(ev.kind)},
                      {"at", ev.at},
                      {"tick", ev.tick},
                      {"value", ev.value},
                      {"enabled", ev.enabled}});
    if (!ev.fuel.empty()) {
      events.back()["fuel"] = ev.fuel;
      events.back()["price_before"] = ev.price_before;
      events.back()["price_after"] = ev.price_after;
    }
  }
  json out = {
      {"scenario", {{"name", s.name}, {"description", s.description}}},
      {"run",
       {{"start", s.start_date},
        {"end", s.end_date},
        {"utc_offset", offset_json(s.utc_offset)},
        {"ticks", s.ticks},
        {"seed", s.seed},
        {"scale", s.scale}}},
      {"report", {{"protest_people", s.protest_people}, {"riot_people", s.riot_people}}},
      {"map", {{"country", s.map_country}}},
      {"places", places},
      {"events", events},
      {"counterfactual", s.counterfactual},
      {"without", s.without},
  };
  // [rules] and [mechanisms.*], from the table of parameters.
  NationalScenario values = s;  // the table's fields are reached through a mutable scenario
  for (const Parameter& p : parameters()) {
    json* section = &out;
    std::string_view rest = p.section;
    while (!rest.empty()) {
      const std::size_t dot = rest.find('.');
      section = &(*section)[std::string(rest.substr(0, dot))];
      rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    }
    std::visit(
        [&](auto* field) {
          using T = std::remove_pointer_t<decltype(field)>;
          if constexpr (std::is_same_v<T, model::Ratio>) {
            (*section)[std::string(p.key)] = model::to_string(*field);
          } else {
            (*section)[std::string(p.key)] = *field;
          }
        },
        p.field(values));
  }
  // The shared behaviour file and a hash of its text: what a manifest's replay must find again.
  if (!s.behaviour_file.empty()) {
    out["scenario"]["behaviour"] = {{"path", s.behaviour_file},
                                    {"text_hash_fnv1a64", fnv1a64_hex(s.behaviour_text)}};
  }
  return out;
}

json national_summary_json(const NationalEngine& e) {
  const auto& s = e.scenario();
  const double scale = s.scale;
  json places = json::array();
  std::int64_t citizens = 0, cops = 0;
  for (std::size_t p = 0; p < s.places.size(); ++p) {
    citizens += e.citizens(static_cast<int>(p));
    double peak = 0, peak_riot = 0;
    for (const auto& row : e.records()) {
      peak = std::max<double>(peak, row[p].counts.active);
      peak_riot = std::max<double>(peak_riot, row[p].counts.rioting);
    }
    cops += e.records().empty() ? 0 : e.records().front()[p].counts.cops;
    const PlaceCounts& last = e.records().back()[p].counts;
    const auto activity = daytime_activity(e, static_cast<int>(p));
    json daily = json::object();
    for (std::size_t d = 0; d < activity.size(); ++d) {
      daily[date_of_tick(e.start(), static_cast<std::int64_t>(d) * 24)] = activity[d];
    }
    places.push_back({{"id", s.places[p].id},
                      {"name", s.places[p].name},
                      {"agents", e.citizens(static_cast<int>(p))},
                      {"lattice_side", e.lattice_side(static_cast<int>(p))},
                      {"first_protest", when(e, e.first_protest()[p])},
                      {"first_riot", when(e, e.first_riot()[p])},
                      {"peak_active", peak / scale},
                      {"peak_rioting", peak_riot / scale},
                      {"arrests", last.arrests / scale},
                      {"citizens_killed", last.citizens_killed / scale},
                      {"citizens_injured", last.citizens_injured / scale},
                      {"cops_killed", last.cops_killed / scale},
                      {"cops_injured", last.cops_injured / scale},
                      {"damage", last.damage / scale},
                      {"daytime_activity", daily}});
  }
  json days = json::array();
  for (const DayRow& d : daily_table(e)) {
    days.push_back({{"date", d.date},
                    {"peak_active", d.peak_active},
                    {"peak_rioting", d.peak_rioting},
                    {"arrests", d.arrests},
                    {"citizens_killed", d.citizens_killed},
                    {"cops_killed", d.cops_killed},
                    {"cops_injured", d.cops_injured},
                    {"damage", d.damage},
                    {"places_protesting", d.places_protesting},
                    {"daytime_activity", d.activity}});
  }
  json targets = json::array();
  for (const TargetResult& t : evaluate_targets(e)) {
    targets.push_back(
        {{"id", t.target->id},
         {"quantity", t.target->quantity},
         {"where", t.target->place < 0 ? std::string("national")
                                       : s.places[static_cast<std::size_t>(t.target->place)].id},
         {"date", t.target->date},
         {"reported", t.target->value},
         {"kind", to_string(t.target->kind)},
         {"agrees_low", agreement_interval(*t.target).low},
         {"agrees_high", agreement_interval(*t.target).high},
         {"reporter", t.target->reporter},
         {"simulated", t.simulated ? json(*t.simulated) : json(nullptr)},
         {"ratio", t.simulated ? json(t.ratio) : json(nullptr)},
         {"factor", t.target->factor},
         {"within_factor", t.within}});
  }
  json checks = json::array();
  for (const CheckResult& c : evaluate_checks(e)) {
    checks.push_back({{"id", c.check->id},
                      {"kind", to_string(c.check->kind)},
                      {"text", c.check->text},
                      {"pass", c.pass},
                      {"measured", c.detail}});
  }
  return {
      {"scenario", s.name},
      {"counterfactual", s.counterfactual},
      {"without", s.without},
      {"seed", s.seed},
      {"scale", scale},
      {"note", "counts of people are agents divided by scale; the CSV files hold agents"},
      {"start", s.start_date},
      {"end", s.end_date},
      {"ticks", e.tick()},
      {"agents", {{"citizens", citizens}, {"cops", cops}}},
      {"places", places},
      {"daily", days},
      {"targets", targets},
      {"checks", checks},
  };
}

json national_manifest_json(const NationalEngine& e, const ScenarioSource& source,
                            const std::vector<std::string>& extra_files, const RunStates& states) {
  json manifest = manifest_base(source, national_scenario_json(e.scenario()));
  manifest["seed"] = e.scenario().seed;
  manifest["scale"] = e.scenario().scale;
  manifest["files"] = {"places.csv", "national.csv", "events.csv", "summary.json", "manifest.json"};
  for (const auto& f : extra_files) manifest["files"].push_back(f);
  // Hours before the saved one were not run here: they came from the state file (and are
  // those the whole run gives, which is why the branch was allowed).
  if (!states.from.empty()) {
    manifest["branched_from"] = {{"state_file", states.from}, {"saved_at", states.from_time}};
  }
  // Events a program brought in while the run went (the Python module's Simulation.apply): the
  // scenario and overrides alone do not give this run, so it is said here.
  if (!e.injected().empty()) {
    json applied = json::array();
    for (const auto& ev : e.injected()) {
      json where = json::array();
      for (int p : ev.places) where.push_back(e.scenario().places[static_cast<std::size_t>(p)].id);
      applied.push_back({{"id", ev.id},
                         {"kind", to_string(ev.kind)},
                         {"at", ev.at},
                         {"tick", ev.tick},
                         {"value", ev.value},
                         {"where", where}});
    }
    manifest["applied_during_run"] = applied;
  }
  return manifest;
}

void write_national_outputs(const AtomicOutputDir& dir, const NationalEngine& e,
                            const ScenarioSource& source, bool netcdf, const RunStates& states) {
  std::vector<std::string> extra = states.saved;
  if (netcdf) {
    write_places_netcdf(dir.file("places.nc"), e);
    extra.push_back("places.nc");
  }
  write_text_file(dir.file("places.csv"), places_csv(e));
  write_text_file(dir.file("national.csv"), national_csv(e));
  write_text_file(dir.file("events.csv"), events_csv(e));
  write_text_file(dir.file("summary.json"), national_summary_json(e).dump(2) + "\n");
  // Last, so that a manifest only ever describes a complete set of files.
  write_text_file(dir.file("manifest.json"),
                  national_manifest_json(e, source, extra, states).dump(2) + "\n");
}

std::string national_report_text(const NationalEngine& e) {
  const auto& s = e.scenario();
  std::string out;
  out += fmt::format("Day by day, national (people = agents / scale {:g}):\n", s.scale);
  out += fmt::format("  {:<10} {:>9} {:>9} {:>8} {:>7} {:>6} {:>7} {:>7} {:>6} {:>8}\n", "date",
                     "active", "rioting", "arrests", "killed", "cops k", "cops in", "damage",
                     "places", "activity");
  for (const DayRow& d : daily_table(e)) {
    out += fmt::format(
        "  {:<10} {:>9.0f} {:>9.0f} {:>8.0f} {:>7.0f} {:>6.0f} {:>7.0f} {:>7.0f} {:>6} {:>8.2f}\n",
        d.date, d.peak_active, d.peak_rioting, d.arrests, d.citizens_killed, d.cops_killed,
        d.cops_injured, d.damage, d.places_protesting, d.activity);
  }
  out +=
      "  (active, rioting: the day's hourly peak; arrests, killed (citizens), cops killed and\n"
      "   injured, damage: cumulative at the day's end; places: places protesting that day;\n"
      "   activity: population-weighted share of blocks open, 09:00-18:00 local)\n";
  const auto targets = evaluate_targets(e);
  if (!targets.empty()) {
    out += fmt::format("\nSimulated vs reported (scale {:g}):\n", s.scale);
    for (const TargetResult& t : targets) {
      const Target& g = *t.target;
      const std::string where =
          g.place < 0 ? std::string("national") : s.places[static_cast<std::size_t>(g.place)].name;
      if (!t.simulated) {
        out += fmt::format("  {:<34} {:>8} reported {:>7}  (date outside the run)  [{}]\n", g.id,
                           "-", reported_text(g), g.reporter);
        continue;
      }
      out += fmt::format(
          "  {:<34} simulated {:>8.0f}  reported {:>11}  ratio {:>5.2f}  {} ({})  [{}, {} {}]\n",
          g.id, *t.simulated, reported_text(g), t.ratio, t.within ? "ok  " : "OFF ",
          agreement_text(g), g.reporter, where, g.date);
    }
  }
  const auto checks = evaluate_checks(e);
  if (!checks.empty()) {
    out += "\nChecks:\n";
    for (const CheckResult& c : checks) {
      out += fmt::format("  {} {:<30} {}\n", c.pass ? "pass" : "FAIL", c.check->id, c.detail);
    }
  }
  return out;
}

}  // namespace unrest::io
