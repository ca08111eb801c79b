#pragma once
// How the national mechanisms combine in one hour: the one place where they meet.
//
// From a place's state (its price shock, legitimacy, news reach, emergency, orders and fear)
// and the local hour, `compose_hour` says what the place's citizens weigh and what its cops do
// this hour; `weighs_active` is rule A under those conditions. docs/MODEL-CARD.md states the
// two as one equation:
//
//   out (probability q(hour)), and
//   min(1, H0 + s w_p + w g_p) (1 - L_p)
//     - R min(1, m_curfew (1 + fear) (1 - exp(-k ratio(C, A + 1 + mu reach S_p V)))
//                + f fear) > T
//
// with A the other actives, C the cops within vision, g_p the political grievance and f the
// fear floor (6: the risk fear adds however large the crowd); an
// active citizen riots where A + 1 > rho C and its disposition lies below the violent share.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "unrest/model/activation.hpp"
#include "unrest/model/arrest_probability.hpp"
#include "unrest/model/national/place_rules.hpp"

namespace unrest::national {

// What the dated events and last hour's outcomes have made of a place, carried hour to hour.
struct PlaceState {
  double shock = 0.0;
  double shock_target = 0.0;
  double shock_step = 0.0;    // per hour while ramping
  double shock_weight = 1.0;  // w_p of the last price event (mechanism 1)
  double legitimacy = 0.8;
  double baseline = 0.8;
  double reach = 1.0;
  std::int64_t reach_until = -1;
  bool emergency = false;
  int curfew_start = 23;
  int curfew_end = 7;
  bool lethal_order = false;
  double fear = 0.0;
  std::int64_t cops_delta = 0;
  double political = 0.0;  // political grievance g_p (10)
  double force = 0.0;      // force felt, per 100,000 people, decaying (11)
  bool restraint = false;  // the police hold back: no dispersal, no arrests (12, 13)
};

// What a place's citizens weigh and its cops do in one hour.
struct HourlyConditions {
  double hardship_shift = 0.0;     // s w_p, added to every base hardship (mechanism 1)
  double participant_shift = 0.0;  // added for citizens who have protested (10, participants_only)
  double legitimacy = 0.8;         // L_p (2)
  double news_actives = 0.0;       // extra actives within vision from the news (3)
  double participation = 1.0;      // probability that an eligible citizen is out (4a)
  double risk_multiplier = 1.0;    // on P: the curfew's (4b) times fear's (6)
  double fear_risk = 0.0;          // added to P whatever the crowd's size (6, fear_floor)
  double arrest_rate = 1.0;        // arrest attempts per cop-hour (4b; 0 under restraint)
  double violent_share = 1.0;      // protesters in an outnumbering crowd who riot (11)
  double dispersal_injury = 0.0;   // a confrontation injures instead of arresting (12)
  double later_detentions = 0.0;   // per cop-hour, times the share who took part (13)
  bool curfew_hours = false;
  bool lethal_order = false;
};

inline HourlyConditions compose_hour(const Mechanisms& m, const PlaceRules& rules,
                                     const PlaceState& state, int local_hour, double news_signal,
                                     int vision_sites) {
  HourlyConditions h;
  h.curfew_hours = m.curfew.enabled && state.emergency &&
                   in_hours(local_hour, state.curfew_start, state.curfew_end);
  const double political = political_hardship(m.political, state.political);
  h.hardship_shift = (m.hardship.enabled ? state.shock * state.shock_weight : 0.0) +
                     (m.political.participants_only ? 0.0 : political);
  h.participant_shift = m.political.participants_only ? political : 0.0;
  h.legitimacy = state.legitimacy;
  h.news_actives = news_extra_actives(m.news, state.reach, news_signal, vision_sites);
  h.participation = participation(m.day_night, local_hour);
  h.risk_multiplier = curfew_risk_multiplier(m.curfew, h.curfew_hours) * (1.0 + state.fear);
  h.fear_risk = fear_risk(m.lethal_force, state.fear);
  h.arrest_rate = state.restraint ? 0.0 : arrest_rate(m.curfew, h.curfew_hours, rules.arrest_rate);
  h.lethal_order = m.lethal_force.enabled && state.lethal_order;
  h.violent_share = violent_share(m.violence, state.force);
  h.dispersal_injury = dispersal_injury(m.dispersal, state.restraint);
  h.later_detentions =
      later_detention_rate(m.later_detentions, state.emergency, h.lethal_order, state.restraint);
  return h;
}

// P as a citizen weighs it this hour: the classic estimate with the news counted as actives,
// times the hour's risk multiplier, plus the risk fear adds whatever the crowd, at most 1.
inline double weighed_arrest_probability(const PlaceRules& rules, const HourlyConditions& h,
                                         int cops, int actives_with_self) {
  const double ratio =
      model::cop_active_ratio(rules.ratio, cops, actives_with_self, h.news_actives);
  return std::min(1.0, (1.0 - std::exp(-rules.k * ratio)) * h.risk_multiplier + h.fear_risk);
}

// Rule A for a citizen who is out this hour.
// ... with the arrest probability P given.
inline bool weighs_active_at(const PlaceRules& rules, const HourlyConditions& h,
                             double base_hardship, double risk_aversion, double p) {
  const double hardship = shocked_hardship(base_hardship, h.hardship_shift, 1.0);
  return model::decides_active(hardship, risk_aversion, h.legitimacy, p, rules.threshold);
}

inline bool weighs_active(const PlaceRules& rules, const HourlyConditions& h, double base_hardship,
                          double risk_aversion, int cops, int actives_with_self) {
  return weighs_active_at(rules, h, base_hardship, risk_aversion,
                          weighed_arrest_probability(rules, h, cops, actives_with_self));
}

// The least P any neighbourhood gives this hour (no cop in sight: the fear alone). P only grows
// with the cops seen, so a citizen quiet at it is quiet whatever it would count.
inline double least_arrest_probability(const PlaceRules& rules, const HourlyConditions& h) {
  return weighed_arrest_probability(rules, h, 0, 1);
}

}  // namespace unrest::national
