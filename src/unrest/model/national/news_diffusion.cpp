#include "unrest/model/national/news_diffusion.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace unrest::national {

namespace {

constexpr double kToRadians = std::numbers::pi / 180.0;

}  // namespace

GravityKernel::GravityKernel(std::vector<PlaceLocation> places, double gamma,
                             double min_distance_km, std::size_t cache_bytes)
    : places_(std::move(places)),
      gamma_(gamma),
      min_distance_km_(min_distance_km),
      cache_columns_max_(places_.empty() ? 0 : cache_bytes / (places_.size() * sizeof(double))),
      totals_(places_.size(), 0.0),
      columns_(places_.size()) {
  cos_lat_.reserve(places_.size());
  for (const auto& place : places_) cos_lat_.push_back(std::cos(place.lat * kToRadians));
  // Each distance once for both places of a pair (the haversine is symmetric to the bit);
  // every T_p still adds its terms in the order of q: those of q < p in the earlier rows.
  const std::size_t n = places_.size();
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t q = p + 1; q < n; ++q) {
      const double decay = distance_decay(p, q);
      totals_[p] += places_[q].population / decay;
      totals_[q] += places_[p].population / decay;
    }
  }
}

// max(min_distance, distance)^gamma, with the places' cosines of latitude computed once.
double GravityKernel::distance_decay(std::size_t p, std::size_t q) const {
  constexpr double kEarthRadiusKm = 6371.0;
  const PlaceLocation& a = places_[p];
  const PlaceLocation& b = places_[q];
  const double dlat = (b.lat - a.lat) * kToRadians;
  const double dlon = (b.lon - a.lon) * kToRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   cos_lat_[p] * cos_lat_[q] * std::sin(dlon / 2) * std::sin(dlon / 2);
  const double d =
      std::max(min_distance_km_, 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h))));
  // pow(d, 1) is d exactly; the default gamma skips the call.
  return gamma_ == 1.0 ? d : std::pow(d, gamma_);
}

double GravityKernel::weight(std::size_t p, std::size_t q) const {
  if (p == q) return 0.0;
  const double w = places_[q].population / distance_decay(p, q);
  return totals_[p] > 0.0 ? w / totals_[p] : w;
}

const std::vector<double>& GravityKernel::column(std::size_t q, std::vector<double>& scratch) {
  if (!columns_[q].empty()) return columns_[q];
  const bool keep = cached_ < cache_columns_max_;
  std::vector<double>& out = keep ? columns_[q] : scratch;
  out.resize(places_.size());
  for (std::size_t p = 0; p < places_.size(); ++p) out[p] = weight(p, q);
  if (keep) ++cached_;
  return out;
}

std::vector<double> GravityKernel::signals(const std::vector<double>& active_shares) {
  const std::size_t n = places_.size();
  std::vector<double> s(n, 0.0);
  std::vector<double> scratch;
  // A place with no actives adds w_pq * 0 = 0 to every S_p, which leaves S_p as it was.
  for (std::size_t q = 0; q < n; ++q) {
    if (active_shares[q] == 0.0) continue;
    const std::vector<double>& w = column(q, scratch);
    for (std::size_t p = 0; p < n; ++p) s[p] += w[p] * active_shares[q];
  }
  return s;
}

}  // namespace unrest::national
