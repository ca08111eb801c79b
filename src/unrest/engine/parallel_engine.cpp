#include "unrest/engine/parallel_engine.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>

#include "unrest/engine/schedule.hpp"
#include "unrest/model/activation.hpp"
#include "unrest/model/arrest_probability.hpp"
#include "unrest/model/jail_term.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::engine {
namespace {

constexpr std::uint32_t kNoClaim = ~std::uint32_t{0};

// Purposes of draws: each (tick, site, purpose) keys an independent stream.
enum Purpose : std::uint64_t {
  kPlacement = 1,
  kMove = 2,
  kArrestChoice = 3,
  kJailTerm = 4,
  kEvents = 5,
  kSeed = 6
};

// Rounds of four movement candidates before the exact scan (as in the sequential engine).
constexpr int kMoveRounds = 4;

class PhaseTimer {
 public:
  explicit PhaseTimer(double& total) : total_(total), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() {
    total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  double& total_;
  std::chrono::steady_clock::time_point start_;
};

enum Phase { kMovePhase, kCountPhase, kDecidePhase, kArrestPhase, kJailPhase };

}  // namespace

const std::vector<const char*>& ParallelEngine::phase_names() {
  static const std::vector<const char*> names = {"move", "count", "decide", "arrest", "jail"};
  return names;
}

ParallelEngine::ParallelEngine(const scenario::Scenario& scenario, int threads)
    : params_(scenario.model),
      schedule_(scenario.schedule),
      vision_(model::Neighbourhood::make(params_.options.vision_shape, params_.vision,
                                         params_.options.vision_includes_own_site)),
      width_(params_.width),
      height_(params_.height),
      reach_(vision_.reach()),
      sites_(static_cast<std::uint32_t>(width_) * static_cast<std::uint32_t>(height_)),
      cops_move_(params_.citizen_movement ||
                 params_.options.movement_off_freezes == model::MovementOffFreezes::citizens),
      pool_(std::max(1, threads)),
      seed_key_(rng::combine(scenario.run.seed, kSeed)),
      legitimacy_(params_.legitimacy),
      kind_(sites_, kEmpty),
      hardship_(sites_, 0.0f),
      risk_aversion_(sites_, 0.0f),
      jail_left_(sites_, 0),
      cops_seen_(sites_, 0),
      actives_seen_(sites_, 0),
      claims_(sites_, kNoClaim),
      prefix_stride_(static_cast<std::size_t>(width_) + 2 * reach_ + 1),
      new_prisoners_(height_),
      arrests_by_block_(height_, 0),
      arrest_probability_(params_.options.ratio, params_.k),
      phase_seconds_(phase_names().size(), 0.0) {
  for (const model::Offset& o : vision_.offsets()) {
    linear_offsets_.push_back(static_cast<std::int64_t>(o.dy) * width_ + o.dx);
  }
  cop_prefix_.assign(prefix_stride_ * height_, 0);
  active_prefix_.assign(prefix_stride_ * height_, 0);
  place_agents(scenario.run.seed);
  tally();
}

double ParallelEngine::bytes_per_site() const {
  const double prefix = 2.0 * sizeof(std::uint16_t) * static_cast<double>(prefix_stride_) / width_;
  return sizeof(std::uint8_t) + 2 * sizeof(float) + sizeof(std::uint32_t) +
         2 * sizeof(std::uint16_t) + sizeof(std::uint32_t) + prefix;
}

std::uint64_t ParallelEngine::key(std::uint32_t site, std::uint64_t purpose) const {
  // Distinct (site, purpose) give distinct words; RandomStream and priority() pass the word
  // through mix64, a bijection, so no two draws share a stream.
  return tick_key_ ^ ((static_cast<std::uint64_t>(site) << 3) | purpose);
}

void ParallelEngine::place_agents(std::uint64_t seed) {
  // Selection sampling: with `exact`, exactly round(d W H) cops and citizens on a uniformly
  // random set of sites, in one pass and no extra memory (a shuffle of the sites would need
  // 4 bytes a site); with `bernoulli`, each site on its own.
  rng::RandomStream rng(rng::combine(seed, kPlacement));
  const auto cops = static_cast<std::uint64_t>(std::llround(params_.cop_density * sites_));
  const auto citizens = static_cast<std::uint64_t>(std::llround(params_.citizen_density * sites_));
  std::uint64_t cops_left = cops;
  std::uint64_t agents_left = cops + citizens;
  for (std::uint32_t site = 0; site < sites_; ++site) {
    std::uint8_t kind = kEmpty;
    if (params_.options.placement == model::Placement::exact) {
      if (agents_left > 0 && rng.below(sites_ - site) < agents_left) {
        kind = rng.below(agents_left) < cops_left ? kCop : kQuiet;
        --agents_left;
        if (kind == kCop) --cops_left;
      }
    } else {
      const double u = rng.uniform();
      if (u < params_.cop_density) {
        kind = kCop;
      } else if (u < params_.cop_density + params_.citizen_density) {
        kind = kQuiet;
      }
    }
    kind_[site] = kind;
    if (kind == kQuiet) {
      hardship_[site] = static_cast<float>(rng.uniform());
      risk_aversion_[site] = static_cast<float>(rng.uniform());
    }
  }
}

void ParallelEngine::step() {
  ++tick_;
  tick_key_ = rng::combine(seed_key_, static_cast<std::uint64_t>(tick_));
  for (const scenario::ScheduleEvent* event : due_events(schedule_, tick_)) apply_event(*event);
  if (params_.options.activation_order == model::ActivationOrder::move_then_act) {
    move_phase();
    count_phase();
    decide_phase();
    arrest_phase();
  } else {
    count_phase();
    decide_phase();
    arrest_phase();
    move_phase();
  }
  jail_phase();
  tally();
}

std::uint32_t ParallelEngine::priority(std::uint32_t origin, std::uint64_t purpose) const {
  // The same mix the agent's stream starts from; its draws mix other words, so the priority
  // and the draws are unrelated.
  return static_cast<std::uint32_t>(rng::mix64(key(origin, purpose)) >> 32);
}

void ParallelEngine::claim(std::uint32_t target, int row, std::uint32_t origin,
                           std::uint64_t purpose, int first_row, int end_row) {
  const std::uint64_t mine = (std::uint64_t{priority(origin, purpose)} << 32) | origin;
  auto better = [&](std::uint32_t current) {
    return current == kNoClaim ||
           mine < ((std::uint64_t{priority(current, purpose)} << 32) | current);
  };
  // Bids reach at most `reach` rows away, so a target row at least that deep inside the
  // bidder's own block of rows gets bids from this thread alone: no atomic needed.
  if (row >= first_row + reach_ && row < end_row - reach_) {
    if (better(claims_[target])) claims_[target] = origin;
    return;
  }
  std::atomic_ref<std::uint32_t> slot(claims_[target]);
  std::uint32_t current = slot.load(std::memory_order_relaxed);
  while (better(current)) {
    if (slot.compare_exchange_weak(current, origin, std::memory_order_relaxed)) return;
  }
}

void ParallelEngine::move_agent(std::uint32_t from, std::uint32_t to) {
  kind_[to] = kind_[from];
  hardship_[to] = hardship_[from];
  risk_aversion_[to] = risk_aversion_[from];
  jail_left_[to] = jail_left_[from];
  kind_[from] = kEmpty;
}

std::uint32_t ParallelEngine::neighbour(int x, int y, std::size_t offset) const {
  // Away from the edges an offset is one addition; near them it wraps.
  if (x >= reach_ && x < width_ - reach_ && y >= reach_ && y < height_ - reach_) {
    return static_cast<std::uint32_t>(static_cast<std::int64_t>(y) * width_ + x +
                                      linear_offsets_[offset]);
  }
  const model::Offset& o = vision_.offsets()[offset];
  int xx = x + o.dx, yy = y + o.dy;
  xx += xx < 0 ? width_ : (xx >= width_ ? -width_ : 0);
  yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
  return static_cast<std::uint32_t>(yy) * width_ + xx;
}

int ParallelEngine::neighbour_row(int y, std::size_t offset) const {
  int yy = y + vision_.offsets()[offset].dy;
  yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
  return yy;
}

bool ParallelEngine::random_empty_site(int x, int y, std::uint64_t stream_key,
                                       std::size_t& offset) const {
  const auto n = static_cast<std::uint32_t>(linear_offsets_.size());
  rng::RandomStream rng(stream_key);
  std::uint32_t pick[4];
  for (int round = 0; round < kMoveRounds; ++round) {
    rng.below32x4(n, pick);
    // Tested without branching, as in the sequential engine: emptiness is a coin flip.
    unsigned empty_mask = 0;
    for (int k = 0; k < 4; ++k) {
      empty_mask |= static_cast<unsigned>(kind_[neighbour(x, y, pick[k])] == kEmpty) << k;
    }
    if (empty_mask != 0) {
      offset = pick[__builtin_ctz(empty_mask)];
      return true;
    }
  }
  std::uint32_t empty = 0;
  for (std::uint32_t i = 0; i < n; ++i) empty += kind_[neighbour(x, y, i)] == kEmpty;
  if (empty == 0) return false;
  auto chosen = static_cast<std::uint32_t>(rng.below(empty));
  for (std::uint32_t i = 0; i < n; ++i) {
    if (kind_[neighbour(x, y, i)] == kEmpty && chosen-- == 0) {
      offset = i;
      return true;
    }
  }
  return false;
}

void ParallelEngine::move_phase() {
  PhaseTimer timer(phase_seconds_[kMovePhase]);
  const bool citizens_move = params_.citizen_movement;
  if (!citizens_move && !cops_move_) return;
  // Claims read a snapshot: nothing moves until every claim is in.
  pool_.for_rows(height_, [&](int first, int end) {
    for (int y = first; y < end; ++y) {
      for (int x = 0; x < width_; ++x) {
        const std::uint32_t s = static_cast<std::uint32_t>(y) * width_ + x;
        const std::uint8_t k = kind_[s];
        const bool mover =
            (k == kCop && cops_move_) || ((k == kQuiet || k == kActive) && citizens_move);
        if (!mover) continue;
        std::size_t offset;
        if (random_empty_site(x, y, key(s, kMove), offset)) {
          claim(neighbour(x, y, offset), neighbour_row(y, offset), s, kMove, first, end);
        }
      }
    }
  });
  // Each claimed site pulls its winner in; origins are distinct and were occupied, targets
  // were empty, so no site is written twice.
  pool_.for_rows(height_, [&](int first, int end) {
    for (std::uint32_t t = static_cast<std::uint32_t>(first) * width_;
         t < static_cast<std::uint32_t>(end) * width_; ++t) {
      if (claims_[t] == kNoClaim) continue;
      const std::uint32_t origin = claims_[t];
      claims_[t] = kNoClaim;
      move_agent(origin, t);
    }
  });
}

void ParallelEngine::count_phase() {
  PhaseTimer timer(phase_seconds_[kCountPhase]);
  count_within_vision(kCop, cop_prefix_, cops_seen_);
  count_within_vision(kActive, active_prefix_, actives_seen_);
}

void ParallelEngine::count_within_vision(std::uint8_t kind, std::vector<std::uint16_t>& prefix,
                                         std::vector<std::uint16_t>& seen) {
  // Prefix sums of each row, extended by the reach on both sides so that a vision row never
  // wraps: prefix[i] counts sites x = -reach .. i - reach - 1 (mod width). Unsigned 16-bit
  // arithmetic is exact for differences below 65536, whatever the row's total.
  pool_.for_rows(height_, [&](int first, int end) {
    for (int y = first; y < end; ++y) {
      const std::uint8_t* row = kind_.data() + static_cast<std::size_t>(y) * width_;
      std::uint16_t* sums = prefix.data() + y * prefix_stride_;
      sums[0] = 0;
      for (int i = 0; i + 1 < static_cast<int>(prefix_stride_); ++i) {
        int x = i - reach_;
        x += x < 0 ? width_ : (x >= width_ ? -width_ : 0);
        sums[i + 1] = static_cast<std::uint16_t>(sums[i] + (row[x] == kind));
      }
    }
  });
  pool_.for_rows(height_, [&](int first, int end) {
    for (int y = first; y < end; ++y) {
      std::uint16_t* out = seen.data() + static_cast<std::size_t>(y) * width_;
      std::fill(out, out + width_, 0);
      for (const model::RowSpan& span : vision_.spans()) {
        int yy = y + span.dy;
        yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
        // Site x sees [x + first, x + last] of row yy: prefix[x + last + reach + 1] minus
        // prefix[x + first + reach].
        const std::uint16_t* hi = prefix.data() + yy * prefix_stride_ + span.dx_last + reach_ + 1;
        const std::uint16_t* lo = prefix.data() + yy * prefix_stride_ + span.dx_first + reach_;
        for (int x = 0; x < width_; ++x)
          out[x] = static_cast<std::uint16_t>(out[x] + hi[x] - lo[x]);
      }
    }
  });
}

void ParallelEngine::decide_phase() {
  PhaseTimer timer(phase_seconds_[kDecidePhase]);
  const bool own_activation =
      params_.options.jail_countdown == model::JailCountdown::own_activation;
  pool_.for_rows(height_, [&](int first, int end) {
    for (std::uint32_t s = static_cast<std::uint32_t>(first) * width_;
         s < static_cast<std::uint32_t>(end) * width_; ++s) {
      std::uint8_t k = kind_[s];
      if (k == kJailed && own_activation) {
        // Mesa: the term runs down in the prisoner's own activations; at zero it walks free.
        const std::uint32_t left = jail_left_[s];
        if (left == model::kLifeSentence) continue;
        if (left > 0) {
          jail_left_[s] = left - 1;
          continue;
        }
        k = kQuiet;
      }
      if (k != kQuiet && k != kActive) continue;
      const double p = arrest_probability_(cops_seen_[s], 1 + actives_seen_[s]);
      const bool active =
          model::decides_active(hardship_[s], risk_aversion_[s], legitimacy_, p, params_.threshold);
      kind_[s] = active ? kActive : kQuiet;
    }
  });
}

void ParallelEngine::arrest_phase() {
  PhaseTimer timer(phase_seconds_[kArrestPhase]);
  // Each cop picks an active within vision (after this tick's decisions) and bids for it. A
  // recount of the actives tells which cops see none (most, in calm areas), and how many the
  // others see, so a cop's vision is scanned at most once, up to its pick.
  {
    PhaseTimer recount(phase_seconds_[kCountPhase]);
    count_within_vision(kActive, active_prefix_, actives_seen_);
  }
  pool_.for_rows(height_, [&](int first, int end) {
    for (int y = first; y < end; ++y) {
      for (int x = 0; x < width_; ++x) {
        const std::uint32_t s = static_cast<std::uint32_t>(y) * width_ + x;
        if (kind_[s] != kCop || actives_seen_[s] == 0) continue;
        rng::RandomStream rng(key(s, kArrestChoice));
        auto chosen = static_cast<std::uint32_t>(rng.below(actives_seen_[s]));
        for (std::size_t i = 0; i < linear_offsets_.size(); ++i) {
          const std::uint32_t candidate = neighbour(x, y, i);
          if (kind_[candidate] == kActive && chosen-- == 0) {
            claim(candidate, neighbour_row(y, i), s, kArrestChoice, first, end);
            break;
          }
        }
      }
    }
  });
  const bool blocks = params_.options.jailed_block_site;
  const bool end_of_tick = params_.options.jail_countdown == model::JailCountdown::end_of_tick;
  const bool cop_follows =
      cops_move_ && params_.options.cop_after_arrest == model::CopAfterArrest::move_to_arrestee;
  pool_.for_rows(height_, [&](int first, int end) {
    std::vector<Prisoner>& prisoners = new_prisoners_[first];
    std::uint64_t& arrests = arrests_by_block_[first];
    for (std::uint32_t t = static_cast<std::uint32_t>(first) * width_;
         t < static_cast<std::uint32_t>(end) * width_; ++t) {
      if (claims_[t] == kNoClaim) continue;
      const std::uint32_t cop = claims_[t];
      claims_[t] = kNoClaim;
      ++arrests;
      rng::RandomStream rng(key(cop, kJailTerm));
      const std::uint32_t term =
          model::draw_jail_term(rng, params_.options.jail_term_range, params_.max_jail_term);
      // As in the sequential engine: NetLogo holds only a term left, Mesa every arrestee.
      const bool hold = !end_of_tick || term > 0;
      if (!hold) {
        kind_[t] = kQuiet;
      } else if (blocks) {
        kind_[t] = kJailed;
        jail_left_[t] = term;
      } else {
        prisoners.push_back({t, term, hardship_[t], risk_aversion_[t]});
        kind_[t] = kEmpty;
        if (cop_follows) move_agent(cop, t);
      }
    }
  });
  // Blocks in row order, each in site order: the same sequence for any number of threads.
  for (int y = 0; y < height_; ++y) {
    arrests_ += arrests_by_block_[y];
    arrests_by_block_[y] = 0;
    jail_.insert(jail_.end(), new_prisoners_[y].begin(), new_prisoners_[y].end());
    new_prisoners_[y].clear();
  }
}

void ParallelEngine::jail_phase() {
  PhaseTimer timer(phase_seconds_[kJailPhase]);
  const bool end_of_tick = params_.options.jail_countdown == model::JailCountdown::end_of_tick;
  if (end_of_tick) {
    pool_.for_rows(height_, [&](int first, int end) {
      for (std::uint32_t s = static_cast<std::uint32_t>(first) * width_;
           s < static_cast<std::uint32_t>(end) * width_; ++s) {
        if (kind_[s] != kJailed || jail_left_[s] == model::kLifeSentence) continue;
        if (--jail_left_[s] == 0) kind_[s] = kQuiet;
      }
    });
  }
  release_from_jail();
}

void ParallelEngine::release_from_jail() {
  // The jail of citizens who left the lattice. Served terms run down once a tick (whichever
  // countdown option: there is no activation in jail); a citizen whose term is over returns
  // to its site, or waits while the site is taken. The jail's order is the order of arrest.
  std::size_t kept = 0;
  for (Prisoner& p : jail_) {
    if (p.left != model::kLifeSentence && p.left > 0) --p.left;
    if (p.left == 0 && kind_[p.site] == kEmpty) {
      kind_[p.site] = kQuiet;
      hardship_[p.site] = p.hardship;
      risk_aversion_[p.site] = p.risk_aversion;
      continue;
    }
    jail_[kept++] = p;
  }
  jail_.resize(kept);
}

void ParallelEngine::apply_event(const scenario::ScheduleEvent& event) {
  using scenario::ScheduleAction;
  if (const auto legitimacy = legitimacy_after(event, legitimacy_)) {
    legitimacy_ = *legitimacy;
    return;
  }
  // Cops removed or added: sampling without replacement among the cops (or the empty
  // sites), in site order.
  const bool remove = event.action == ScheduleAction::remove_cops;
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t s = 0; s < sites_; ++s) {
    if (kind_[s] == (remove ? kCop : kEmpty)) candidates.push_back(s);
  }
  rng::RandomStream rng(rng::combine(key(0, kEvents), rng::combine(event.tick, event.every)));
  for (int i = 0; i < static_cast<int>(event.value) && !candidates.empty(); ++i) {
    const std::size_t j = rng.below(candidates.size());
    kind_[candidates[j]] = remove ? kEmpty : kCop;
    candidates[j] = candidates.back();
    candidates.pop_back();
  }
}

void ParallelEngine::tally() {
  std::uint64_t quiet = 0, active = 0, jailed = jail_.size(), cops = 0;
  for (std::uint32_t s = 0; s < sites_; ++s) {
    const std::uint8_t k = kind_[s];
    quiet += k == kQuiet;
    active += k == kActive;
    jailed += k == kJailed;
    cops += k == kCop;
  }
  counts_ = TickCounts{.tick = tick_,
                       .quiet = static_cast<std::uint32_t>(quiet),
                       .active = static_cast<std::uint32_t>(active),
                       .jailed = static_cast<std::uint32_t>(jailed),
                       .cops = static_cast<std::uint32_t>(cops),
                       .legitimacy = legitimacy_,
                       .arrests = arrests_};
  if (tick_ > 0) activations_ += quiet + active + jailed + cops;
}

}  // namespace unrest::engine
