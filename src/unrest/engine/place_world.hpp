#pragma once
// One place of the national model advanced one hour at a time: population x scale citizens
// and police x scale cops on a lattice (world::PlaceLattice holds them and finds them near a
// site). Only the citizens who could be active at all this hour (a prefix of the storage's
// order) are looked at, and only those who ever could are stored; the rest are quiet
// residents, a bit on their site.
//
// Within a place the update is sequential and its random draws come from streams keyed by
// (seed, place, tick, phase): the result depends on nothing but the inputs, whichever thread
// or process runs the place.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "unrest/engine/state_codec.hpp"
#include "unrest/model/national/hourly_conditions.hpp"
#include "unrest/model/national/place_record.hpp"
#include "unrest/rng/random_stream.hpp"
#include "unrest/scenario/national_scenario.hpp"
#include "unrest/world/disc_counter.hpp"
#include "unrest/world/place_lattice.hpp"

namespace unrest::national {

// What the national level hands a place for one hour.
struct PlaceInputs {
  std::int64_t tick = 0;
  HourlyConditions conditions;
  std::int64_t cops_delta = 0;  // reinforcements (agents) arriving this hour
};

// The rules of one hour, in order, over a place's storage (world::PlaceLattice): the rules
// come from model/ and the mechanisms, composed for the hour in hourly_conditions.hpp.
class PlaceWorld : public world::PlaceLattice {
 public:
  PlaceWorld(const PlaceRules& rules, const Mechanisms& mechanisms, std::int64_t citizens,
             std::int64_t cops, double hardship_max, std::int64_t jail_capacity, std::uint64_t seed,
             int place_index);

  void step(const PlaceInputs& in);

  // The most citizens an hour's decisions count in one batch: bounds the scratch memory
  // (engine/memory_estimate.cpp counts it).
  static constexpr std::size_t kDecideBatch = std::size_t{1} << 18;

  // The side of the torus a place of this size gets, and the sites of a vision disc (own site
  // excluded), without building the place.
  static int lattice_side(const PlaceRules& rules, std::int64_t citizens, std::int64_t cops);
  static int disc_sites(int radius);

  const PlaceCounts& counts() const { return counts_; }
  int vision_sites() const { return vision_sites_; }

  // The place's state between two hours, as bytes (engine/run_state.cpp): what the hours so
  // far changed, not what building the place draws again from the seed. restore() takes it
  // into a place built from the same scenario; engine::StateFormatError if it does not fit.
  void save(engine::StateWriter& out) const;
  void restore(engine::StateReader& in);

 private:
  static world::PlaceShape shape_of(const PlaceRules& rules, double hardship_max);
  // The side of the cells that count cops and actives within a citizen's vision.
  static int counting_cell(int bucket, int vision);
  // Stores the citizens (world::PlaceLattice::store_down_to) and their participation flags.
  void store_citizens_down_to(double floor);
  void reinforce(std::int64_t delta, std::uint64_t key);
  void release_from_jail(std::uint64_t key);
  void decide(const PlaceInputs& in, std::uint64_t key);
  void riot_harm(const PlaceInputs& in, std::uint64_t key);
  void police(const PlaceInputs& in, std::uint64_t key);
  void detain_participants(const PlaceInputs& in, std::uint64_t key);
  void jail(std::uint32_t id, rng::RandomStream& draw);
  // The citizen's disposition to violence, uniform in [0, 1), fixed for life (mechanism 11).
  double disposition(std::uint32_t id) const;
  void move(const PlaceInputs& in, std::uint64_t key);
  // Moves the movers 0..movers-1 in order: site_of(i) is the site of mover i, or null if it
  // stays; mover i draws from the stream (key, i).
  template <typename SiteOf>
  void move_each(std::size_t movers, SiteOf&& site_of, const std::vector<std::int32_t>& offsets,
                 std::uint64_t key);
  bool move_one(std::uint32_t& site, const std::vector<std::int32_t>& offsets,
                rng::RandomStream draw);
  // Fetches into cache what move_one(site, offsets, draw) will read first.
  void prefetch_move(std::uint32_t site, const std::vector<std::int32_t>& offsets,
                     rng::RandomStream draw) const;
  std::uint32_t move_target(std::uint32_t site, std::int32_t dx, std::int32_t dy) const;

  PlaceRules rules_;
  Mechanisms mechanisms_;
  const std::vector<std::int32_t>& citizen_offsets_;  // (dx, dy) pairs, shared by every place
  const std::vector<std::int32_t>& cop_offsets_;
  int vision_sites_ = 0;
  std::int64_t jail_capacity_ = 0;
  std::uint32_t active_bound_ = 0;  // one past the last citizen active last hour
  bool idle_ = true;                // nobody could be active this hour
  // One past the last citizen ever active: the rest are as the place was built (and stay so
  // while quiet citizens do not move), so a saved state leaves them out.
  std::uint32_t touched_bound_ = 0;
  std::uint64_t disposition_key_ = 0;  // (seed, place, purpose) of the dispositions

  BucketGrid cops_grid_;
  BucketGrid actives_grid_;
  // The same cops and last hour's actives, counted within a disc (a citizen's decision).
  world::DiscCounter cop_counts_;
  world::DiscCounter active_counts_;
  // A batch of the hour's deciders, their sites and the cops and actives each sees.
  std::vector<std::uint32_t> deciders_;
  std::vector<std::uint32_t> decider_sites_;
  world::DiscQueries decider_queries_;  // the batch's sites grouped once for both counters
  std::vector<std::uint32_t> cops_seen_;
  std::vector<std::uint32_t> actives_seen_;
  std::vector<Item> scratch_;
  std::vector<std::uint32_t> actives_;  // citizen ids active after decide
  std::vector<std::uint32_t> candidates_;
  // Mechanism 13: who ever protested, in order, and a flag per stored citizen (when it is on).
  bool tracks_participation_ = false;
  std::vector<std::uint32_t> participants_;
  std::vector<std::uint8_t> took_part_;

  BlockActivity activity_;
  PlaceCounts counts_;
};

}  // namespace unrest::national
