#include "unrest/scenario/national_inputs.hpp"

#include <fmt/format.h>

namespace unrest::national {

namespace {
using scenario::kOptional;
using scenario::kRequired;
constexpr double kPeople = 1e9;  // the largest population a place may have
}  // namespace

const std::vector<InputKey>& input_keys() {
  // clang-format off
  static const std::vector<InputKey> table = [] {
    std::vector<InputKey> keys = scenario::scenario_table_keys();
    keys.insert(keys.end(), {
      {"scenario", "behaviour", "string", 0, 0, kOptional, "a shared behaviour file ([rules] and [mechanisms.*] only), relative to this file or shipped; this file then holds none"},
      {"run", "start", "date", 0, 0, kOptional, "local date of the first simulated hour (00:00)"},
      {"run", "end", "date", 0, 0, kOptional, "last simulated local date, inclusive; at most 10 years after start"},
      {"run", "utc_offset", "number (quarter hours)", -12, 14, kOptional, "hours ahead of UTC of the run's clock (3.5: UTC+3:30)"},
      {"run", "seed", "integer >= 0", 0, 0, kOptional, "random seed (--seed overrides)"},
      {"run", "scale", "number", 1e-6, 1.0, kOptional, "agents per person (--scale overrides)"},
      {"run", "threads", "integer", 0, 1024, kOptional, "worker threads; 0: one per core"},

      {"report", "protest_people", "number", 1.0, kPeople, kOptional, "a place protests from the first hour with this many people active"},
      {"report", "riot_people", "number", 1.0, kPeople, kOptional, "a place riots from the first hour with this many people rioting"},

      {"map", "country", "ISO 3166 three-letter code", 0, 0, kOptional, "the country whose outline the report and the viewer draw (shipped: KAZ, IRN); absent: the places alone"},

      {"place", "id", "string", 0, 0, kRequired, "unique id events and targets name"},
      {"place", "name", "string", 0, 0, kOptional, "display name (default: the id)"},
      {"place", "population", "number", 0.0, kPeople, kRequired, "people (census), each an agent at scale 1"},
      {"place", "lat", "number", -90.0, 90.0, kRequired, "latitude of the main city (news distances, map)"},
      {"place", "lon", "number", -180.0, 180.0, kRequired, "longitude of the main city"},
      {"place", "utc_offset", "number (quarter hours)", -12, 14, kOptional, "the place's clock (default: the run's)"},
      {"place", "police", "number in [0, population]", 0, 0, kRequired, "police officers (people)"},
      {"place", "exposure", "number", 0.0, 10.0, kOptional, "w_p of a price event given as a dimensionless `size` (synthetic scenarios)"},
      {"place", "fuel_vehicles", "table fuel = vehicles", 0, 0, kOptional, "vehicles running on each fuel (registry counts, at most the population): how much a price event on that fuel weighs on the place"},
      {"place", "legitimacy", "number", 0.0, 1.0, kOptional, "the place's baseline legitimacy (default: rules.legitimacy)"},
      {"place", "hardship_max", "number", 0.0, 1.0, kOptional, "the place's highest base hardship (default: rules.hardship_max)"},

      {"event", "id", "string", 0, 0, kRequired, "unique id (--without, counterfactuals)"},
      {"event", "kind", "price_shock, concession, legitimacy, emergency, lift_emergency, internet, lethal_force, reinforcement, posture or observed", 0, 0, kRequired, "what happens"},
      {"event", "at", "date or local date-time", 0, 0, kOptional, "when, in local time (required unless `when` is given)"},
      {"event", "when", "\"national.Q OP N\" or \"place.Q OP N\"", 0, 0, kOptional, "instead of `at`: the condition on an output quantity Q (OP > >= < <=; counts in people) that brings the event, read at the end of every hour; place: for each place of `where` alone"},
      {"event", "delay_hours", "integer", 0, 24 * 365, kOptional, "with `when`: hours from the condition to the event (default 0: the next hour)"},
      {"event", "once", "boolean", 0, 0, kOptional, "with `when`: false brings it again each time the condition turns true after being false (default true)"},
      {"event", "until", "date or local date-time", 0, 0, kOptional, "internet: when the reach returns to 1"},
      {"event", "utc_offset", "number (quarter hours)", -12, 14, kOptional, "the clock of `at` and `until` (default: the run's)"},
      {"event", "where", "place ids or \"national\"", 0, 0, kRequired, "the places it applies to"},
      {"event", "enabled", "boolean", 0, 0, kOptional, "false: kept for counterfactuals that enable it"},
      {"event", "fuel", "a fuel named in the places' fuel_vehicles", 0, 0, kOptional, "price_shock: the fuel whose price changes (with price_before and price_after; every place of `where` states its vehicles on it)"},
      {"event", "price_before", "number > 0", 0, 0, kOptional, "price_shock with fuel: the price before, in the data's unit"},
      {"event", "price_after", "number > 0", 0, 0, kOptional, "price_shock with fuel: the price after, in the same unit; s = max(0, after / before - 1)"},
      {"event", "size", "number", 0.0, 1.0, kOptional, "price_shock without fuel: a dimensionless shock s (weighted by the places' exposure)"},
      {"event", "ramp_hours", "integer", 0, 24 * 365, kOptional, "price_shock: hours over which the rise reaches its size"},
      {"event", "cut", "number", 0.0, 1.0, kOptional, "concession (required): share of the rise taken back"},
      {"event", "change", "number", -1.0, 1.0, kOptional, "legitimacy (required): change of L and of its baseline"},
      {"event", "reach", "number", 0.0, 1.0, kOptional, "internet (required): media reach, 0 blackout, 1 normal"},
      {"event", "cops", "number", -1e7, 1e7, kOptional, "reinforcement (required): police arriving (negative: withdrawn)"},
      {"event", "spread", "each or population", 0, 0, kOptional, "reinforcement: every place of `where` gets `cops` (each, the default), or `cops` is a total shared in proportion to population"},
      {"event", "posture", "restraint or force", 0, 0, kOptional, "posture (required): the police hold back (no dispersal, no arrests) or use force (the default)"},
      {"event", "curfew", "\"HH:00-HH:00\"", 0, 0, kOptional, "emergency: curfew hours (default 23:00-07:00)"},
      {"event", "text", "string", 0, 0, kOptional, "what was reported"},
      {"event", "source", "string", 0, 0, kOptional, "who reported it"},

      {"target", "id", "string", 0, 0, kRequired, "unique id"},
      {"target", "quantity", "a target quantity of `unrest outputs`", 0, 0, kRequired, "what was reported"},
      {"target", "where", "a place id or \"national\"", 0, 0, kOptional, "default national"},
      {"target", "date", "date", 0, 0, kRequired, "the figure holds at the end of this local date"},
      {"target", "utc_offset", "number (quarter hours)", -12, 14, kOptional, "the clock of `date` (default: the place's)"},
      {"target", "kind", "factor, lower_bound or range", 0, 0, kOptional, "how it was reported: a count (default), \"more than\", or a range"},
      {"target", "value", "number > 0", 0, 0, kOptional, "the reported figure (people); required but for kind range"},
      {"target", "factor", "number", 1.0, 100.0, kOptional, "factor: agreement means within this factor (default 2); lower_bound: at most this multiple"},
      {"target", "low", "number", 0.0, kPeople, kOptional, "range: the lowest reported figure"},
      {"target", "high", "number", 0.0, kPeople, kOptional, "range: the highest reported figure"},
      {"target", "reporter", "string", 0, 0, kOptional, "who reported it"},
      {"target", "text", "string", 0, 0, kOptional, "what was reported"},

      {"check", "id", "string", 0, 0, kRequired, "unique id"},
      {"check", "kind", "calm_before, first_protest, protest_within, most_violent, peak_active_between, activity_below, places_protesting, protest_without_riot, violence_in or quiet_in", 0, 0, kRequired, "what must hold"},
      {"check", "where", "a place id (violence_in: place ids)", 0, 0, kOptional, "the place the check is about"},
      {"check", "after", "a place id", 0, 0, kOptional, "protest_within: the place that protests first"},
      {"check", "hours", "number", 0.0, 1e6, kOptional, "protest_within: at most this many hours later"},
      {"check", "before", "date", 0, 0, kOptional, "calm_before: no protest before this date"},
      {"check", "on", "date", 0, 0, kOptional, "places_protesting: the date"},
      {"check", "people", "number", 1.0, kPeople, kOptional, "places_protesting: people active that make a place count; quiet_in: a place is quiet with fewer (default report.protest_people)"},
      {"check", "at_least", "integer", 0, 1000000, kOptional, "violence_in: how many of the places (default all)"},
      {"check", "from", "date", 0, 0, kOptional, "first date of the window"},
      {"check", "to", "date", 0, 0, kOptional, "last date of the window"},
      {"check", "low", "number", 0.0, kPeople, kOptional, "peak_active_between: lowest peak (people); places_protesting: fewest places"},
      {"check", "high", "number", 0.0, kPeople, kOptional, "peak_active_between: highest peak (people); places_protesting: most places"},
      {"check", "below", "number", 0.0, 1.0, kOptional, "activity_below: the daily activity index stays below this"},
      {"check", "text", "string", 0, 0, kOptional, "what the check stands for"},

      {"free", "key", "a numeric behaviour key", 0, 0, kRequired, "the parameter `unrest calibrate` fits"},
      {"free", "prior", "uniform or log_uniform", 0, 0, kOptional, "default uniform"},
      {"free", "low", "number", 0, 0, kRequired, "lowest value, within the key's range"},
      {"free", "high", "number", 0, 0, kRequired, "highest value, within the key's range"},
      {"free", "text", "string", 0, 0, kOptional, "why it is free"},

      {"counterfactual", "id", "string", 0, 0, kRequired, "unique id (--counterfactual)"},
      {"counterfactual", "description", "string", 0, 0, kOptional, "the question it asks"},
      {"counterfactual", "without", "event ids", 0, 0, kOptional, "events it removes"},
      {"counterfactual", "enable", "event ids", 0, 0, kOptional, "disabled events it enables"},
    });
    return keys;
  }();
  // clang-format on
  return table;
}

const InputKey& input_key(std::string_view table, std::string_view key) {
  return scenario::find_declared(input_keys(), table, key);
}

bool read_input(scenario::TableReader& r, std::string_view table, std::string_view key,
                double& out) {
  return scenario::read_declared(r, input_key(table, key), out);
}
bool read_input(scenario::TableReader& r, std::string_view table, std::string_view key,
                std::int64_t& out) {
  return scenario::read_declared(r, input_key(table, key), out);
}
bool read_input(scenario::TableReader& r, std::string_view table, std::string_view key, int& out) {
  return scenario::read_declared(r, input_key(table, key), out);
}

}  // namespace unrest::national
