#pragma once
// One place of the national model: an Epstein lattice (torus) holding population x scale
// citizens and police x scale cops, advanced one hour at a time.
//
// Built for real population at real police density, where almost everybody is quiet whatever
// happens around them. Citizens are stored in order of falling base hardship, so the citizens
// who could be active at all this hour (H (1 - L) > T) are a prefix of the arrays, found by
// binary search; the rest are quiet without being looked at. Cops and actives are kept in
// bucket grids whose side is the largest vision radius, so counting them within a disc reads
// at most 3 x 3 buckets of sparse entries, not the sites of the disc.
//
// Within a place the update is sequential and its random draws come from streams keyed by
// (seed, place, tick, phase): the result depends on nothing but the inputs, whichever thread
// or process runs the place.
#include <cstdint>
#include <vector>

#include "unrest/national/mechanisms/hourly_conditions.hpp"
#include "unrest/national/national_scenario.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::national {

// What the national level hands a place for one hour.
struct PlaceInputs {
  std::int64_t tick = 0;
  HourlyConditions conditions;
  std::int64_t cops_delta = 0;  // reinforcements (agents) arriving this hour
};

// The place after an hour. Counts are agents; cumulative ones say so.
struct PlaceCounts {  // trivially copyable: places' counts travel between processes as bytes
  std::uint32_t quiet = 0;
  std::uint32_t active = 0;  // rioters included
  std::uint32_t rioting = 0;
  std::uint32_t jailed = 0;
  std::uint32_t cops = 0;              // on duty
  std::uint64_t arrests = 0;           // cumulative
  std::uint64_t citizens_killed = 0;   // cumulative
  std::uint64_t citizens_injured = 0;  // cumulative
  std::uint64_t cops_killed = 0;       // cumulative
  std::uint64_t cops_injured = 0;      // cumulative
  std::uint64_t damage = 0;            // cumulative property-damage incidents
  double activity = 1.0;
  double mean_hardship = 0.0;
  std::uint32_t arrests_now = 0;  // this hour
  std::uint32_t killed_now = 0;   // citizens killed this hour
  std::uint64_t decisions = 0;    // citizens whose rule was evaluated this hour
};

class PlaceWorld {
 public:
  PlaceWorld(const PlaceRules& rules, const Mechanisms& mechanisms, std::int64_t citizens,
             std::int64_t cops, double hardship_max, std::int64_t jail_capacity, std::uint64_t seed,
             int place_index);

  void step(const PlaceInputs& in);

  // The side of the torus a place of this size gets, and the sites of a vision disc (own site
  // excluded), without building the place.
  static int lattice_side(const PlaceRules& rules, std::int64_t citizens, std::int64_t cops);
  static int disc_sites(int radius);

  const PlaceCounts& counts() const { return counts_; }
  std::int64_t citizens() const { return static_cast<std::int64_t>(base_hardship_.size()); }
  int width() const { return width_; }
  int vision_sites() const { return vision_sites_; }

  // What stands on each site, for views and tests.
  enum class SiteState : std::uint8_t { empty, quiet, active, rioting, cop };
  std::vector<SiteState> site_states() const;

 private:
  struct Item {
    std::uint32_t site;
    std::uint32_t id;
  };
  // Entries bucketed by position; bucket side >= every vision radius.
  struct BucketGrid {
    std::vector<std::uint32_t> start;
    std::vector<Item> items;
  };
  enum State : std::uint8_t { quiet = 0, active = 1, rioting = 2, jailed = 3, dead = 4 };
  enum CopState : std::uint8_t { on_duty = 0, injured = 1, killed = 2, withdrawn = 3 };

  void place_agents(std::int64_t citizens, std::int64_t cops, double hardship_max);
  void build(BucketGrid& grid, const std::vector<Item>& entries) const;
  template <typename Visit>
  void for_each_within(const BucketGrid& grid, std::uint32_t site, int radius, Visit&& visit) const;
  void reinforce(std::int64_t delta, std::uint64_t key);
  void release_from_jail(std::uint64_t key);
  void decide(const PlaceInputs& in, std::uint64_t key);
  void riot_harm(const PlaceInputs& in, std::uint64_t key);
  void police(const PlaceInputs& in, std::uint64_t key);
  void move(const PlaceInputs& in, std::uint64_t key);
  bool move_one(std::uint32_t& site, const std::vector<std::int32_t>& offsets,
                rng::RandomStream& draw);
  bool occupied(std::uint64_t s) const { return (occupied_[s >> 6] >> (s & 63)) & 1u; }
  void set_occupied(std::uint64_t s) { occupied_[s >> 6] |= std::uint64_t{1} << (s & 63); }
  void clear_occupied(std::uint64_t s) { occupied_[s >> 6] &= ~(std::uint64_t{1} << (s & 63)); }
  std::uint32_t random_empty_site(std::uint64_t key);
  double mean_hardship(double shift) const;

  PlaceRules rules_;
  Mechanisms mechanisms_;
  std::uint64_t seed_;
  int place_;
  int width_ = 1;
  int bucket_ = 1;
  int buckets_per_side_ = 1;
  int vision_sites_ = 0;
  std::int64_t jail_capacity_ = 0;

  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;  // "no site" from random_empty_site
  // One bit a site: taken by a citizen or a cop. Only emptiness is ever asked of a site, and
  // at a bit a site a whole country's lattices (3.5 MB) stay in cache, where a word a site
  // (111 MB) made every move a memory round trip.
  std::vector<std::uint64_t> occupied_;

  // Citizens in order of falling base hardship.
  std::vector<float> base_hardship_;
  std::vector<double> hardship_prefix_;  // prefix sums of base_hardship_, for the mean
  std::vector<float> risk_aversion_;
  std::vector<std::uint32_t> site_;
  std::vector<std::uint8_t> state_;
  std::vector<std::int32_t> jail_left_;
  std::vector<std::uint32_t> jailed_ids_;
  std::uint32_t active_bound_ = 0;  // one past the last citizen active last hour

  std::vector<std::uint32_t> cop_site_;
  std::vector<std::uint8_t> cop_state_;

  std::vector<std::int32_t> citizen_offsets_;  // (dy * width + dx) encoded as pairs
  std::vector<std::int32_t> cop_offsets_;

  BucketGrid cops_grid_;
  BucketGrid actives_grid_;
  std::vector<Item> scratch_;
  std::vector<std::uint32_t> actives_;  // citizen ids active after decide
  std::vector<std::uint32_t> candidates_;

  BlockActivity activity_;
  PlaceCounts counts_;
};

}  // namespace unrest::national
