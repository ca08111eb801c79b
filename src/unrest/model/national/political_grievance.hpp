#pragma once
// Mechanism 10, political grievance: anger at the rulers and at the state's own conduct, a
// place-level quantity beside the economic hardship of the price shock. It rises with the
// place's own protest (people who see their neighbours in the street), with news of protest
// elsewhere (solidarity, cut by an internet shutdown), and with the force the state uses in
// the place (injuries, arrests, killings per 100,000 people); it decays over days, and a price
// concession does not touch it. A citizen weighs both grievances: the hardship it feels is
//   H = min(1, H0 + s e_p + weight g_p)
// so with the mechanism off (or weight 0) the model is the one-grievance model. With
// `participants_only` the term weight g_p is added only for citizens who have been active.
#include <algorithm>

namespace unrest::national {

struct PoliticalGrievance {
  bool enabled = false;
  double weight = 1.0;          // hardship added per unit of political grievance
  double per_protest = 0.0;     // rise per hour per unit share of the place's people active
  double per_news = 0.0;        // rise per hour per unit news signal (times media reach)
  double per_injury = 0.0;      // rise per citizen injured per 100,000 people
  double per_arrest = 0.0;      // rise per arrest per 100,000 people
  double per_killing = 0.0;     // rise per citizen killed per 100,000 people
  double decay_per_hour = 0.0;  // share lost each hour
  double max = 1.0;             // outrage has a ceiling
  // Felt only by the citizens who have protested (who saw the state's conduct from the street),
  // not by the whole place: it keeps them out after a concession without tipping anyone new.
  bool participants_only = false;
};

// What the place saw in the last hour.
struct GrievanceStimulus {
  double active_share = 0.0;  // the place's active people / its people
  double news = 0.0;  // mechanism 3's signal S_p times media reach (whether or not news also
                      // counts as actives within vision)
  double injured_per_100k = 0.0;
  double arrests_per_100k = 0.0;
  double killed_per_100k = 0.0;
};

inline double next_political_grievance(const PoliticalGrievance& rule, double g,
                                       const GrievanceStimulus& s) {
  if (!rule.enabled) return 0.0;
  const double rise = rule.per_protest * s.active_share + rule.per_news * s.news +
                      rule.per_injury * s.injured_per_100k + rule.per_arrest * s.arrests_per_100k +
                      rule.per_killing * s.killed_per_100k;
  return std::clamp(g * (1.0 - rule.decay_per_hour) + rise, 0.0, rule.max);
}

inline double political_hardship(const PoliticalGrievance& rule, double g) {
  return rule.enabled ? rule.weight * g : 0.0;
}

}  // namespace unrest::national
