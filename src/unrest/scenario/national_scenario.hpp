#pragma once
// A national scenario (docs/MODEL-CARD.md, "The national model"): places, each an Epstein lattice
// at real population x scale, a dated timeline of events, the mechanisms' parameters, and the
// reported figures the run is compared with. Plain validated data, built by
// parse_national_scenario and never changed by the engine.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "unrest/model/national/place_rules.hpp"
#include "unrest/scenario/event_trigger.hpp"

namespace unrest::national {

struct Place {
  std::string id;
  std::string name;
  double population = 0;  // people
  double lat = 0.0;
  double lon = 0.0;
  double utc_offset = 6;  // hours ahead of UTC, in quarter hours (3.5: UTC+3:30)
  double police = 0;      // people
  double exposure = 1.0;  // w_p of a price event stated as a dimensionless `size`
  // Vehicles running on each fuel (registry counts, people-independent): the weight of a price
  // event on that fuel (mechanism 1). Few fuels, so a list.
  std::vector<std::pair<std::string, double>> fuel_vehicles;

  // The place's vehicles on `fuel`, or nothing when its data do not say.
  std::optional<double> vehicles_on(std::string_view fuel) const {
    for (const auto& [name, vehicles] : fuel_vehicles) {
      if (name == fuel) return vehicles;
    }
    return std::nullopt;
  }
  double legitimacy = -1;    // baseline L_p; < 0 means the rules' default
  double hardship_max = -1;  // < 0 means the rules' default
};

enum class EventKind {
  price_shock,  // value: shock s (a size, or the relative price change of `fuel`)
  concession,   // value: share of the rise taken back
  legitimacy,   // value: change of L (and of its baseline)
  emergency,    // state of emergency with curfew hours
  lift_emergency,
  internet,       // value: media reach (0 = blackout, 1 = normal), until `until_tick`
  lethal_force,   // shoot-to-kill order in force
  reinforcement,  // value: cops (people; negative withdraws)
  posture,        // value: 1 the police hold back (no dispersal, no arrests), 0 they use force
  observed,       // reported happening; no effect, kept for the event log and the report
};

// The tick of an event that no date brings (a triggered one).
inline constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

struct Event {
  std::string id;
  EventKind kind = EventKind::observed;
  std::string at;                    // as written (local time); empty for a triggered event
  std::int64_t tick = 0;             // scenario hour at which it applies (triggered: kNever)
  std::optional<EventTrigger> when;  // instead of a date: the condition that brings it
  std::int64_t until_tick = -1;      // internet: when the reach returns to 1; -1 never
  std::vector<int> places;           // indices into NationalScenario::places
  bool national = false;             // "where" named every place
  double value = 0.0;
  std::int64_t ramp_hours = 0;  // price_shock: the rise reaches `value` linearly over this
  std::string fuel;             // price_shock stated as prices: the fuel (else a `size`)
  double price_before = 0.0;    // ... and its price before and after, in the data's unit
  double price_after = 0.0;
  bool by_population = false;  // reinforcement: `value` is a total shared by population
  int curfew_start = 23;
  int curfew_end = 7;
  bool enabled = true;
  std::string text;
  std::string source;
};

// How a figure was reported (scenario/reported_figure.hpp says what each means).
enum class TargetKind {
  factor,       // a count: agreement within `factor` of `value`
  lower_bound,  // "more than `value`": at least `value`, at most `factor` times it
  range,        // "between `low` and `high`"
};

// A reported figure: a national or per-place quantity at the end of a local date.
struct Target {
  std::string id;
  std::string quantity;  // a key of the outputs' per-place series (arrests, cops_killed, ...)
  int place = -1;        // -1: national total
  std::string date;
  std::int64_t tick = 0;  // the last tick of that date
  TargetKind kind = TargetKind::factor;
  double value = 0.0;   // the figure (range: the geometric mean of low and high)
  double factor = 2.0;  // factor: agreement within it; lower_bound: the highest plausible multiple
  double low = 0.0;     // range only
  double high = 0.0;
  std::string reporter;
  std::string text;
};

// A qualitative constraint on a run (the calibration constraints of docs/MODEL-CARD.md), checked
// and reported after every run.
enum class CheckKind {
  calm_before,           // no place protests before `from`
  first_protest,         // `place` is the first place to protest
  protest_within,        // `place` protests within `hours` of `other`'s first protest
  most_violent,          // `place` has the most rioter-hours in [from, to]
  peak_active_between,   // the national peak of actives (people), in [from, to] if given, lies
                         // in [low, high]
  activity_below,        // `place`'s daytime activity index is below `high` each day in [from, to]
  places_protesting,     // on the date `from`, the number of places with at least `people`
                         // active at some hour lies in [low, high]
  protest_without_riot,  // `place` protests in [from, to] and never riots there
  violence_in,           // at least `at_least` of `places` see violence in [from, to]: an hour
                         // with the riot threshold reached, or a killing
  quiet_in,              // `place` has fewer than `people` active at every hour of [from, to]
                         // (its streets retaken, or a protest not yet begun)
};

struct Check {
  std::string id;
  CheckKind kind = CheckKind::calm_before;
  int place = -1;
  int other = -1;
  std::int64_t from_tick = 0;  // first tick of the `from` date
  std::int64_t to_tick = 0;    // last tick of the `to` date
  std::string from;
  std::string to;
  double hours = 0.0;
  double low = 0.0;
  double high = 0.0;
  double people = 0.0;      // places_protesting, quiet_in: people active (default: the report's
                            // threshold)
  std::vector<int> places;  // violence_in
  int at_least = 1;
  std::string text;
};

struct Counterfactual {
  std::string id;
  std::string description;
  std::vector<std::string> without;
  std::vector<std::string> enable;
};

// A parameter `unrest calibrate` fits: a scenario key and its prior, uniform on [low, high]
// or on a log scale.
struct FreeParameter {
  std::string key;
  double low = 0.0;
  double high = 1.0;
  bool log_scale = false;
  std::string text;
};

struct NationalScenario {
  std::string name;
  std::string description;
  // The shared behaviour file the scenario named (scenario/behaviour_file.hpp), as found, and
  // its text; empty when the file itself holds its behaviour.
  std::string behaviour_file;
  std::string behaviour_text;
  std::string start_date = "2021-12-28";  // local date of tick 0, 00:00 at utc_offset
  std::string end_date = "2022-01-12";    // last simulated day, inclusive
  double utc_offset = 6;                  // hours ahead of UTC, in quarter hours (3.5: UTC+3:30)
  std::int64_t ticks = 24;
  std::uint64_t seed = 1;
  double scale = 1.0;
  std::int64_t threads = 0;
  // A place "protests" from the first hour with at least this many people active, and
  // "riots" from the first with this many rioting (converted to agents at the run's scale).
  double protest_people = 500;
  double riot_people = 100;
  // [map] country: the ISO 3166 alpha-3 code whose outline the report and the viewer draw
  // (empty: the places alone).
  std::string map_country;
  PlaceRules rules;
  Mechanisms mechanisms;
  std::vector<Place> places;
  std::vector<Event> events;
  std::vector<Target> targets;
  std::vector<Check> checks;
  std::vector<FreeParameter> free;
  std::vector<Counterfactual> counterfactuals;
  // What this run changed relative to the file: the counterfactual chosen, events removed.
  std::string counterfactual;
  std::vector<std::string> without;

  int place_index(const std::string& id) const;
};

std::string_view to_string(EventKind kind);
std::string_view to_string(CheckKind kind);
std::string_view to_string(TargetKind kind);

}  // namespace unrest::national
