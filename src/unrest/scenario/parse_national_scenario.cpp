#include "unrest/scenario/parse_national_scenario.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

#include "unrest/model/national/hardship_shock.hpp"
#include "unrest/scenario/behaviour_file.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/national_inputs.hpp"
#include "unrest/scenario/national_parameters.hpp"
#include "unrest/scenario/national_quantities.hpp"
#include "unrest/scenario/nearest_key.hpp"
#include "unrest/scenario/overrides.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/scenario/scenario_kind.hpp"
#include "unrest/scenario/toml_reader.hpp"

namespace unrest::national {
namespace {

using scenario::ScenarioError;
using scenario::TableReader;

// A date or date-time: a TOML local date / date-time, or a string "2022-01-05T01:30".
bool read_time(TableReader& r, std::string_view key, std::string& text, LocalTime& out) {
  const toml::node* node = r.take(key);
  if (!node) return false;
  if (auto d = node->value<toml::date>()) {
    text = fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day);
  } else if (auto dt = node->value<toml::date_time>()) {
    if (dt->offset) r.fail(key, "give a local time without a UTC offset (use utc_offset)");
    text = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", dt->date.year, dt->date.month, dt->date.day,
                       dt->time.hour, dt->time.minute);
  } else if (auto s = node->value_exact<std::string>()) {
    text = *s;
  } else {
    r.fail(key, "expected a date (2022-01-05) or a local date-time (2022-01-05T01:30)");
  }
  const auto parsed = parse_local_time(text);
  if (!parsed) r.fail(key, fmt::format("\"{}\" is not a date or date-time", text));
  out = *parsed;
  return true;
}

std::vector<std::string> read_strings(TableReader& r, std::string_view key) {
  std::vector<std::string> out;
  const toml::node* node = r.take(key);
  if (!node) return out;
  if (auto s = node->value_exact<std::string>()) return {*s};
  const toml::array* a = node->as_array();
  if (!a) r.fail(key, "expected a string or an array of strings");
  for (const auto& e : *a) {
    auto s = e.value_exact<std::string>();
    if (!s) r.fail(key, "expected an array of strings");
    out.push_back(*s);
  }
  return out;
}

// A UTC offset in hours, in its declared range and in quarter hours (3.5 is UTC+3:30, 5.75
// UTC+5:45): the clocks of the world.
void read_offset(TableReader& r, std::string_view table, double& out) {
  if (!read_input(r, table, "utc_offset", out)) return;
  r.require(out * 4 == std::round(out * 4), "utc_offset",
            fmt::format("must be whole quarter hours, like 3.5 for UTC+3:30 (got {})", out));
}

// An entry's id, which every [[place]], [[event]], ... must have.
std::string required_id(TableReader& r, std::string_view what) {
  std::string id;
  r.require(r.read("id", id) && !id.empty(), "id",
            fmt::format("every {} needs a non-empty id", what));
  return id;
}

// An entry's `kind`: its index among `kinds`.
std::size_t required_kind(TableReader& r, const std::vector<std::string>& kinds) {
  std::size_t kind = 0;
  r.require(r.read_choice("kind", kinds, kind), "kind",
            fmt::format("is required: one of {}", fmt::join(kinds, ", ")));
  return kind;
}

// One declared parameter (national_parameters.hpp), read and range-checked.
void read_parameter(TableReader& r, const Parameter& p, NationalScenario& s) {
  std::visit(
      [&](auto* field) {
        using T = std::remove_pointer_t<decltype(field)>;
        if constexpr (std::is_same_v<T, bool>) {
          r.read(p.key, *field);
        } else if constexpr (std::is_same_v<T, model::Ratio>) {
          std::size_t choice = 0;
          if (r.read_choice(p.key, ratio_spellings(), choice)) {
            // The last spelling, "round", is the older name of round_half_even.
            *field = choice < 3 ? static_cast<model::Ratio>(choice) : model::Ratio::round_half_even;
          }
        } else if constexpr (std::is_same_v<T, double>) {
          r.read_in_range(p.key, *field, p.low, p.high);
        } else {
          r.read_in_range(p.key, *field, static_cast<std::int64_t>(p.low),
                          static_cast<std::int64_t>(p.high));
        }
      },
      p.field(s));
}

// What a section requires of its keys together, once each is in range.
void check_section(std::string_view section, const TableReader& r, const NationalScenario& s) {
  const Mechanisms& m = s.mechanisms;
  if (section == "rules") {
    r.require(s.rules.hardship_min <= s.rules.hardship_max, "hardship_max",
              "must be >= rules.hardship_min");
  } else if (section == "mechanisms.riot") {
    r.require(m.riot.injure_cop_per_hour + m.riot.kill_cop_per_hour <= 1.0, "kill_cop_per_hour",
              "injure_cop_per_hour + kill_cop_per_hour must be <= 1");
  } else if (section == "mechanisms.lethal_force") {
    r.require(m.lethal_force.kill_probability + m.lethal_force.injure_probability <= 1.0,
              "injure_probability", "kill_probability + injure_probability must be <= 1");
  } else if (section == "mechanisms.jail") {
    r.require(m.jail.min_hours <= m.jail.max_hours, "max_hours", "must be >= min_hours");
  }
}

// [rules] and every [mechanisms.NAME], from the table of parameters.
void read_parameters(TableReader& root, const std::string& file, NationalScenario& s) {
  const toml::table* mechanisms = root.table("mechanisms");
  std::optional<TableReader> mr;
  if (mechanisms) mr.emplace(*mechanisms, file, "mechanisms");
  const auto& all = parameters();
  for (std::size_t i = 0; i < all.size();) {
    const std::string_view section = all[i].section;
    std::size_t end = i;
    while (end < all.size() && all[end].section == section) ++end;
    const toml::table* t = nullptr;
    std::string prefix(section);
    if (section == "rules") {
      t = root.table("rules");
    } else if (mr) {
      const std::string_view name = section.substr(std::string_view("mechanisms.").size());
      t = mr->table(name);
      prefix = mr->full_key(name);
    }
    if (t) {
      TableReader r(*t, file, prefix);
      for (std::size_t k = i; k < end; ++k) read_parameter(r, all[k], s);
      check_section(section, r, s);
      r.finish();
    }
    i = end;
  }
  if (mr) mr->finish();
}

// `fuel_vehicles = { lpg = 71700 }`: each fuel's vehicles, a count between 0 and the population.
void read_fuel_vehicles(TableReader& r, Place& p) {
  const toml::table* fuels = r.table("fuel_vehicles");
  if (!fuels) return;
  TableReader f(*fuels, r.file(), r.full_key("fuel_vehicles"));
  for (const auto& [name, node] : *fuels) {
    const std::string fuel(name.str());
    double vehicles = 0.0;
    f.read(fuel, vehicles);
    f.require(
        vehicles >= 0.0 && vehicles <= p.population, fuel,
        fmt::format("must be a count in [0, population = {}] (got {})", p.population, vehicles));
    p.fuel_vehicles.emplace_back(fuel, vehicles);
  }
  f.finish();
}

Place read_place(TableReader& r, double run_offset) {
  Place p;
  p.utc_offset = run_offset;  // a place keeps the run's clock unless it says otherwise
  p.id = required_id(r, "place");
  r.read("name", p.name);
  if (p.name.empty()) p.name = p.id;
  read_input(r, "place", "population", p.population);
  read_input(r, "place", "lat", p.lat);
  read_input(r, "place", "lon", p.lon);
  read_offset(r, "place", p.utc_offset);
  r.require(r.read("police", p.police), "police", "is required");
  r.require(p.police >= 0 && p.police <= p.population, "police",
            fmt::format("must be in [0, population] (got {})", p.police));
  read_input(r, "place", "exposure", p.exposure);
  read_fuel_vehicles(r, p);
  read_input(r, "place", "legitimacy", p.legitimacy);
  read_input(r, "place", "hardship_max", p.hardship_max);
  r.finish();
  return p;
}

const std::vector<std::string> kEventKinds = {
    "price_shock", "concession",   "legitimacy",    "emergency", "lift_emergency",
    "internet",    "lethal_force", "reinforcement", "posture",   "observed"};

std::vector<int> resolve_places(TableReader& r, std::string_view key,
                                const std::vector<std::string>& ids, const NationalScenario& s,
                                bool& national) {
  std::vector<int> out;
  national = false;
  std::vector<std::string> known;
  for (const auto& p : s.places) known.push_back(p.id);
  for (const auto& id : ids) {
    if (id == "national") {
      national = true;
      out.clear();
      for (std::size_t p = 0; p < s.places.size(); ++p) out.push_back(static_cast<int>(p));
      return out;
    }
    const int p = s.place_index(id);
    if (p < 0) {
      std::string message = fmt::format("no place has the id \"{}\"", id);
      if (auto guess = scenario::nearest_key(id, known)) {
        message += fmt::format(" (did you mean \"{}\"?)", *guess);
      }
      r.fail(key, message);
    }
    out.push_back(p);
  }
  return out;
}

// A price event is stated either as prices of a fuel (the data's units: s is the relative
// change, each place weighted by its vehicles on the fuel) or as a dimensionless `size`.
void read_price(TableReader& r, const NationalScenario& s, Event& e) {
  if (!r.read("fuel", e.fuel)) {
    for (const char* key : {"price_before", "price_after"}) {
      r.require(!r.has(key), key, "goes with `fuel` (the fuel whose price changes)");
    }
    r.require(read_input(r, "event", "size", e.value), "size",
              "is required for kind \"price_shock\", unless the event states `fuel`, "
              "`price_before` and `price_after`");
    return;
  }
  r.require(!r.has("size"), "size",
            "is for a dimensionless shock; this event states prices (fuel, price_before, "
            "price_after), which give the shock");
  for (const char* key : {"price_before", "price_after"}) {
    double& price = std::string_view(key) == "price_before" ? e.price_before : e.price_after;
    r.require(r.read(key, price), key, "is required with `fuel`");
    r.require(price > 0.0, key, fmt::format("must be > 0 (got {})", price));
  }
  for (const int p : e.places) {
    const Place& place = s.places[static_cast<std::size_t>(p)];
    r.require(place.vehicles_on(e.fuel).has_value(), "fuel",
              fmt::format("place \"{}\" does not state its vehicles on \"{}\" "
                          "(fuel_vehicles = {{ {} = COUNT }})",
                          place.id, e.fuel, e.fuel));
  }
  e.value = relative_price_change(e.price_before, e.price_after);
}

Event read_event(TableReader& r, const NationalScenario& s, const LocalTime& start) {
  Event e;
  e.id = required_id(r, "event");
  const std::size_t kind = required_kind(r, kEventKinds);
  e.kind = static_cast<EventKind>(kind);
  double offset = s.utc_offset;
  read_offset(r, "event", offset);
  LocalTime at;
  const bool dated = read_time(r, "at", e.at, at);
  std::string when;
  if (r.read("when", when)) {
    r.require(!dated, "when",
              "an event comes either at a date (`at`) or on a condition "
              "(`when`), not both");
    e.when.emplace();
    if (const auto why = parse_trigger(when, *e.when)) r.fail("when", *why);
    read_input(r, "event", "delay_hours", e.when->delay_hours);
    r.read("once", e.when->once);
    r.require(!r.has("until"), "until", "is for dated events only (not with `when`)");
    e.tick = kNever;
  } else {
    r.require(dated, "at", "is required (local date or date-time), or a condition `when`");
    r.require(!r.has("delay_hours"), "delay_hours", "goes with `when` only");
    r.require(!r.has("once"), "once", "goes with `when` only");
    e.tick = hours_since(start, s.utc_offset, at, offset);
  }
  std::string until_text;
  LocalTime until;
  if (read_time(r, "until", until_text, until)) {
    e.until_tick = hours_since(start, s.utc_offset, until, offset);
    r.require(e.until_tick > e.tick, "until", "must be after `at`");
  }
  const auto where = read_strings(r, "where");
  r.require(!where.empty(), "where", "is required: place ids, or \"national\"");
  e.places = resolve_places(r, "where", where, s, e.national);
  r.read("enabled", e.enabled);
  r.read("text", e.text);
  r.read("source", e.source);
  auto need = [&](std::string_view key) {
    r.require(read_input(r, "event", key, e.value), key,
              fmt::format("is required for kind \"{}\"", kEventKinds[kind]));
  };
  switch (e.kind) {
    case EventKind::price_shock:
      read_price(r, s, e);
      read_input(r, "event", "ramp_hours", e.ramp_hours);
      break;
    case EventKind::concession:
      need("cut");
      break;
    case EventKind::legitimacy:
      need("change");
      break;
    case EventKind::internet:
      need("reach");
      break;
    case EventKind::reinforcement: {
      need("cops");
      std::size_t spread = 0;
      r.read_choice("spread", {"each", "population"}, spread);
      e.by_population = spread == 1;
      break;
    }
    case EventKind::posture: {
      std::size_t posture = 0;
      r.require(r.read_choice("posture", {"force", "restraint"}, posture), "posture",
                "is required for kind \"posture\": \"restraint\" or \"force\"");
      e.value = static_cast<double>(posture);
      break;
    }
    case EventKind::emergency: {
      std::string curfew;
      if (r.read("curfew", curfew)) {
        int h1 = 0, m1 = 0, h2 = 0, m2 = 0;
        char tail = 0;
        const int got = std::sscanf(curfew.c_str(), "%d:%d-%d:%d%c", &h1, &m1, &h2, &m2, &tail);
        r.require(got == 4 && h1 >= 0 && h1 < 24 && h2 >= 0 && h2 < 24 && m1 == 0 && m2 == 0,
                  "curfew", fmt::format("\"{}\" is not whole hours \"HH:00-HH:00\"", curfew));
        e.curfew_start = h1;
        e.curfew_end = h2;
      }
      break;
    }
    default:
      break;
  }
  r.finish();
  return e;
}

// The quantities a target may name: the table of outputs says which.
const std::vector<std::string>& target_quantities() {
  static const auto names = target_quantity_names();
  return names;
}

const std::vector<std::string> kTargetKinds = {"factor", "lower_bound", "range"};

Target read_target(TableReader& r, const NationalScenario& s, const LocalTime& start) {
  Target g;
  g.id = required_id(r, "target");
  std::size_t q = 0;
  r.require(r.read_choice("quantity", target_quantities(), q), "quantity",
            fmt::format("is required: one of {}", fmt::join(target_quantities(), ", ")));
  g.quantity = target_quantities()[q];
  std::string where = "national";
  r.read("where", where);
  if (where != "national") {
    bool national = false;
    g.place = resolve_places(r, "where", {where}, s, national).front();
  }
  LocalTime date;
  r.require(read_time(r, "date", g.date, date), "date", "is required");
  date.hour = 0;
  date.minute = 0;
  double offset =
      g.place >= 0 ? s.places[static_cast<std::size_t>(g.place)].utc_offset : s.utc_offset;
  read_offset(r, "target", offset);
  g.tick = hours_since(start, s.utc_offset, date, offset) + 23;
  std::size_t kind = 0;
  if (r.read_choice("kind", kTargetKinds, kind)) g.kind = static_cast<TargetKind>(kind);
  if (g.kind == TargetKind::range) {
    r.require(read_input(r, "target", "low", g.low) && read_input(r, "target", "high", g.high),
              "low", "low and high are required for kind \"range\"");
    r.require(g.low > 0 && g.low <= g.high, "high",
              fmt::format("must be >= low > 0 (got low {:g}, high {:g})", g.low, g.high));
    r.require(!r.has("value"), "value", "is not used by kind \"range\" (low and high say it)");
    g.value = std::sqrt(g.low * g.high);
  } else {
    r.require(r.read("value", g.value) && g.value > 0, "value", "is required and must be > 0");
    r.require(!r.has("low") && !r.has("high"), r.has("low") ? "low" : "high",
              "is used only by kind \"range\"");
  }
  read_input(r, "target", "factor", g.factor);
  r.read("reporter", g.reporter);
  r.read("text", g.text);
  r.finish();
  return g;
}

const std::vector<std::string> kCheckKinds = {
    "calm_before",         "first_protest",  "protest_within",    "most_violent",
    "peak_active_between", "activity_below", "places_protesting", "protest_without_riot",
    "violence_in",         "quiet_in"};

Check read_check(TableReader& r, const NationalScenario& s, const LocalTime& start) {
  Check c;
  c.id = required_id(r, "check");
  const std::size_t kind = required_kind(r, kCheckKinds);
  c.kind = static_cast<CheckKind>(kind);
  r.read("text", c.text);
  auto place = [&](std::string_view key, int& out) {
    std::string id;
    r.require(r.read(key, id), key, fmt::format("is required for kind \"{}\"", kCheckKinds[kind]));
    bool national = false;
    out = resolve_places(r, key, {id}, s, national).front();
    r.require(!national, key, "must name one place");
  };
  auto date = [&](std::string_view key, std::string& text, std::int64_t& tick, int end_of_day) {
    LocalTime d;
    r.require(read_time(r, key, text, d), key,
              fmt::format("is required for kind \"{}\"", kCheckKinds[kind]));
    d.hour = 0;
    d.minute = 0;
    tick = hours_since(start, s.utc_offset, d, s.utc_offset) + end_of_day;
  };
  switch (c.kind) {
    case CheckKind::calm_before:
      date("before", c.from, c.from_tick, 0);
      break;
    case CheckKind::first_protest:
      place("where", c.place);
      break;
    case CheckKind::protest_within:
      place("where", c.place);
      place("after", c.other);
      r.require(read_input(r, "check", "hours", c.hours), "hours", "is required");
      break;
    case CheckKind::most_violent:
      place("where", c.place);
      date("from", c.from, c.from_tick, 0);
      date("to", c.to, c.to_tick, 23);
      break;
    case CheckKind::peak_active_between:
      r.require(read_input(r, "check", "low", c.low) && read_input(r, "check", "high", c.high) &&
                    c.low <= c.high,
                "high", "low and high are required, low <= high");
      c.from_tick = 0;
      c.to_tick = s.ticks - 1;
      if (r.has("from") || r.has("to")) {
        date("from", c.from, c.from_tick, 0);
        date("to", c.to, c.to_tick, 23);
      }
      break;
    case CheckKind::places_protesting:
      date("on", c.from, c.from_tick, 0);
      c.to = c.from;
      c.to_tick = c.from_tick + 23;
      r.require(read_input(r, "check", "low", c.low) && read_input(r, "check", "high", c.high) &&
                    c.low <= c.high,
                "high", "low and high (places) are required, low <= high");
      c.people = s.protest_people;
      read_input(r, "check", "people", c.people);
      break;
    case CheckKind::protest_without_riot:
      place("where", c.place);
      date("from", c.from, c.from_tick, 0);
      date("to", c.to, c.to_tick, 23);
      break;
    case CheckKind::violence_in: {
      const auto where = read_strings(r, "where");
      r.require(!where.empty(), "where", "is required for kind \"violence_in\": place ids");
      bool national = false;
      c.places = resolve_places(r, "where", where, s, national);
      date("from", c.from, c.from_tick, 0);
      date("to", c.to, c.to_tick, 23);
      c.at_least = static_cast<int>(c.places.size());
      read_input(r, "check", "at_least", c.at_least);
      r.require(c.at_least <= static_cast<int>(c.places.size()), "at_least",
                fmt::format("must be at most the {} places named", c.places.size()));
      break;
    }
    case CheckKind::quiet_in:
      place("where", c.place);
      date("from", c.from, c.from_tick, 0);
      date("to", c.to, c.to_tick, 23);
      c.people = s.protest_people;
      read_input(r, "check", "people", c.people);
      break;
    case CheckKind::activity_below:
      place("where", c.place);
      date("from", c.from, c.from_tick, 0);
      date("to", c.to, c.to_tick, 23);
      r.require(read_input(r, "check", "below", c.high), "below", "is required");
      break;
  }
  r.require(c.from_tick <= c.to_tick || c.kind == CheckKind::calm_before, "to",
            "must not be before from");
  r.finish();
  return c;
}

FreeParameter read_free(TableReader& r) {
  FreeParameter f;
  r.require(r.read("key", f.key) && !f.key.empty(), "key", "is required: a scenario key");
  // Only behaviour is calibrated, never a per-place or per-event input: a free key is one of
  // the numeric [rules] and [mechanisms.*] keys.
  const Parameter* p = find_parameter(f.key);
  const std::string type = p ? p->type_text() : "";
  r.require(type == "number" || type == "integer", "key",
            fmt::format("\"{}\" is not a numeric [rules] or [mechanisms.*] key (`unrest scenarios "
                        "--keys` lists them)",
                        f.key));
  std::size_t prior = 0;
  if (r.read_choice("prior", {"uniform", "log_uniform"}, prior)) f.log_scale = prior == 1;
  r.require(r.read("low", f.low) && r.read("high", f.high), "low", "low and high are required");
  r.require(f.low < f.high, "high", fmt::format("must be > low (got {} <= {})", f.high, f.low));
  r.require(f.low >= p->low && f.high <= p->high, f.low < p->low ? "low" : "high",
            fmt::format("must lie in {}'s range [{:g}, {:g}]", f.key, p->low, p->high));
  r.require(!f.log_scale || f.low > 0, "low", "must be > 0 for a log_uniform prior");
  r.read("text", f.text);
  r.finish();
  return f;
}

Counterfactual read_counterfactual(TableReader& r, const NationalScenario& s) {
  Counterfactual c;
  c.id = required_id(r, "counterfactual");
  r.read("description", c.description);
  c.without = read_strings(r, "without");
  c.enable = read_strings(r, "enable");
  for (const auto* list : {&c.without, &c.enable}) {
    for (const auto& id : *list) {
      const bool known =
          std::any_of(s.events.begin(), s.events.end(), [&](const Event& e) { return e.id == id; });
      r.require(known, list == &c.without ? "without" : "enable",
                fmt::format("no event has the id \"{}\"", id));
    }
  }
  r.finish();
  return c;
}

}  // namespace

int NationalScenario::place_index(const std::string& id) const {
  for (std::size_t p = 0; p < places.size(); ++p) {
    if (places[p].id == id) return static_cast<int>(p);
  }
  return -1;
}

std::string_view to_string(CheckKind kind) { return kCheckKinds[static_cast<std::size_t>(kind)]; }

std::string_view to_string(TargetKind kind) { return kTargetKinds[static_cast<std::size_t>(kind)]; }

std::string_view to_string(EventKind kind) { return kEventKinds[static_cast<std::size_t>(kind)]; }

bool is_national_scenario(std::string_view text) {
  try {
    return scenario::scenario_kind(text, "") == scenario::ScenarioKind::national;
  } catch (const ScenarioError&) {
    return false;
  }
}

NationalScenario parse_national_scenario(std::string_view text, const std::string& source_name,
                                         const std::vector<std::string>& overrides) {
  toml::table root = scenario::parse_toml(text, source_name);
  const scenario::BehaviourFile behaviour = scenario::merge_behaviour(root, source_name);
  for (const auto& assignment : overrides) scenario::apply_override(root, assignment);

  NationalScenario s;
  s.behaviour_file = behaviour.path;
  s.behaviour_text = behaviour.text;
  s.name = std::filesystem::path(source_name).stem().string();
  TableReader reader(root, source_name, "");
  if (const toml::table* t = reader.table("scenario")) {
    TableReader r(*t, source_name, "scenario");
    scenario::read_kind(r, scenario::ScenarioKind::national);
    r.read("name", s.name);
    r.read("description", s.description);
    r.take("behaviour");  // merged above
    r.finish();
  }
  LocalTime start = *parse_local_time(s.start_date);
  LocalTime end = *parse_local_time(s.end_date);
  if (const toml::table* t = reader.table("run")) {
    TableReader r(*t, source_name, "run");
    read_time(r, "start", s.start_date, start);
    read_time(r, "end", s.end_date, end);
    read_offset(r, "run", s.utc_offset);
    std::int64_t seed = static_cast<std::int64_t>(s.seed);
    if (r.read("seed", seed)) {
      r.require(seed >= 0, "seed", fmt::format("must be >= 0 (got {})", seed));
      s.seed = static_cast<std::uint64_t>(seed);
    }
    read_input(r, "run", "scale", s.scale);
    read_input(r, "run", "threads", s.threads);
    const std::int64_t days = days_from_civil(end.year, end.month, end.day) -
                              days_from_civil(start.year, start.month, start.day) + 1;
    r.require(days >= 1 && days <= 3660, "end",
              fmt::format("must be on or after run.start and within 10 years (got {} days)", days));
    r.finish();
  }
  s.start_date = fmt::format("{:04}-{:02}-{:02}", start.year, start.month, start.day);
  s.end_date = fmt::format("{:04}-{:02}-{:02}", end.year, end.month, end.day);
  s.ticks = (days_from_civil(end.year, end.month, end.day) -
             days_from_civil(start.year, start.month, start.day) + 1) *
            24;
  if (const toml::table* t = reader.table("report")) {
    TableReader r(*t, source_name, "report");
    read_input(r, "report", "protest_people", s.protest_people);
    read_input(r, "report", "riot_people", s.riot_people);
    r.finish();
  }
  if (const toml::table* t = reader.table("map")) {
    TableReader r(*t, source_name, "map");
    if (r.read("country", s.map_country)) {
      const bool code =
          s.map_country.size() == 3 && std::all_of(s.map_country.begin(), s.map_country.end(),
                                                   [](char c) { return c >= 'A' && c <= 'Z'; });
      r.require(code, "country",
                fmt::format("must be an ISO 3166 three-letter code like \"KAZ\" (got \"{}\")",
                            s.map_country));
    }
    r.finish();
  }
  read_parameters(reader, source_name, s);

  s.places = scenario::read_entries<Place>(
      reader, "place", [&](TableReader& r, std::size_t) { return read_place(r, s.utc_offset); });
  if (s.places.empty()) reader.fail("place", "a national scenario needs [[place]] entries");
  s.events = scenario::read_entries<Event>(
      reader, "event", [&](TableReader& r, std::size_t) { return read_event(r, s, start); });
  s.targets = scenario::read_entries<Target>(
      reader, "target", [&](TableReader& r, std::size_t) { return read_target(r, s, start); });
  s.checks = scenario::read_entries<Check>(
      reader, "check", [&](TableReader& r, std::size_t) { return read_check(r, s, start); });
  s.free = scenario::read_entries<FreeParameter>(
      reader, "free", [](TableReader& r, std::size_t) { return read_free(r); }, &FreeParameter::key,
      "key");
  s.counterfactuals = scenario::read_entries<Counterfactual>(
      reader, "counterfactual",
      [&](TableReader& r, std::size_t) { return read_counterfactual(r, s); });
  reader.finish();
  // Last, so that a file with other errors hears of them first.
  if (!root.get("scenario")) reader.fail("scenario", scenario::kScenarioTableRequired);
  return s;
}

void apply_counterfactual(NationalScenario& s, const std::string& id) {
  std::vector<std::string> known;
  for (const auto& c : s.counterfactuals) {
    known.push_back(c.id);
    if (c.id != id) continue;
    for (auto& e : s.events) {
      if (std::find(c.without.begin(), c.without.end(), e.id) != c.without.end()) e.enabled = false;
      if (std::find(c.enable.begin(), c.enable.end(), e.id) != c.enable.end()) e.enabled = true;
    }
    s.counterfactual = id;
    return;
  }
  std::string message = fmt::format("the scenario has no counterfactual \"{}\"", id);
  if (auto guess = scenario::nearest_key(id, known))
    message += fmt::format(" (did you mean \"{}\"?)", *guess);
  if (!known.empty()) message += fmt::format("; it has: {}", fmt::join(known, ", "));
  throw ScenarioError("--counterfactual", 0, "", message);
}

Event parse_event(std::string_view text, const std::string& source_name,
                  const NationalScenario& scenario) {
  const toml::table root = scenario::parse_toml(text, source_name);
  TableReader r(root, source_name, "event");
  return read_event(r, scenario, *parse_local_time(scenario.start_date));
}

void remove_events(NationalScenario& s, const std::vector<std::string>& ids) {
  std::vector<std::string> known;
  for (const auto& e : s.events) known.push_back(e.id);
  for (const auto& id : ids) {
    auto it =
        std::find_if(s.events.begin(), s.events.end(), [&](const Event& e) { return e.id == id; });
    if (it == s.events.end()) {
      std::string message = fmt::format("no event has the id \"{}\"", id);
      if (auto guess = scenario::nearest_key(id, known))
        message += fmt::format(" (did you mean \"{}\"?)", *guess);
      throw ScenarioError("--without " + id, 0, "", message);
    }
    it->enabled = false;
    s.without.push_back(id);
  }
}

}  // namespace unrest::national
