#include "unrest/engine/sequential_engine.hpp"

#include <algorithm>

#include "unrest/engine/schedule.hpp"
#include "unrest/model/activation.hpp"
#include "unrest/model/arrest.hpp"
#include "unrest/model/arrest_probability.hpp"
#include "unrest/model/jail_term.hpp"
#include "unrest/model/movement.hpp"

namespace unrest::engine {
namespace {

using model::ActivationOrder;
using model::JailCountdown;

// Purposes that key the run's independent random streams.
enum StreamPurpose : std::uint64_t { kPlacement = 1, kActivationOrder = 2 };

world::ClassicWorld build_world(const model::ClassicParams& params, std::uint64_t seed) {
  rng::RandomStream placement(rng::combine(seed, kPlacement));
  return world::ClassicWorld(params, placement);
}

// Rounds of four candidates tried before the exact scan; each candidate is empty with
// probability of about the empty share of the vision (a quarter to a third in run 2).
constexpr int kMoveRounds = 4;

}  // namespace

SequentialEngine::SequentialEngine(const scenario::Scenario& scenario)
    : params_(scenario.model),
      schedule_(scenario.schedule),
      rng_(rng::combine(scenario.run.seed, kActivationOrder)),
      world_(build_world(scenario.model, scenario.run.seed)),
      legitimacy_(scenario.model.legitimacy),
      arrest_probability_(params_.options.ratio, params_.k),
      cops_move_(model::cops_move(params_.citizen_movement, params_.options.movement_off_freezes)) {
  for (std::uint32_t p = 0; p < world_.cop_count(); ++p) order_.push_back(p | kCopTag);
  for (std::uint32_t c = 0; c < world_.citizen_count(); ++c) order_.push_back(c);
}

TickCounts SequentialEngine::counts() const {
  return TickCounts{.tick = tick_,
                    .quiet = world_.quiet_count(),
                    .active = world_.active_count(),
                    .jailed = world_.jailed_count(),
                    .cops = world_.cop_count(),
                    .legitimacy = legitimacy_,
                    .arrests = arrests_};
}

bool SequentialEngine::step() {
  ++tick_;
  for (const scenario::ScheduleEvent* event : due_events(schedule_, tick_)) apply_event(*event);

  // A fresh uniformly random order over both kinds (Fisher-Yates).
  for (std::size_t i = order_.size(); i > 1; --i) {
    std::swap(order_[i - 1], order_[rng_.below(i)]);
  }
  // The order is known in advance, so the records of the agents a few places ahead are
  // loaded while this one is handled: on lattices larger than the caches most of an
  // activation's time is otherwise spent waiting for its citizen's cache line.
  constexpr std::size_t kPrefetchDistance = 16;
  const std::size_t n = order_.size();
  constexpr std::size_t kStopCheckEvery = 4096;  // agents; a few microseconds
  for (std::size_t i = 0; i < n; ++i) {
    if (i % kStopCheckEvery == 0) stop_if_asked();
    if (i + kPrefetchDistance < n) {
      const std::uint32_t ahead = order_[i + kPrefetchDistance];
      if (!(ahead & kCopTag)) world_.prefetch_citizen(ahead);
    }
    if (i + kPrefetchDistance / 2 < n) {
      const std::uint32_t ahead = order_[i + kPrefetchDistance / 2];
      if (ahead & kCopTag) {
        world_.prefetch_home(world_.cop_site(ahead & ~kCopTag));
      } else {
        world_.prefetch_home(world_.citizen_site(ahead));
      }
    }
    const std::uint32_t tag = order_[i];
    if (tag & kCopTag) {
      activate_cop(tag & ~kCopTag);
    } else {
      activate_citizen(tag);
    }
  }
  activations_ += order_.size();
  if (params_.options.jail_countdown == JailCountdown::end_of_tick) count_down_jail_terms();
  return true;
}

void SequentialEngine::apply_event(const scenario::ScheduleEvent& event) {
  using scenario::ScheduleAction;
  if (const auto legitimacy = legitimacy_after(event, legitimacy_)) {
    legitimacy_ = *legitimacy;
    return;
  }
  const auto count = static_cast<std::int64_t>(event.value);
  if (event.action == ScheduleAction::remove_cops) {
    remove_random_cops(count);
  } else {
    add_cops_at_random_empty_sites(count);
  }
}

void SequentialEngine::activate_citizen(std::uint32_t c) {
  if (world_.is_jailed(c)) {
    if (params_.options.jail_countdown == JailCountdown::end_of_tick) return;
    // Mesa: the term runs down in the prisoner's own activations; at zero it walks free and
    // acts in the same activation.
    const std::uint32_t left = world_.jail_left(c);
    if (left == model::kLifeSentence) return;
    if (left > 0) {
      world_.set_jail_left(c, left - 1);
      return;
    }
    world_.release(c);
  }
  if (params_.options.activation_order == ActivationOrder::move_then_act) {
    move_citizen_randomly(c);
    decide(c);
  } else {
    decide(c);
    move_citizen_randomly(c);
  }
}

void SequentialEngine::activate_cop(std::uint32_t p) {
  if (params_.options.activation_order == ActivationOrder::move_then_act) {
    move_cop_randomly(p);
    enforce(p);
  } else {
    enforce(p);
    move_cop_randomly(p);
  }
}

void SequentialEngine::decide(std::uint32_t c) {
  if (!model::can_ever_be_active(world_.hardship(c), legitimacy_, params_.threshold)) {
    world_.set_active(c, false);
    return;
  }
  const std::uint32_t site = world_.citizen_site(c);
  const double p = arrest_probability_(world_.cops_seen(site), 1 + world_.actives_seen(site));
  world_.set_active(c, model::decides_active(world_.hardship(c), world_.risk_aversion(c),
                                             legitimacy_, p, params_.threshold));
}

void SequentialEngine::enforce(std::uint32_t p) {
  const std::uint32_t site = world_.cop_site(p);
  const int candidates = world_.actives_seen(site);
  if (candidates == 0) return;
  const std::uint32_t suspect = world_.active_within_vision(
      world_.cop_x(p), world_.cop_y(p),
      model::choose_arrestee(rng_, static_cast<std::uint32_t>(candidates)));
  const std::uint32_t term =
      model::draw_jail_term(rng_, params_.options.jail_term_range, params_.max_jail_term);
  const bool hold = model::holds_arrestee(params_.options.jail_countdown, term);
  world_.jail(suspect, term, hold);
  if (hold && params_.options.jail_countdown == JailCountdown::end_of_tick) {
    jailed_list_.push_back(suspect);
  }
  ++arrests_;
  if (model::steps_onto_arrestee(params_.options.cop_after_arrest, cops_move_)) {
    world_.move_cop(p, world_.citizen_x(suspect), world_.citizen_y(suspect));
  }
}

bool SequentialEngine::random_empty_site(int x, int y, bool will_read_counts,
                                         model::Offset& target) {
  const auto& offsets = world_.vision().offsets();
  const auto n = static_cast<std::uint32_t>(offsets.size());
  const auto chosen = model::choose_move_target_exact(
      n, kMoveRounds, [&](std::uint32_t* pick) { rng_.below32x4(n, pick); },
      [&](const std::uint32_t* pick) {
        unsigned mask = 0;
        for (int k = 0; k < 4; ++k) {
          const std::uint32_t candidate = world_.site_at(x, y, offsets[pick[k]]);
          // The mover decides at its new site next: start loading that site's counts now.
          if (will_read_counts) world_.prefetch_site(candidate);
          mask |= static_cast<unsigned>(world_.is_empty(candidate)) << k;
        }
        return mask;
      },
      [&](std::uint32_t i) { return world_.is_empty(world_.site_at(x, y, offsets[i])); },
      [&](std::uint32_t m) { return rng_.below(m); });
  if (!chosen) return false;
  target = world_.wrap(x, y, offsets[*chosen]);
  return true;
}

void SequentialEngine::move_citizen_randomly(std::uint32_t c) {
  if (!params_.citizen_movement) return;
  model::Offset target;
  // Only a citizen who can turn active reads the counts of the site it moves to.
  const bool decides_there =
      params_.options.activation_order == ActivationOrder::move_then_act &&
      model::can_ever_be_active(world_.hardship(c), legitimacy_, params_.threshold);
  if (random_empty_site(world_.citizen_x(c), world_.citizen_y(c), decides_there, target)) {
    world_.move_citizen(c, target.dx, target.dy);
  }
}

void SequentialEngine::move_cop_randomly(std::uint32_t p) {
  if (!cops_move_) return;
  model::Offset target;
  if (random_empty_site(world_.cop_x(p), world_.cop_y(p), true, target)) {
    world_.move_cop(p, target.dx, target.dy);
  }
}

void SequentialEngine::count_down_jail_terms() {
  for (std::size_t i = jailed_list_.size(); i-- > 0;) {
    const std::uint32_t c = jailed_list_[i];
    const std::uint32_t left = world_.jail_left(c);
    if (left == model::kLifeSentence) continue;
    if (left > 1) {
      world_.set_jail_left(c, left - 1);
      continue;
    }
    world_.release(c);
    jailed_list_[i] = jailed_list_.back();
    jailed_list_.pop_back();
  }
}

void SequentialEngine::remove_random_cops(std::int64_t count) {
  // Where each cop stands in the activation order, so that each removal is O(1) and the order
  // is compacted once: the same result as erasing each removed cop in turn.
  constexpr std::uint32_t kRemoved = 0xFFFF'FFFFu;
  std::vector<std::size_t> at(world_.cop_count());
  for (std::size_t i = 0; i < order_.size(); ++i) {
    if (order_[i] & kCopTag) at[order_[i] & ~kCopTag] = i;
  }
  for (std::int64_t i = 0; i < count && world_.cop_count() > 0; ++i) {
    const std::uint32_t n = world_.cop_count();
    const std::uint32_t p = rng_.below32(n);
    const std::uint32_t last = n - 1;
    world_.remove_cop(p);  // cop `last` now has index p
    order_[at[p]] = kRemoved;
    if (p != last) {
      order_[at[last]] = p | kCopTag;
      at[p] = at[last];
    }
  }
  std::erase(order_, kRemoved);
}

void SequentialEngine::add_cops_at_random_empty_sites(std::int64_t count) {
  const auto sites = static_cast<std::uint32_t>(world_.width()) * world_.height();
  // Once random tries fail the lattice is crowded: from then on the cops go to sites drawn
  // from the list of empty ones, made once, so that filling a lattice stays linear.
  bool listed = false;
  for (std::int64_t i = 0; i < count; ++i) {
    std::uint32_t site = world::kNone;
    for (int attempt = 0; !listed && attempt < 64 && site == world::kNone; ++attempt) {
      const std::uint32_t candidate = rng_.below32(sites);
      if (world_.is_empty(candidate)) site = candidate;
    }
    if (site == world::kNone) {
      if (!listed) {
        empty_sites_.clear();
        for (std::uint32_t s = 0; s < sites; ++s) {
          if (world_.is_empty(s)) empty_sites_.push_back(s);
        }
        listed = true;
      }
      if (empty_sites_.empty()) return;  // a full lattice has no room for reinforcements
      const std::size_t k = rng_.below(empty_sites_.size());
      site = empty_sites_[k];
      empty_sites_[k] = empty_sites_.back();
      empty_sites_.pop_back();
    }
    world_.add_cop(site);
    order_.push_back((world_.cop_count() - 1) | kCopTag);
  }
}

}  // namespace unrest::engine
