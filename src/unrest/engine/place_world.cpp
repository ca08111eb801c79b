#include "unrest/engine/place_world.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>

#include "unrest/model/arrest.hpp"
#include "unrest/model/jail_term.hpp"
#include "unrest/model/movement.hpp"
#include "unrest/model/neighbourhood.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::national {
namespace {

// Purposes of the random streams, so that no two phases share draws.
// Placement (world/place_lattice.cpp) uses 1-3.
enum Purpose : std::uint64_t {
  kReinforce = 4,
  kRelease,
  kDecide,
  kHarm,
  kPolice,
  kMove,
  kDetainAfter,
  kDisposition,
};

// The vision disc without the own site, as (dx, dy) pairs in one flat array. Every place of a
// run has the same radii, so the arrays are made once per radius and shared: a radius of 30
// is 22 KB, which ten thousand places each holding two copies turned into 450 MB.
const std::vector<std::int32_t>& disc_offsets(int radius) {
  static std::mutex mutex;
  static std::map<int, std::vector<std::int32_t>> made;
  const std::lock_guard lock(mutex);
  auto [it, fresh] = made.try_emplace(radius);
  if (fresh) {
    const auto disc = model::Neighbourhood::make(model::VisionShape::disc, radius, false);
    for (const model::Offset o : disc.offsets()) {
      it->second.push_back(o.dx);
      it->second.push_back(o.dy);
    }
  }
  return it->second;
}

// Tries a mover makes at an empty site before it stays (model/movement.hpp).
constexpr int kMoveTries = 8;

}  // namespace

world::PlaceShape PlaceWorld::shape_of(const PlaceRules& rules, double hardship_max) {
  return {rules.density,      rules.vision, rules.cop_vision,
          rules.hardship_min, hardship_max, rules.hardship_shape};
}

int PlaceWorld::lattice_side(const PlaceRules& rules, std::int64_t citizens, std::int64_t cops) {
  return side_for(shape_of(rules, rules.hardship_max), citizens, cops);
}

int PlaceWorld::disc_sites(int radius) { return static_cast<int>(disc_offsets(radius).size() / 2); }

PlaceWorld::PlaceWorld(const PlaceRules& rules, const Mechanisms& mechanisms, std::int64_t citizens,
                       std::int64_t cops, double hardship_max, std::int64_t jail_capacity,
                       std::uint64_t seed, int place_index)
    : PlaceLattice(shape_of(rules, hardship_max), citizens, cops, seed, place_index),
      rules_(rules),
      mechanisms_(mechanisms),
      citizen_offsets_(disc_offsets(rules.vision)),
      cop_offsets_(disc_offsets(rules.cop_vision)),
      jail_capacity_(jail_capacity),
      activity_(1, mechanisms.activity) {
  vision_sites_ = static_cast<int>(citizen_offsets_.size() / 2);
  activity_ = BlockActivity(width_, mechanisms.activity);
  counts_.mean_hardship = mean_hardship(0.0);
  counts_.quiet = static_cast<std::uint32_t>(citizens);
  counts_.cops = static_cast<std::uint32_t>(cops);
  if (mechanisms.later_detentions.enabled ||
      (mechanisms.political.enabled && mechanisms.political.participants_only)) {
    tracks_participation_ = true;
  }
  // Quiet citizens who move change their sites whatever they decide: every one is stored.
  if (rules.quiet_move_share > 0.0) store_citizens_down_to(-1.0);
  // The key of every citizen's disposition, hashed once: the hourly decisions hash only the id.
  disposition_key_ = rng::combine(rng::combine(seed_, place_), kDisposition);
  const int cell = counting_cell(static_cast<int>(buckets_.cell), rules.vision);
  cop_counts_.reset(width_, cell, rules.vision);
  active_counts_.reset(width_, cell, rules.vision);
}

int PlaceWorld::counting_cell(int bucket, int vision) {
  // The largest divisor of the bucket side (so cells tile the torus) no wider than the vision.
  // Large cells are the fastest: testing the gathered entries is a vectorised loop, while each
  // cell gathered costs its bookkeeping (bench/bench_disc_counter.cpp, vision 30: cells of 30,
  // 15, 10 and 6 took 70, 183, 453 and 1,021 ns a count; docs/PERFORMANCE.md).
  int cell = 1;
  for (int c = 1; c <= std::min(bucket, std::max(1, vision)); ++c) {
    if (bucket % c == 0) cell = c;
  }
  return cell;
}

void PlaceWorld::store_citizens_down_to(double floor) {
  store_down_to(floor);
  if (tracks_participation_) took_part_.resize(stored(), 0);
}

double PlaceWorld::disposition(std::uint32_t id) const {
  return rng::to_unit_double(rng::combine(disposition_key_, id));
}

void PlaceWorld::reinforce(std::int64_t delta, std::uint64_t key) {
  if (delta > 0) {
    for (std::int64_t i = 0; i < delta; ++i) {
      const std::uint32_t s = random_empty_site(rng::combine(key, static_cast<std::uint64_t>(i)));
      if (s == kEmpty) return;  // the lattice is full: no room for more
      set_occupied(s);
      cop_site_.push_back(s);
      cop_state_.push_back(on_duty);
    }
  } else {
    // Withdraw the most recently arrived cops still on duty.
    std::int64_t left = -delta;
    for (std::size_t c = cop_site_.size(); c-- > 0 && left > 0;) {
      if (cop_state_[c] != on_duty) continue;
      cop_state_[c] = withdrawn;
      clear_occupied(cop_site_[c]);
      --left;
    }
  }
}

void PlaceWorld::release_from_jail(std::uint64_t key) {
  std::size_t kept = 0;
  std::uint64_t released = 0;
  for (const std::uint32_t id : jailed_ids_) {
    if (--jail_left_[id] >= 0) {
      jailed_ids_[kept++] = id;
      continue;
    }
    // Back to the old site if it is free, else to a random empty site.
    std::uint32_t s = site_[id];
    if (occupied(s)) s = random_empty_site(rng::combine(key, released++));
    if (s == kEmpty) {
      jailed_ids_[kept++] = id;  // nowhere to go: stays another hour
      jail_left_[id] = 0;
      continue;
    }
    site_[id] = s;
    set_occupied(s);
    state_[id] = quiet;
  }
  jailed_ids_.resize(kept);
}

void PlaceWorld::decide(const PlaceInputs& in, std::uint64_t key) {
  const HourlyConditions& h = in.conditions;
  const double cutoff = eligibility_cutoff(rules_.threshold, h.legitimacy, h.hardship_shift);
  // Whoever could be active this hour is stored (those who took part already are).
  store_citizens_down_to(cutoff);
  // Citizens are sorted by falling base hardship: the eligible are a prefix.
  const auto prefix_above = [&](double c) {
    return static_cast<std::uint32_t>(std::partition_point(base_hardship_.begin(),
                                                           base_hardship_.end(),
                                                           [&](float h) { return h > c; }) -
                                      base_hardship_.begin());
  };
  const std::uint32_t eligible = prefix_above(cutoff);
  // Citizens who have protested feel political grievance on top (mechanism 10 with
  // participants_only): among them a longer prefix is eligible.
  const double participant_shift = tracks_participation_ ? h.participant_shift : 0.0;
  const std::uint32_t eligible_if_took_part =
      participant_shift > 0.0
          ? prefix_above(eligibility_cutoff(rules_.threshold, h.legitimacy,
                                            h.hardship_shift + participant_shift))
          : eligible;
  const std::uint32_t bound = std::max(eligible_if_took_part, active_bound_);
  // Nobody can be active this hour: nobody counts what they see, and the cops have nobody to
  // act on (police() and move() skip them).
  idle_ = eligible_if_took_part == 0;
  if (!idle_) {  // only a citizen who could be active weighs its vision
    // Cops on duty and last hour's actives, bucketed.
    scratch_.clear();
    for (std::uint32_t c = 0; c < cop_site_.size(); ++c) {
      if (cop_state_[c] == on_duty) scratch_.push_back({cop_site_[c], c});
    }
    build(cops_grid_, scratch_);
    scratch_.clear();
    for (const std::uint32_t id : actives_) {
      if (state_[id] == active || state_[id] == rioting) scratch_.push_back({site_[id], id});
    }
    build(actives_grid_, scratch_);
    if (cop_counts_.layout().cell == buckets_.cell) {  // the grids' cells: already grouped
      active_counts_.build_grouped(actives_grid_.items, actives_grid_.start);
      cop_counts_.build_grouped(cops_grid_.items, cops_grid_.start);
    } else {
      active_counts_.build(actives_grid_.items);
      cop_counts_.build(cops_grid_.items);
    }
  }
  rng::RandomStream draw(key);
  actives_.clear();
  std::uint32_t new_bound = 0;
  std::uint64_t decisions = 0;
  // In batches: first who decides (the eligible who are out: this phase's only draws, in id
  // order), then what each of them sees within vision, counted for the batch at once (grouped
  // by cell), then their decisions in id order. The counts come from the grids built above,
  // so the batches give the bytes one pass would; a batch bounds the scratch memory.
  const double least_p = least_arrest_probability(rules_, h);
  std::uint32_t id = 0;
  while (id < bound) {
    deciders_.clear();
    decider_sites_.clear();
    for (; id < bound && deciders_.size() < kDecideBatch; ++id) {
      const std::uint8_t s = state_[id];
      if (s == jailed || s == dead) continue;
      const bool can_act = id < eligible || (id < eligible_if_took_part && took_part_[id]);
      if (!can_act || (h.participation < 1.0 && draw.uniform() >= h.participation)) {
        state_[id] = quiet;
        continue;
      }
      // Quiet even with no cop in sight (the fear of killings alone outweighs the grievance):
      // decided without counting, as the counts could only add to P.
      const double grievance = participant_shift > 0.0 && took_part_[id] ? participant_shift : 0.0;
      if (!weighs_active_at(rules_, h, base_hardship_[id] + grievance, risk_aversion_[id],
                            least_p)) {
        state_[id] = quiet;
        ++decisions;
        continue;
      }
      deciders_.push_back(id);
      decider_sites_.push_back(site_[id]);
    }
    if (deciders_.empty()) continue;
    decider_queries_.group(cop_counts_.layout(), decider_sites_);
    cop_counts_.count_many(decider_queries_, cops_seen_);
    active_counts_.count_many(decider_queries_, actives_seen_);
    decisions += deciders_.size();
    for (std::size_t k = 0; k < deciders_.size(); ++k) {
      const std::uint32_t citizen = deciders_[k];
      const std::uint8_t s = state_[citizen];
      const auto cops = static_cast<int>(cops_seen_[k]);
      // The citizen itself is among last hour's actives if it was active: not an "other".
      const int self = s == active || s == rioting ? 1 : 0;
      const int others = static_cast<int>(actives_seen_[k]) - self;
      std::uint8_t next = quiet;
      const double grievance =
          participant_shift > 0.0 && took_part_[citizen] ? participant_shift : 0.0;
      if (weighs_active(rules_, h, base_hardship_[citizen] + grievance, risk_aversion_[citizen],
                        cops, others + 1)) {
        const bool violent = h.violent_share >= 1.0 || disposition(citizen) < h.violent_share;
        next = violent && is_rioting(mechanisms_.riot, others + 1, cops) ? rioting : active;
      }
      state_[citizen] = next;
      if (next == quiet) continue;
      actives_.push_back(citizen);
      new_bound = citizen + 1;
      if (tracks_participation_ && !took_part_[citizen]) {
        took_part_[citizen] = 1;
        participants_.push_back(citizen);
      }
    }
  }
  active_bound_ = new_bound;
  touched_bound_ = std::max(touched_bound_, new_bound);
  counts_.decisions = decisions;
  // The cops act on this hour's actives.
  scratch_.clear();
  for (const std::uint32_t id : actives_) scratch_.push_back({site_[id], id});
  build(actives_grid_, scratch_);
}

void PlaceWorld::riot_harm(const PlaceInputs& in, std::uint64_t key) {
  const Riot& rule = mechanisms_.riot;
  if (!rule.enabled) return;
  (void)in;
  rng::RandomStream draw(key);
  for (const std::uint32_t id : actives_) {
    if (state_[id] != rioting) continue;
    if (draw.uniform() < rule.damage_per_hour) ++counts_.damage;
    const double u = draw.uniform();
    if (u >= rule.injure_cop_per_hour + rule.kill_cop_per_hour) continue;
    candidates_.clear();
    for_each_within(cops_grid_, site_[id], rules_.vision, [&](const Item& item) {
      if (cop_state_[item.id] == on_duty) candidates_.push_back(item.id);
    });
    if (candidates_.empty()) continue;
    const std::uint32_t cop =
        candidates_[draw.below32(static_cast<std::uint32_t>(candidates_.size()))];
    const bool kill = u < rule.kill_cop_per_hour;
    cop_state_[cop] = kill ? killed : injured;
    clear_occupied(cop_site_[cop]);
    ++(kill ? counts_.cops_killed : counts_.cops_injured);
  }
}

void PlaceWorld::police(const PlaceInputs& in, std::uint64_t key) {
  if (actives_.empty()) return;  // nobody to arrest: the draws would decide nothing
  rng::RandomStream draw(key);
  const Detention& jail = mechanisms_.jail;
  for (std::uint32_t c = 0; c < cop_site_.size(); ++c) {
    if (cop_state_[c] != on_duty) continue;
    if (in.conditions.arrest_rate < 1.0 && draw.uniform() >= in.conditions.arrest_rate) continue;
    candidates_.clear();
    for_each_within(actives_grid_, cop_site_[c], rules_.cop_vision, [&](const Item& item) {
      const std::uint8_t s = state_[item.id];
      if (s == active || s == rioting) candidates_.push_back(item.id);
    });
    if (candidates_.empty()) continue;
    const std::uint32_t id =
        candidates_[model::choose_arrestee(draw, static_cast<std::uint32_t>(candidates_.size()))];
    const Confrontation outcome =
        confront(mechanisms_.lethal_force, in.conditions.lethal_order, state_[id] == rioting,
                 in.conditions.dispersal_injury, draw.uniform());
    if (outcome == Confrontation::kill) {
      state_[id] = dead;
      clear_occupied(site_[id]);
      ++counts_.citizens_killed;
      ++counts_.killed_now;
      continue;
    }
    if (outcome == Confrontation::disperse_injured) {
      state_[id] = quiet;  // hurt, and home for the hour
      ++counts_.citizens_injured;
      ++counts_.injured_now;
      continue;
    }
    if (!jail_has_room(jail, static_cast<std::int64_t>(jailed_ids_.size()), jail_capacity_)) {
      continue;
    }
    if (outcome == Confrontation::injure_and_arrest) {
      ++counts_.citizens_injured;
      ++counts_.injured_now;
    }
    this->jail(id, draw);
  }
}

void PlaceWorld::jail(std::uint32_t id, rng::RandomStream& draw) {
  const Detention& rule = mechanisms_.jail;
  state_[id] = jailed;
  jail_left_[id] = static_cast<std::int32_t>(
      model::draw_jail_term_between(draw, rule.min_hours, rule.max_hours));
  jailed_ids_.push_back(id);
  clear_occupied(site_[id]);
  ++counts_.arrests;
  ++counts_.arrests_now;
}

void PlaceWorld::detain_participants(const PlaceInputs& in, std::uint64_t key) {
  const double rate = in.conditions.later_detentions;
  if (rate <= 0.0 || participants_.empty()) return;
  const double p =
      rate * static_cast<double>(participants_.size()) / static_cast<double>(citizens());
  rng::RandomStream draw(key);
  const auto pool = static_cast<std::uint32_t>(participants_.size());
  for (std::uint32_t c = 0; c < cop_site_.size(); ++c) {
    if (cop_state_[c] != on_duty || draw.uniform() >= p) continue;
    const std::uint32_t id = participants_[draw.below32(pool)];
    if (state_[id] == jailed || state_[id] == dead) continue;
    if (!jail_has_room(mechanisms_.jail, static_cast<std::int64_t>(jailed_ids_.size()),
                       jail_capacity_)) {
      return;
    }
    jail(id, draw);
  }
}

std::uint32_t PlaceWorld::move_target(std::uint32_t site, std::int32_t dx, std::int32_t dy) const {
  const int w = width_;
  // An offset is at most the vision, less than the width: one wrap at most, not a division.
  auto wrapped = [w](int v) { return v < 0 ? v + w : (v >= w ? v - w : v); };
  const int nx = wrapped(static_cast<int>(buckets_.column(site)) + dx);
  const int ny = wrapped(static_cast<int>(buckets_.row(site)) + dy);
  return static_cast<std::uint32_t>(ny * w + nx);
}

bool PlaceWorld::move_one(std::uint32_t& site, const std::vector<std::int32_t>& offsets,
                          rng::RandomStream draw) {
  const auto n = static_cast<std::uint32_t>(offsets.size() / 2);
  auto target_of = [&](std::uint32_t k) {
    return move_target(site, offsets[2 * k], offsets[2 * k + 1]);
  };
  const auto k = model::choose_move_target(
      draw, n, kMoveTries, [&](std::uint32_t k) { return !occupied(target_of(k)); });
  if (!k) return false;
  const std::uint32_t target = target_of(*k);
  clear_occupied(site);
  set_occupied(target);
  site = target;
  return true;
}

void PlaceWorld::prefetch_move(std::uint32_t site, const std::vector<std::int32_t>& offsets,
                               rng::RandomStream draw) const {
  // The first four candidates of choose_move_target, from the same draw.
  const auto n = static_cast<std::uint32_t>(offsets.size() / 2);
  const std::uint64_t bits = draw.next_u64();
  for (int attempt = 0; attempt < 4; ++attempt) {
    const std::uint32_t k =
        model::offset_from_bits(static_cast<std::uint32_t>(bits >> (16 * attempt)) & 0xFFFFu, n);
    __builtin_prefetch(&occupied_[move_target(site, offsets[2 * k], offsets[2 * k + 1]) >> 6]);
  }
}

template <typename SiteOf>
void PlaceWorld::move_each(std::size_t movers, SiteOf&& site_of,
                           const std::vector<std::int32_t>& offsets, std::uint64_t key) {
  // Each mover draws from its own stream, so its candidates are known before the movers ahead
  // of it have moved: the words of the occupancy they read are fetched kAhead movers early,
  // and the moves, still made one after another, find them in cache (a move was a chain of
  // cache misses: docs/PERFORMANCE.md, "Moves").
  constexpr std::size_t kAhead = 8;
  const auto stream = [key](std::size_t i) {
    return rng::RandomStream(rng::combine(key, static_cast<std::uint64_t>(i)));
  };
  for (std::size_t i = 0; i < std::min(kAhead, movers); ++i) {
    if (std::uint32_t* s = site_of(i)) prefetch_move(*s, offsets, stream(i));
  }
  for (std::size_t i = 0; i < movers; ++i) {
    if (i + kAhead < movers) {
      if (std::uint32_t* s = site_of(i + kAhead)) prefetch_move(*s, offsets, stream(i + kAhead));
    }
    if (std::uint32_t* s = site_of(i)) move_one(*s, offsets, stream(i));
  }
}

void PlaceWorld::move(const PlaceInputs& in, std::uint64_t key) {
  (void)in;
  if (!rules_.movement) return;
  // Cops move only where somebody could act: elsewhere where they stand decides nothing, and
  // moving keeps them as uniformly spread as they were placed.
  if (!idle_) {
    move_each(
        cop_site_.size(),
        [&](std::size_t c) { return cop_state_[c] == on_duty ? &cop_site_[c] : nullptr; },
        cop_offsets_, rng::combine(key, 0));
  }
  move_each(
      actives_.size(),
      [&](std::size_t k) {
        const std::uint32_t id = actives_[k];
        return state_[id] == active || state_[id] == rioting ? &site_[id] : nullptr;
      },
      citizen_offsets_, rng::combine(key, 1));
  const double share = rules_.quiet_move_share;
  if (share > 0.0) {
    const std::uint64_t chosen = rng::combine(key, 2);  // who of the quiet moves: one draw each
    move_each(
        state_.size(),
        [&](std::size_t id) -> std::uint32_t* {
          if (state_[id] != quiet) return nullptr;
          if (share < 1.0 && rng::to_unit_double(rng::combine(chosen, id)) >= share) return nullptr;
          return &site_[id];
        },
        citizen_offsets_, rng::combine(key, 3));
  }
}

void PlaceWorld::step(const PlaceInputs& in) {
  const std::uint64_t base =
      rng::combine(rng::combine(seed_, place_), static_cast<std::uint64_t>(in.tick) + 1000);
  counts_.arrests_now = 0;
  counts_.killed_now = 0;
  counts_.injured_now = 0;
  if (in.cops_delta != 0 && mechanisms_.reinforcements.enabled) {
    reinforce(in.cops_delta, rng::combine(base, kReinforce));
  }
  release_from_jail(rng::combine(base, kRelease));
  decide(in, rng::combine(base, kDecide));
  riot_harm(in, rng::combine(base, kHarm));
  police(in, rng::combine(base, kPolice));
  detain_participants(in, rng::combine(base, kDetainAfter));
  move(in, rng::combine(base, kMove));

  PlaceCounts& c = counts_;
  c.active = 0;
  c.rioting = 0;
  for (const std::uint32_t id : actives_) {
    const std::uint8_t s = state_[id];
    if (s == active || s == rioting) ++c.active;
    if (s == rioting) {
      ++c.rioting;
      activity_.mark_riot(buckets_.column(site_[id]), buckets_.row(site_[id]), in.tick);
    }
  }
  c.jailed = static_cast<std::uint32_t>(jailed_ids_.size());
  c.quiet = static_cast<std::uint32_t>(citizens()) - c.jailed -
            static_cast<std::uint32_t>(c.citizens_killed) - c.active;
  c.cops = static_cast<std::uint32_t>(std::count(cop_state_.begin(), cop_state_.end(), on_duty));
  c.activity = activity_.open_share(in.tick, in.conditions.curfew_hours);
  c.mean_hardship = mean_hardship(in.conditions.hardship_shift);
}

}  // namespace unrest::national
