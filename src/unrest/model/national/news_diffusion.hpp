#pragma once
// Mechanism 3, news: place p sees S_p = sum over q != p of w_pq * active_q / citizens_q, with
// w_pq a gravity kernel (population_q / distance_pq^gamma, normalised over q) and the place's
// media reach (cut by internet shutdowns). A citizen counts the news as extra actives within
// its vision: A_eff = A + mu * reach * S_p * (sites within vision).
#include <cstddef>
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

// The gravity kernel, with distances along the great circle (haversine, mean Earth radius):
// w_pq = (population_q / max(min_distance, distance_pq)^gamma) / T_p, with
// T_p the sum over q != p (w_pp = 0; a place with T_p = 0, such as the only place, gets no
// news). Its memory and time grow with the places that are active, not with every pair: the
// row totals take one pass over the pairs at construction and O(places) memory, and a place's
// column of weights is computed the first hour it is active, then kept while the cache stays
// within its budget (past it, computed again each hour). Ten thousand small places cost
// 800 MB and most of a run's time when every pair was stored and summed each hour.
class GravityKernel {
 public:
  static constexpr std::size_t kDefaultCacheBytes = std::size_t{64} << 20;

  GravityKernel(std::vector<PlaceLocation> places, double gamma, double min_distance_km,
                std::size_t cache_bytes = kDefaultCacheBytes);

  std::size_t size() const { return places_.size(); }
  double weight(std::size_t p, std::size_t q) const;
  // S_p for every p from the places' active shares (one per place). Each S_p adds its terms in
  // the order of q, so the result does not depend on which columns are cached.
  std::vector<double> signals(const std::vector<double>& active_shares);
  std::size_t cached_columns() const { return cached_; }

 private:
  double distance_decay(std::size_t p, std::size_t q) const;
  const std::vector<double>& column(std::size_t q, std::vector<double>& scratch);

  std::vector<PlaceLocation> places_;
  std::vector<double> cos_lat_;
  double gamma_;
  double min_distance_km_;
  std::size_t cache_columns_max_;
  std::vector<double> totals_;
  std::vector<std::vector<double>> columns_;  // columns_[q][p] = w_pq, empty until cached
  std::size_t cached_ = 0;
};

inline double news_extra_actives(const NewsDiffusion& rule, double reach, double signal,
                                 int vision_sites) {
  if (!rule.enabled) return 0.0;
  return rule.weight * reach * signal * vision_sites;
}

}  // namespace unrest::national
