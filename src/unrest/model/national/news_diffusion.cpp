#include "unrest/model/national/news_diffusion.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace unrest::national {

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0;
  const double to_rad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * to_rad;
  const double dlon = (lon2 - lon1) * to_rad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * to_rad) * std::cos(lat2 * to_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::vector<double> gravity_weights(const std::vector<PlaceLocation>& places, double gamma,
                                    double min_distance_km) {
  const std::size_t n = places.size();
  std::vector<double> w(n * n, 0.0);
  for (std::size_t p = 0; p < n; ++p) {
    double total = 0.0;
    for (std::size_t q = 0; q < n; ++q) {
      if (q == p) continue;
      const double d = std::max(
          min_distance_km, distance_km(places[p].lat, places[p].lon, places[q].lat, places[q].lon));
      w[p * n + q] = places[q].population / std::pow(d, gamma);
      total += w[p * n + q];
    }
    if (total > 0.0) {
      for (std::size_t q = 0; q < n; ++q) w[p * n + q] /= total;
    }
  }
  return w;
}

std::vector<double> news_signals(const std::vector<double>& weights,
                                 const std::vector<double>& active_shares) {
  const std::size_t n = active_shares.size();
  std::vector<double> s(n, 0.0);
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t q = 0; q < n; ++q) s[p] += weights[p * n + q] * active_shares[q];
  }
  return s;
}

}  // namespace unrest::national
