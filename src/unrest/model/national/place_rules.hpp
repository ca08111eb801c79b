#pragma once
// What every place of the national model shares: the citizens' and cops' rules (the classic
// model's, with the options the national model needs at real police density) and the
// parameters of each mechanism. Behaviour, the same for every place and every event.
#include "unrest/model/classic_options.hpp"
#include "unrest/model/national/curfew.hpp"
#include "unrest/model/national/day_night.hpp"
#include "unrest/model/national/dispersal.hpp"
#include "unrest/model/national/economic_activity.hpp"
#include "unrest/model/national/hardship_shock.hpp"
#include "unrest/model/national/jail.hpp"
#include "unrest/model/national/later_detentions.hpp"
#include "unrest/model/national/legitimacy.hpp"
#include "unrest/model/national/lethal_force.hpp"
#include "unrest/model/national/news_diffusion.hpp"
#include "unrest/model/national/political_grievance.hpp"
#include "unrest/model/national/reinforcements.hpp"
#include "unrest/model/national/riot.hpp"
#include "unrest/model/national/violence.hpp"

namespace unrest::national {

struct PlaceRules {
  double density = 0.7;  // citizens per site
  double threshold = 0.1;
  double k = 2.3;
  model::Ratio ratio = model::Ratio::floor;
  int vision = 7;             // citizens' vision radius (sites, Euclidean disc)
  int cop_vision = 7;         // cops' vision radius
  double hardship_min = 0.0;  // base hardship H0 ~ U(hardship_min, hardship_max)
  double hardship_max = 1.0;
  // Shape of the distribution: H0 = min + (max - min) * U^shape with U uniform, so 1 is the
  // classic uniform and larger values thin the upper tail (few people in extreme hardship).
  double hardship_shape = 1.0;
  double legitimacy = 0.8;        // baseline, unless a place sets its own
  double arrest_rate = 1.0;       // arrest attempts per cop-hour
  double quiet_move_share = 1.0;  // share of quiet citizens who move each hour (actives and
                                  // cops always move)
  bool movement = true;
};

struct Mechanisms {
  HardshipShock hardship;
  LegitimacyDynamics legitimacy;
  NewsDiffusion news;
  DayNight day_night;
  Curfew curfew;
  Riot riot;
  LethalForce lethal_force;
  Reinforcements reinforcements;
  Detention jail;
  EconomicActivity activity;
  PoliticalGrievance political;
  Violence violence;
  Dispersal dispersal;
  LaterDetentions later_detentions;
};

}  // namespace unrest::national
