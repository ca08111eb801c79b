#pragma once
// Mechanism 3, news: place p sees S_p = sum over q != p of w_pq * active_q / citizens_q, with
// w_pq a gravity kernel (population_q / distance_pq^gamma, normalised over q) and the place's
// media reach (cut by internet shutdowns). A citizen counts the news as extra actives within
// its vision: A_eff = A + mu * reach * S_p * (sites within vision).
#include <vector>

namespace unrest::national {

struct NewsDiffusion {
  bool enabled = true;
  double weight = 0.0;          // mu
  double gamma = 1.0;           // distance decay of the gravity kernel
  double min_distance_km = 10;  // keeps the kernel finite for places that share a centre
};

struct PlaceLocation {
  double lat = 0.0;
  double lon = 0.0;
  double population = 0.0;
};

// Great-circle distance in km (haversine, mean Earth radius).
double distance_km(double lat1, double lon1, double lat2, double lon2);

// Row-normalised weights w[p * n + q] (w_pp = 0). A single place gets no news.
std::vector<double> gravity_weights(const std::vector<PlaceLocation>& places, double gamma,
                                    double min_distance_km);

// S_p for every p from the places' active shares.
std::vector<double> news_signals(const std::vector<double>& weights,
                                 const std::vector<double>& active_shares);

inline double news_extra_actives(const NewsDiffusion& rule, double reach, double signal,
                                 int vision_sites) {
  if (!rule.enabled) return 0.0;
  return rule.weight * reach * signal * vision_sites;
}

}  // namespace unrest::national
