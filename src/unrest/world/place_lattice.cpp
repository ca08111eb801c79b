#include "unrest/world/place_lattice.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "unrest/world/cell_grouping.hpp"

namespace unrest::world {
namespace {

// Purposes of the placement's random streams; the national rules' streams (place_world.cpp)
// take the purposes after these.
enum PlacementPurpose : std::uint64_t {
  kPlaceCitizens = 1,
  kPlaceCops = 2,
  kStoreCitizens = 3,
};

}  // namespace

int PlaceLattice::side_for(const PlaceShape& shape, std::int64_t citizens, std::int64_t cops) {
  const int bucket = std::max({1, shape.vision, shape.cop_vision});
  const double sites = static_cast<double>(citizens) / shape.density;
  int side = static_cast<int>(std::ceil(std::sqrt(std::max(1.0, sites))));
  side = std::max(side, 2 * bucket + 1);
  while (static_cast<double>(side) * side < static_cast<double>(citizens + cops) + 1) ++side;
  return (side + bucket - 1) / bucket * bucket;
}

PlaceLattice::PlaceLattice(const PlaceShape& shape, std::int64_t citizens, std::int64_t cops,
                           std::uint64_t seed, int place_index)
    : seed_(seed), place_(place_index), shape_(shape), citizens_(citizens) {
  if (citizens < 0 || cops < 0) throw std::invalid_argument("negative agent count");
  const int bucket = std::max({1, shape.vision, shape.cop_vision});
  width_ = side_for(shape, citizens, cops);
  if (static_cast<double>(width_) * width_ >= 4294967295.0) {
    throw std::invalid_argument("place too large for one lattice");
  }
  if (citizens > 0xFFFFFFFELL) throw std::invalid_argument("place too large for one lattice");
  buckets_ = CellLayout(static_cast<std::uint32_t>(width_), static_cast<std::uint32_t>(bucket));
  place_agents(citizens, cops);
}

void PlaceLattice::place_agents(std::int64_t citizens, std::int64_t cops) {
  const std::uint64_t sites = static_cast<std::uint64_t>(width_) * width_;
  const std::size_t words = (sites + 63) / 64;
  const std::uint64_t last_word_mask =
      sites % 64 == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << (sites % 64)) - 1;
  const auto need = static_cast<std::uint64_t>(citizens);
  // The citizens' sites: first every site taken independently with probability close to
  // citizens / sites (16 random words make 64 such coins: the word's bits compared with the
  // probability's binary digits, from the last digit up), then random sites added or removed
  // until exactly `citizens` are taken. Given its size, an independent set is a uniformly
  // random set of that size, and so is what adding or removing random members leaves: every
  // set of `citizens` sites is equally likely, as with a draw per site, at a quarter of the
  // draws.
  residents_.assign(words, 0);
  {
    rng::RandomStream draw(rng::combine(rng::combine(seed_, place_), kPlaceCitizens));
    const auto digits = static_cast<std::uint32_t>(
        std::min(65535.0, std::round(static_cast<double>(need) / sites * 65536.0)));
    std::uint64_t taken = 0;
    for (std::size_t w = 0; w < words; ++w) {
      std::uint64_t bits = 0;
      for (int d = 0; d < 16; ++d) {
        const std::uint64_t r = draw.next_u64();
        bits = (digits >> d) & 1u ? (r | bits) : (r & bits);
      }
      if (w + 1 == words) bits &= last_word_mask;
      residents_[w] = bits;
      taken += static_cast<std::uint64_t>(__builtin_popcountll(bits));
    }
    const auto is_taken = [&](std::uint64_t s) { return (residents_[s >> 6] >> (s & 63)) & 1u; };
    const auto flip = [&](std::uint64_t s) { residents_[s >> 6] ^= std::uint64_t{1} << (s & 63); };
    while (taken > need) {
      const std::uint64_t s = draw.below(sites);
      if (is_taken(s)) flip(s), --taken;
    }
    while (taken < need) {
      const std::uint64_t s = draw.below(sites);
      if (!is_taken(s)) flip(s), ++taken;
    }
  }
  residents_left_ = need;
  occupied_ = residents_;
  // The cops on `cops` of the sites left, each set equally likely (distinct random empty
  // sites), in site order.
  {
    rng::RandomStream draw(rng::combine(rng::combine(seed_, place_), kPlaceCops));
    for (std::int64_t c = 0; c < cops; ++c) {
      std::uint64_t s = draw.below(sites);
      while (occupied(s)) s = draw.below(sites);
      set_occupied(s);
      cop_site_.push_back(static_cast<std::uint32_t>(s));
    }
    std::sort(cop_site_.begin(), cop_site_.end());
    cop_state_.assign(cop_site_.size(), on_duty);
  }
  hardship_prefix_.assign(1, 0.0);
}

double PlaceLattice::hardship_at(double u) const {
  const double lo = shape_.hardship_min;
  const double span = shape_.hardship_max - lo;
  if (shape_.hardship_shape == 1.0) return lo + span * u;
  if (shape_.hardship_shape == 3.0) return lo + span * u * u * u;
  return lo + span * std::pow(u, shape_.hardship_shape);
}

void PlaceLattice::store_block() {
  // The base hardship is an increasing function of a uniform variate, so the citizens in order
  // of falling hardship are those of falling variates: the largest of n uniforms is U^(1/n),
  // and below a given one the rest are uniform beneath it, so each next variate is the last
  // times V^(1/remaining), V uniform. Risk aversion and the site are independent of it.
  rng::RandomStream draw(
      rng::combine(rng::combine(seed_, place_), rng::combine(kStoreCitizens, blocks_)));
  const std::uint64_t first = base_hardship_.size();
  const std::uint64_t count =
      std::min<std::uint64_t>(kStoreBlock, static_cast<std::uint64_t>(citizens_) - first);
  for (std::uint64_t k = 0; k < count; ++k) {
    const double remaining = static_cast<double>(static_cast<std::uint64_t>(citizens_) - first - k);
    const double v = 1.0 - draw.uniform();  // in (0, 1]
    last_u_ *= std::exp(std::log(v) / remaining);
    const auto hardship = static_cast<float>(hardship_at(last_u_));
    base_hardship_.push_back(hardship);
    hardship_prefix_.push_back(hardship_prefix_.back() + hardship);
    risk_aversion_.push_back(static_cast<float>(draw.uniform()));
    site_.push_back(take_resident_site(draw));
  }
  state_.resize(base_hardship_.size(), quiet);
  jail_left_.resize(base_hardship_.size(), 0);
  ++blocks_;
}

std::uint32_t PlaceLattice::take_resident_site(rng::RandomStream& draw) {
  const std::uint64_t sites = static_cast<std::uint64_t>(width_) * width_;
  const auto take = [&](std::uint64_t s) {
    residents_[s >> 6] &= ~(std::uint64_t{1} << (s & 63));
    --residents_left_;
    return static_cast<std::uint32_t>(s);
  };
  // A random site until one is a resident's: quick while residents are many; once fewer than
  // one site in 64 holds one, from the list of theirs.
  if (resident_list_.empty() && residents_left_ * 64 >= sites) {
    for (;;) {
      const std::uint64_t s = draw.below(sites);
      if ((residents_[s >> 6] >> (s & 63)) & 1u) return take(s);
    }
  }
  if (resident_list_.empty()) {
    for (std::uint64_t s = 0; s < sites; ++s) {
      if ((residents_[s >> 6] >> (s & 63)) & 1u)
        resident_list_.push_back(static_cast<std::uint32_t>(s));
    }
  }
  const auto k = static_cast<std::size_t>(draw.below(resident_list_.size()));
  const std::uint32_t s = resident_list_[k];
  resident_list_[k] = resident_list_.back();
  resident_list_.pop_back();
  return take(s);
}

void PlaceLattice::store_down_to(double floor) {
  while (static_cast<std::int64_t>(base_hardship_.size()) < citizens_ &&
         (base_hardship_.empty() || static_cast<double>(base_hardship_.back()) > floor)) {
    store_block();
  }
}

bool PlaceLattice::store_blocks(std::uint32_t blocks) {
  const std::uint64_t most =
      (static_cast<std::uint64_t>(citizens_) + kStoreBlock - 1) / kStoreBlock;
  if (blocks > most) return false;
  while (blocks_ < blocks) store_block();
  return true;
}

void PlaceLattice::build(BucketGrid& grid, const std::vector<Item>& entries) const {
  grid.items.resize(entries.size());
  std::vector<std::uint32_t> next;
  group_by_cell(
      buckets_, entries.size(), [&](std::size_t k) { return entries[k].site; }, grid.start, next,
      [&](std::size_t k, std::uint32_t position) { grid.items[position] = entries[k]; });
}

std::uint32_t PlaceLattice::random_empty_site(std::uint64_t key) {
  rng::RandomStream draw(key);
  const std::uint64_t sites = static_cast<std::uint64_t>(width_) * width_;
  for (int attempt = 0; attempt < 256; ++attempt) {
    const auto s = static_cast<std::uint32_t>(draw.below(sites));
    if (!occupied(s)) return s;
  }
  for (std::uint64_t s = 0; s < sites; ++s) {
    if (!occupied(s)) return static_cast<std::uint32_t>(s);
  }
  return kEmpty;
}

double PlaceLattice::mean_hardship(double shift) const {
  const auto n = static_cast<double>(citizens_);
  if (citizens_ == 0) return 0.0;
  const std::size_t stored = base_hardship_.size();
  // Stored citizens with H0 >= 1 - shift are capped at 1: they are a prefix.
  const auto capped =
      static_cast<std::size_t>(std::partition_point(base_hardship_.begin(), base_hardship_.end(),
                                                    [&](float h) { return h + shift >= 1.0; }) -
                               base_hardship_.begin());
  double sum = static_cast<double>(capped) + hardship_prefix_[stored] - hardship_prefix_[capped] +
               shift * static_cast<double>(stored - capped);
  // The residents: base hardship lo + span u^shape with u uniform on [0, last_u_]; the mean of
  // min(1, that + shift) is the integral up to the cap (or last_u_) plus 1 beyond it.
  const double residents = n - static_cast<double>(stored);
  if (residents > 0) {
    const double a = shape_.hardship_min + shift;
    const double span = shape_.hardship_max - shape_.hardship_min;
    const double p = shape_.hardship_shape;
    double mean = std::min(1.0, a);
    if (last_u_ > 0 && span > 0 && a < 1.0) {
      const double cap = std::pow((1.0 - a) / span, 1.0 / p);
      const double m = std::min(cap, last_u_);
      mean = (a * m + span * std::pow(m, p + 1) / (p + 1) + (last_u_ - m)) / last_u_;
    }
    sum += residents * mean;
  }
  return sum / n;
}

std::vector<PlaceLattice::SiteState> PlaceLattice::site_states() const {
  std::vector<SiteState> out(static_cast<std::size_t>(width_) * width_, SiteState::empty);
  for (std::size_t s = 0; s < out.size(); ++s) {
    if ((residents_[s >> 6] >> (s & 63)) & 1u) out[s] = SiteState::quiet;
  }
  for (std::size_t id = 0; id < state_.size(); ++id) {
    const std::uint8_t st = state_[id];
    if (st == jailed || st == dead) continue;
    out[site_[id]] = st == active    ? SiteState::active
                     : st == rioting ? SiteState::rioting
                                     : SiteState::quiet;
  }
  for (std::size_t c = 0; c < cop_site_.size(); ++c) {
    if (cop_state_[c] == on_duty) out[cop_site_[c]] = SiteState::cop;
  }
  return out;
}

}  // namespace unrest::world
