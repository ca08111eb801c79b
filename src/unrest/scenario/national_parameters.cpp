#include "unrest/scenario/national_parameters.hpp"

#include <fmt/format.h>

namespace unrest::national {

std::string Parameter::full_key() const { return fmt::format("{}.{}", section, key); }

std::string Parameter::type_text() const {
  NationalScenario probe;
  return std::visit(
      [](auto* p) -> std::string {
        using T = std::remove_pointer_t<decltype(p)>;
        if constexpr (std::is_same_v<T, bool>) {
          return "boolean";
        } else if constexpr (std::is_same_v<T, double>) {
          return "number";
        } else if constexpr (std::is_same_v<T, model::Ratio>) {
          return "one of floor, round_half_even, literal";
        } else {
          return "integer";
        }
      },
      field(probe));
}

const std::vector<std::string>& ratio_spellings() {
  static const std::vector<std::string> names = {
      std::string(model::to_string(model::Ratio::floor)),
      std::string(model::to_string(model::Ratio::round_half_even)),
      std::string(model::to_string(model::Ratio::literal)), "round"};
  return names;
}

// One line a parameter: section, key, low, high, meaning, where it lives.
#define UNREST_FIELD(path) [](NationalScenario& s) -> ParameterField { return &s.path; }

const std::vector<Parameter>& parameters() {
  // clang-format off
  static const std::vector<Parameter> table = {
      {"rules", "density", 0.01, 0.95, "citizens per lattice site", UNREST_FIELD(rules.density)},
      {"rules", "threshold", 0.0, 1.0, "T: a citizen is active iff grievance - risk > T", UNREST_FIELD(rules.threshold)},
      {"rules", "k", 0.0, 100.0, "k in the estimated arrest probability P = 1 - exp(-k ratio(C, A))", UNREST_FIELD(rules.k)},
      {"rules", "ratio", 0.0, 0.0, "how C / A enters P (\"round\" is read as round_half_even)", UNREST_FIELD(rules.ratio)},
      {"rules", "vision", 1, 100, "citizens' vision radius in sites (Euclidean disc)", UNREST_FIELD(rules.vision)},
      {"rules", "cop_vision", 1, 100, "cops' vision radius in sites", UNREST_FIELD(rules.cop_vision)},
      {"rules", "hardship_min", 0.0, 1.0, "lowest base hardship H0", UNREST_FIELD(rules.hardship_min)},
      {"rules", "hardship_max", 0.0, 1.0, "highest base hardship H0 (a place may set its own)", UNREST_FIELD(rules.hardship_max)},
      {"rules", "hardship_shape", 0.01, 100.0, "H0 = min + (max - min) U^shape: above 1 thins the upper tail", UNREST_FIELD(rules.hardship_shape)},
      {"rules", "legitimacy", 0.0, 1.0, "baseline legitimacy L (a place may set its own)", UNREST_FIELD(rules.legitimacy)},
      {"rules", "arrest_rate", 0.0, 1.0, "arrest attempts per cop-hour", UNREST_FIELD(rules.arrest_rate)},
      {"rules", "quiet_move_share", 0.0, 1.0, "share of quiet citizens who move each hour (actives and cops always do)", UNREST_FIELD(rules.quiet_move_share)},
      {"rules", "movement", 0.0, 0.0, "whether anybody moves", UNREST_FIELD(rules.movement)},

      {"mechanisms.hardship", "enabled", 0.0, 0.0, "1: price shocks raise hardship, concessions cut the shock", UNREST_FIELD(mechanisms.hardship.enabled)},
      {"mechanisms.hardship", "per_burden", 0.0, 100.0, "hardship per unit of relative price change x vehicles on the fuel per person (price events stated as prices)", UNREST_FIELD(mechanisms.hardship.per_burden)},

      {"mechanisms.legitimacy", "enabled", 0.0, 0.0, "2: per-place legitimacy moved by events and backlash", UNREST_FIELD(mechanisms.legitimacy.enabled)},
      {"mechanisms.legitimacy", "relax_per_hour", 0.0, 1.0, "share of the gap to the baseline closed each hour", UNREST_FIELD(mechanisms.legitimacy.relax_per_hour)},
      {"mechanisms.legitimacy", "backlash_per_killing", 0.0, 1.0, "fall of L per citizen killed per 100,000 people", UNREST_FIELD(mechanisms.legitimacy.backlash_per_killing)},
      {"mechanisms.legitimacy", "backlash_per_arrest", 0.0, 1.0, "fall of L per arrest per 100,000 people", UNREST_FIELD(mechanisms.legitimacy.backlash_per_arrest)},
      {"mechanisms.legitimacy", "max_drop", 0.0, 1.0, "backlash lowers L at most this far below the baseline", UNREST_FIELD(mechanisms.legitimacy.max_drop)},

      {"mechanisms.news", "enabled", 0.0, 0.0, "3: protest elsewhere counts as extra actives within vision", UNREST_FIELD(mechanisms.news.enabled)},
      {"mechanisms.news", "weight", 0.0, 1e6, "mu: extra actives per unit of signal per vision site", UNREST_FIELD(mechanisms.news.weight)},
      {"mechanisms.news", "gamma", 0.0, 10.0, "distance decay of the gravity kernel population / distance^gamma", UNREST_FIELD(mechanisms.news.gamma)},
      {"mechanisms.news", "min_distance_km", 0.001, 1e5, "distances below this count as this (keeps the kernel finite)", UNREST_FIELD(mechanisms.news.min_distance_km)},

      {"mechanisms.day_night", "enabled", 0.0, 0.0, "4a: fewer citizens are out at night", UNREST_FIELD(mechanisms.day_night.enabled)},
      {"mechanisms.day_night", "night_start", 0, 23, "first local hour of the night", UNREST_FIELD(mechanisms.day_night.night_start)},
      {"mechanisms.day_night", "night_end", 0, 23, "first local hour of the day", UNREST_FIELD(mechanisms.day_night.night_end)},
      {"mechanisms.day_night", "night_participation", 0.0, 1.0, "probability that an eligible citizen is out at night", UNREST_FIELD(mechanisms.day_night.night_participation)},

      {"mechanisms.curfew", "enabled", 0.0, 0.0, "4b: curfew hours under an emergency", UNREST_FIELD(mechanisms.curfew.enabled)},
      {"mechanisms.curfew", "risk_multiplier", 0.0, 1e3, "multiplier on P during curfew hours (the product is capped at 1)", UNREST_FIELD(mechanisms.curfew.risk_multiplier)},
      {"mechanisms.curfew", "arrest_rate", 0.0, 1.0, "arrest attempts per cop-hour during curfew hours", UNREST_FIELD(mechanisms.curfew.arrest_rate)},

      {"mechanisms.riot", "enabled", 0.0, 0.0, "5: crowds that outnumber the police facing them riot", UNREST_FIELD(mechanisms.riot.enabled)},
      {"mechanisms.riot", "ratio", 0.0, 1e6, "rho: active and A + 1 > rho C (C >= 1) means rioting", UNREST_FIELD(mechanisms.riot.ratio)},
      {"mechanisms.riot", "injure_cop_per_hour", 0.0, 1.0, "probability a rioter injures a cop within vision, per hour", UNREST_FIELD(mechanisms.riot.injure_cop_per_hour)},
      {"mechanisms.riot", "kill_cop_per_hour", 0.0, 1.0, "probability a rioter kills a cop within vision, per hour", UNREST_FIELD(mechanisms.riot.kill_cop_per_hour)},
      {"mechanisms.riot", "damage_per_hour", 0.0, 1.0, "property-damage incidents per rioter-hour", UNREST_FIELD(mechanisms.riot.damage_per_hour)},

      {"mechanisms.lethal_force", "enabled", 0.0, 0.0, "6: under a shoot-to-kill order cops may kill or wound rioters", UNREST_FIELD(mechanisms.lethal_force.enabled)},
      {"mechanisms.lethal_force", "kill_probability", 0.0, 1.0, "probability a confrontation with a rioter kills, under the order", UNREST_FIELD(mechanisms.lethal_force.kill_probability)},
      {"mechanisms.lethal_force", "injure_probability", 0.0, 1.0, "probability it wounds (then arrests), under the order", UNREST_FIELD(mechanisms.lethal_force.injure_probability)},
      {"mechanisms.lethal_force", "fear_per_killing", 0.0, 1e3, "rise of fear (1 + fear multiplies P) per killing per 100,000 people (deterrence)", UNREST_FIELD(mechanisms.lethal_force.fear_per_killing)},
      {"mechanisms.lethal_force", "fear_decay_per_hour", 0.0, 1.0, "share of the fear lost each hour", UNREST_FIELD(mechanisms.lethal_force.fear_decay_per_hour)},
      {"mechanisms.lethal_force", "fear_floor", 0.0, 1.0, "risk a protester weighs per unit of fear, however large the crowd (0: fear only multiplies P)", UNREST_FIELD(mechanisms.lethal_force.fear_floor)},

      {"mechanisms.reinforcements", "enabled", 0.0, 0.0, "7: reinforcement events add or withdraw cops", UNREST_FIELD(mechanisms.reinforcements.enabled)},

      {"mechanisms.jail", "capacity_limited", 0.0, 0.0, "8: a full jail stops arrests", UNREST_FIELD(mechanisms.jail.capacity_limited)},
      {"mechanisms.jail", "capacity_per_100k", 0.0, 1e5, "jail places per 100,000 people", UNREST_FIELD(mechanisms.jail.capacity_per_100k)},
      {"mechanisms.jail", "min_hours", 0, 1'000'000, "shortest jail term in hours", UNREST_FIELD(mechanisms.jail.min_hours)},
      {"mechanisms.jail", "max_hours", 0, 1'000'000, "longest jail term in hours (terms are uniform in between)", UNREST_FIELD(mechanisms.jail.max_hours)},

      {"mechanisms.activity", "enabled", 0.0, 0.0, "9: the economic activity index", UNREST_FIELD(mechanisms.activity.enabled)},
      {"mechanisms.activity", "block", 1, 4096, "side of a business block in sites", UNREST_FIELD(mechanisms.activity.block)},
      {"mechanisms.activity", "closed_hours", 0, 100000, "hours a block stays closed after a riot in it", UNREST_FIELD(mechanisms.activity.closed_hours)},

      {"mechanisms.political", "enabled", 0.0, 0.0, "10: political grievance, beside the price shock's hardship", UNREST_FIELD(mechanisms.political.enabled)},
      {"mechanisms.political", "weight", 0.0, 10.0, "hardship added per unit of political grievance", UNREST_FIELD(mechanisms.political.weight)},
      {"mechanisms.political", "per_protest", 0.0, 1e3, "rise per hour per unit share of the place's people active", UNREST_FIELD(mechanisms.political.per_protest)},
      {"mechanisms.political", "per_news", 0.0, 1e3, "rise per hour per unit news signal (times media reach): solidarity", UNREST_FIELD(mechanisms.political.per_news)},
      {"mechanisms.political", "per_injury", 0.0, 1.0, "rise per citizen injured per 100,000 people", UNREST_FIELD(mechanisms.political.per_injury)},
      {"mechanisms.political", "per_arrest", 0.0, 1.0, "rise per arrest per 100,000 people", UNREST_FIELD(mechanisms.political.per_arrest)},
      {"mechanisms.political", "per_killing", 0.0, 1.0, "rise per citizen killed per 100,000 people", UNREST_FIELD(mechanisms.political.per_killing)},
      {"mechanisms.political", "decay_per_hour", 0.0, 1.0, "share of political grievance lost each hour", UNREST_FIELD(mechanisms.political.decay_per_hour)},
      {"mechanisms.political", "max", 0.0, 1.0, "the most political grievance a place can hold", UNREST_FIELD(mechanisms.political.max)},
      {"mechanisms.political", "participants_only", 0.0, 0.0, "only citizens who have protested feel it (a concession leaves it to them)", UNREST_FIELD(mechanisms.political.participants_only)},

      {"mechanisms.violence", "enabled", 0.0, 0.0, "11: who among the protesters turns violent", UNREST_FIELD(mechanisms.violence.enabled)},
      {"mechanisms.violence", "disposed_share", 0.0, 1.0, "share of people disposed to violence", UNREST_FIELD(mechanisms.violence.disposed_share)},
      {"mechanisms.violence", "unprovoked", 0.0, 1.0, "share of the disposed who riot without force used against the place's crowds", UNREST_FIELD(mechanisms.violence.unprovoked)},
      {"mechanisms.violence", "force_half", 1e-9, 1e6, "force felt (injured, arrested, killed per 100,000) that provokes half the rest", UNREST_FIELD(mechanisms.violence.force_half)},
      {"mechanisms.violence", "force_decay_per_hour", 0.0, 1.0, "share of the force felt forgotten each hour", UNREST_FIELD(mechanisms.violence.force_decay_per_hour)},

      {"mechanisms.dispersal", "enabled", 0.0, 0.0, "12: dispersal with stun grenades, tear gas and batons injures protesters", UNREST_FIELD(mechanisms.dispersal.enabled)},
      {"mechanisms.dispersal", "injure_probability", 0.0, 1.0, "probability a confrontation injures (and sends home) instead of arresting", UNREST_FIELD(mechanisms.dispersal.injure_probability)},

      {"mechanisms.later_detentions", "enabled", 0.0, 0.0, "13: under an emergency, people who took part are detained afterwards", UNREST_FIELD(mechanisms.later_detentions.enabled)},
      {"mechanisms.later_detentions", "rate", 0.0, 1.0, "detentions per cop-hour per unit share of the place's people who took part", UNREST_FIELD(mechanisms.later_detentions.rate)},
  };
  // clang-format on
  return table;
}

#undef UNREST_FIELD

const Parameter* find_parameter(std::string_view full_key) {
  for (const Parameter& p : parameters()) {
    if (full_key.size() == p.section.size() + 1 + p.key.size() &&
        full_key.substr(0, p.section.size()) == p.section && full_key[p.section.size()] == '.' &&
        full_key.substr(p.section.size() + 1) == p.key) {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace unrest::national
