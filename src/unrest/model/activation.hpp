#pragma once
// Rule A: a citizen is active iff grievance minus net risk exceeds the threshold (strictly).

#include "unrest/model/host_device.hpp"
namespace unrest::model {

UNREST_HOST_DEVICE inline double grievance(double hardship, double legitimacy) {
  return hardship * (1.0 - legitimacy);
}

UNREST_HOST_DEVICE inline bool decides_active(double hardship, double risk_aversion,
                                              double legitimacy, double arrest_probability,
                                              double threshold) {
  return grievance(hardship, legitimacy) - risk_aversion * arrest_probability > threshold;
}

// Whether any neighbourhood at all could make this citizen active: since R P >= 0, a
// grievance at or under the threshold means quiet whatever the counts say. Engines use it to
// skip reading the counts, the costliest part of a decision on a large lattice.
UNREST_HOST_DEVICE inline bool can_ever_be_active(double hardship, double legitimacy,
                                                  double threshold) {
  return grievance(hardship, legitimacy) > threshold;
}

}  // namespace unrest::model
