#include "unrest/engine/parallel_engine.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "unrest/engine/parallel_purposes.hpp"
#include "unrest/engine/phase_timer.hpp"
#include "unrest/engine/row_kernels.hpp"
#include "unrest/engine/schedule.hpp"
#include "unrest/engine/vision_counter.hpp"
#include "unrest/model/activation.hpp"
#include "unrest/model/activation_cutoff.hpp"
#include "unrest/model/arrest.hpp"
#include "unrest/model/arrest_probability.hpp"
#include "unrest/model/jail_term.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::engine {
namespace {

// The row r (which may lie a few rows outside [0, height)) of a torus.
int wrap_row(int r, int height) { return r < 0 ? r + height : (r >= height ? r - height : r); }

// The distance between rows in memory (ParallelEngine::stride_).
std::uint32_t padded_stride(int width) {
  return static_cast<std::uint32_t>(width % 256 == 0 ? width + 64 : width);
}

}  // namespace

const std::vector<const char*>& ParallelEngine::phase_names() {
  static const std::vector<const char*> names = {"move", "count", "decide", "arrest", "jail"};
  return names;
}

namespace {

// Whether anything in the run reads a citizen's traits after placement.
bool reads_traits(const scenario::Scenario& scenario) {
  if (scenario.model.options.ratio == model::Ratio::literal) return true;
  for (const scenario::ScheduleEvent& event : scenario.schedule) {
    if (legitimacy_after(event, 0.5).has_value()) return true;
  }
  return false;
}

}  // namespace

ParallelEngine::ParallelEngine(const scenario::Scenario& scenario, int threads,
                               CitizenIdentity identity)
    : params_(scenario.model),
      schedule_(scenario.schedule),
      vision_(model::Neighbourhood::make(params_.options.vision_shape, params_.vision,
                                         params_.options.vision_includes_own_site)),
      width_(params_.width),
      height_(params_.height),
      reach_(vision_.reach()),
      sites_(static_cast<std::uint32_t>(width_) * static_cast<std::uint32_t>(height_)),
      stride_(padded_stride(width_)),
      slots_(stride_ * static_cast<std::uint32_t>(height_)),
      keeps_identities_(identity == CitizenIdentity::always || reads_traits(scenario)),
      cops_move_(model::cops_move(params_.citizen_movement, params_.options.movement_off_freezes)),
      packed16_(vision_.size() <= PackedCounts<std::uint16_t>::kMaxVisionSites),
      pool_(std::max(1, threads)),
      bands_(height_, reach_),
      seed_key_(rng::combine(scenario.run.seed, kSeed)),
      legitimacy_(params_.legitimacy),
      kind_(slots_ + 16, kEmpty),
      citizen_(keeps_identities_ ? slots_ : 0, 0),
      cutoff_(slots_, 0),
      // Only prisoners held on their site need it.
      jail_left_(params_.options.jailed_block_site ? slots_ : 0, 0),
      prefix_stride_(static_cast<std::size_t>(width_) + 2 * reach_ + 1),
      scratch_(pool_.size()),
      row_actives_(height_, 0),
      actives_near_(height_, 0),
      jail_(params_.max_jail_term.value_or(1)),
      arrests_by_band_(bands_.count()),
      arrest_probability_(params_.options.ratio, params_.k),
      phase_seconds_(phase_names().size(), 0.0) {
  if (vision_.size() > 65535 || width_ > 65535 ||
      static_cast<std::uint64_t>(stride_) * static_cast<std::uint64_t>(height_) + 16 >
          std::uint64_t{0xffffffff}) {
    throw std::invalid_argument("parallel engine: vision or width too large");
  }
  // 12 bits (five candidates a draw) while that gives each offset at least 8 entries, so at
  // most one candidate in nine is wasted on the own site; 16 bits for visions past 512 sites.
  const auto n = static_cast<std::uint32_t>(vision_.size());
  candidates_.bits = n <= 512 ? 12 : 16;
  const std::uint32_t entries = std::uint32_t{1} << candidates_.bits;
  const std::uint32_t used = entries / n * n;
  for (std::uint32_t e = 0; e < entries; ++e) {
    const model::Offset o = e < used ? vision_.offsets()[e % n] : model::Offset{0, 0};
    candidates_.linear.push_back(o.dy * static_cast<std::int32_t>(stride_) + o.dx);
    candidates_.offset.push_back(o);
  }
  for (int q = 0; q <= vision_.size(); ++q) {
    // cop_active_ratio(r, 1) = r under every rounding, so this is P at ratio q.
    p_by_ratio_.push_back(model::arrest_probability(params_.options.ratio, params_.k, q, 1));
    if (q > 0 && p_by_ratio_[q] < p_by_ratio_[q - 1]) {
      // activation_cutoff needs P nondecreasing; exp is monotonic, so this cannot happen.
      throw std::logic_error("parallel engine: arrest probability decreases with the ratio");
    }
  }
  // Citizens move only where cops do (cops_move_); a kind byte with a mark has had its turn.
  static_assert(kActive == kQuiet + 1 && kCop == kActive + 1);
  first_mover_ = params_.citizen_movement ? kQuiet : kCop;
  build_vision_chunks();
  for (Scratch& s : scratch_) {
    s.xs.resize(width_);
    const std::size_t rows = 2 * reach_ + 2 + 2 * reach_;  // a ring and two halos
    if (packed16_) {
      s.prefix16.resize(rows * prefix_stride_);
      s.counts16.resize(width_);
    } else {
      s.prefix32.resize(rows * prefix_stride_);
      s.counts32.resize(width_);
    }
  }
  place_agents(scenario.run.seed);
  for (std::uint32_t s = 0; s < slots_; ++s) {  // the padding is empty
    tally_.quiet += kind_[s] == kQuiet;
    tally_.cops += kind_[s] == kCop;
  }
  finish_tally();
}

double ParallelEngine::bytes_per_site() const {
  double scratch = 0;
  for (const Scratch& s : scratch_) {
    scratch += static_cast<double>(s.xs.size() * 2 + s.prefix16.size() * 2 + s.prefix32.size() * 4 +
                                   s.counts16.size() * 2 + s.counts32.size() * 4);
  }
  const double per_slot = static_cast<double>(sizeof(std::uint8_t) + sizeof(std::uint16_t));
  return (per_slot * slots_ + static_cast<double>(citizen_.size() * sizeof(std::uint32_t)) +
          static_cast<double>(jail_left_.size() * sizeof(std::uint32_t)) +
          static_cast<double>(traits_.capacity() * sizeof(Traits)) + scratch) /
         sites_;
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
  if (keeps_identities_) traits_.reserve(citizens);
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
    const std::uint32_t slot = slot_of(site);
    kind_[slot] = kind;
    if (kind == kQuiet) {
      const auto hardship = static_cast<float>(rng.uniform());
      const auto risk_aversion = static_cast<float>(rng.uniform());
      cutoff_[slot] = cutoff_for({hardship, risk_aversion});
      if (keeps_identities_) {
        citizen_[slot] = static_cast<std::uint32_t>(traits_.size());
        traits_.push_back({hardship, risk_aversion});
      }
    }
  }
  traits_.shrink_to_fit();  // bernoulli placement may leave spare room
}

std::uint16_t ParallelEngine::cutoff_for(const Traits& traits) const {
  return static_cast<std::uint16_t>(model::activation_cutoff(
      traits.hardship, traits.risk_aversion, legitimacy_, params_.threshold, p_by_ratio_.data(),
      static_cast<std::uint32_t>(p_by_ratio_.size())));
}

void ParallelEngine::require_identities() const {
  if (!keeps_identities_) throw std::logic_error("parallel engine: citizens are not identified");
}

float ParallelEngine::hardship(std::uint32_t site) const {
  require_identities();
  return traits_[citizen_[slot_of(site)]].hardship;
}

void ParallelEngine::refresh_cutoffs() {
  // Cutoffs depend on the legitimacy: after every change of it, for the citizens on the
  // lattice and in jail (scenarios with such changes keep identities).
  require_identities();
  pool_.for_rows(height_, [&](int first, int end) {
    for (std::uint32_t s = static_cast<std::uint32_t>(first) * stride_;
         s < static_cast<std::uint32_t>(end) * stride_; ++s) {
      const int k = kind_[s] & kKindMask;
      if (k == kQuiet || k == kActive || k == kJailed)
        cutoff_[s] = cutoff_for(traits_[citizen_[s]]);
    }
  });
  jail_.for_each([&](Jail::Prisoner& p) { p.cutoff = cutoff_for(traits_[p.citizen]); });
}

bool ParallelEngine::cutoffs_current() const {
  require_identities();
  for (std::uint32_t s = 0; s < slots_; ++s) {
    const int k = kind_[s] & kKindMask;
    if ((k == kQuiet || k == kActive || k == kJailed) &&
        cutoff_[s] != cutoff_for(traits_[citizen_[s]])) {
      return false;
    }
  }
  bool current = true;
  jail_.for_each(
      [&](const Jail::Prisoner& p) { current &= p.cutoff == cutoff_for(traits_[p.citizen]); });
  return current;
}

bool ParallelEngine::step() {
  ++tick_;
  tick_key_ = rng::combine(seed_key_, static_cast<std::uint64_t>(tick_));
  for (const scenario::ScheduleEvent* event : due_events(schedule_, tick_)) apply_event(*event);
  // Each phase is a sweep over the whole lattice: a stop is looked for before each.
  if (params_.options.activation_order == model::ActivationOrder::move_then_act) {
    stop_if_asked();
    move_phase();
    stop_if_asked();
    decide_phase();
    stop_if_asked();
    arrest_phase();
  } else {
    stop_if_asked();
    decide_phase();
    stop_if_asked();
    arrest_phase();
    stop_if_asked();
    move_phase();
  }
  stop_if_asked();
  jail_phase();
  finish_tally();
  return true;
}

// ---- decide ----------------------------------------------------------------------------

void ParallelEngine::decide_phase() {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  // Decisions are written in place, row by row, while the counts of the rows after them
  // still need the rows before them as they were. Within a thread's block the prefix sums
  // run `reach` rows ahead of the decisions; the `reach` rows on either side of a block,
  // which other threads rewrite, are summed by everyone first.
  pool_.for_blocks(height_, [&](int thread, int first, int end) {
    const Clock::time_point halo_start = Clock::now();
    if (packed16_) {
      halo_prefixes<std::uint16_t>(scratch_[thread], first, end);
    } else {
      halo_prefixes<std::uint32_t>(scratch_[thread], first, end);
    }
    scratch_[thread].count_seconds =
        std::chrono::duration<double>(Clock::now() - halo_start).count();
    scratch_[thread].decide_seconds = 0;
  });
  pool_.for_blocks(height_, [&](int thread, int first, int end) {
    scratch_[thread].tally = KindTally{};
    if (packed16_) {
      decide_block<std::uint16_t>(scratch_[thread], first, end);
    } else {
      decide_block<std::uint32_t>(scratch_[thread], first, end);
    }
  });
  double count_seconds = 0, decide_seconds = 0;
  for (const Scratch& s : scratch_) {
    count_seconds += s.count_seconds;
    decide_seconds += s.decide_seconds;
  }
  const double wall = std::chrono::duration<double>(Clock::now() - start).count();
  const double count_share = count_seconds / std::max(1e-12, count_seconds + decide_seconds);
  phase_seconds_[kCountPhase] += wall * count_share;
  phase_seconds_[kDecidePhase] += wall * (1.0 - count_share);
  tally_ = KindTally{};
  for (const Scratch& s : scratch_) {
    tally_.quiet += s.tally.quiet;
    tally_.active += s.tally.active;
    tally_.cops += s.tally.cops;
    tally_.jailed += s.tally.jailed;
  }
}

namespace {

// The packed weight of each kind for the counts: cops and actives, nothing else.
template <typename Packed>
std::array<Packed, 8> weights() {
  std::array<Packed, 8> w{};
  w[ParallelEngine::kCop] = PackedCounts<Packed>::kCop;
  w[ParallelEngine::kActive] = PackedCounts<Packed>::kActive;
  return w;
}

template <typename Packed>
std::vector<Packed>& prefix_store(std::vector<std::uint16_t>& p16,
                                  std::vector<std::uint32_t>& p32) {
  if constexpr (sizeof(Packed) == 2) {
    return p16;
  } else {
    return p32;
  }
}

}  // namespace

template <typename Packed>
void ParallelEngine::halo_prefixes(Scratch& scratch, int first, int end) {
  if (first == end) return;
  static const std::array<Packed, 8> weight = weights<Packed>();
  Packed* halo = prefix_store<Packed>(scratch.prefix16, scratch.prefix32).data() +
                 (2 * reach_ + 2) * prefix_stride_;
  for (int i = 0; i < reach_; ++i) {
    const int above = wrap_row(first - reach_ + i, height_);
    const int below = wrap_row(end + i, height_);
    prefix_row(kind_.data() + static_cast<std::size_t>(above) * stride_, width_, reach_,
               weight.data(), halo + i * prefix_stride_);
    prefix_row(kind_.data() + static_cast<std::size_t>(below) * stride_, width_, reach_,
               weight.data(), halo + (reach_ + i) * prefix_stride_);
  }
}

template <typename Packed>
void ParallelEngine::decide_block(Scratch& scratch, int first, int end) {
  if (first == end) return;
  static const std::array<Packed, 8> weight = weights<Packed>();
  const int ring = 2 * reach_ + 2;
  Packed* own = prefix_store<Packed>(scratch.prefix16, scratch.prefix32).data();
  Packed* top = own + ring * prefix_stride_;
  Packed* bottom = top + reach_ * prefix_stride_;
  // The prefix row of row r, for r in [first - reach, end + reach) (not yet wrapped).
  auto prefix_of = [&](int r) -> Packed* {
    if (r < first) return top + (r - (first - reach_)) * prefix_stride_;
    if (r >= end) return bottom + (r - end) * prefix_stride_;
    return own + ((r - first) % ring) * prefix_stride_;
  };
  auto sum_row = [&](int r) {
    prefix_row(kind_.data() + static_cast<std::size_t>(wrap_row(r, height_)) * stride_, width_,
               reach_, weight.data(), prefix_of(r));
  };
  using Clock = std::chrono::steady_clock;
  Clock::time_point before = Clock::now();
  for (int r = first; r < std::min(end, first + reach_); ++r) sum_row(r);
  std::vector<const Packed*> rows(2 * reach_ + 1);
  Packed* counts = sizeof(Packed) == 2 ? reinterpret_cast<Packed*>(scratch.counts16.data())
                                       : reinterpret_cast<Packed*>(scratch.counts32.data());
  for (int y = first; y < end; ++y) {
    if (y + reach_ < end) sum_row(y + reach_);
    for (int dy = -reach_; dy <= reach_; ++dy) rows[dy + reach_] = prefix_of(y + dy);
    count_row_packed(vision_.spans(), rows.data(), width_, reach_, counts);
    const Clock::time_point counted = Clock::now();
    decide_row<Packed>(y, counts, scratch.tally);
    const Clock::time_point decided = Clock::now();
    scratch.count_seconds += std::chrono::duration<double>(counted - before).count();
    scratch.decide_seconds += std::chrono::duration<double>(decided - counted).count();
    before = decided;
  }
}

void ParallelEngine::release_own_activation(int y) {
  // Mesa: a prisoner's term runs down in its own activations; at zero it walks free and
  // decides at once. (It counted as neither cop nor active in anyone's counts.)
  std::uint8_t* kinds = kind_.data() + static_cast<std::size_t>(y) * stride_;
  std::uint32_t* left = jail_left_.data() + static_cast<std::size_t>(y) * stride_;
  for (int x = 0; x < width_; ++x) {
    if ((kinds[x] & kKindMask) != kJailed || left[x] == model::kLifeSentence) continue;
    if (left[x] > 0) {
      --left[x];
    } else {
      kinds[x] = kQuiet;
    }
  }
}

template <typename Packed>
void ParallelEngine::decide_row(int y, const Packed* counts, KindTally& tally) {
  using Counts = PackedCounts<Packed>;
  if (params_.options.jailed_block_site &&
      params_.options.jail_countdown == model::JailCountdown::own_activation) {
    release_own_activation(y);
  }
  // The width in a local: a member could change under the byte stores, as far as the
  // compiler knows, and the loops would not vectorise.
  const int width = width_;
  std::uint8_t* kinds = kind_.data() + static_cast<std::size_t>(y) * stride_;
  const std::uint16_t* cutoff = cutoff_.data() + static_cast<std::size_t>(y) * stride_;
  // A = 1 + actives within vision; the new kind of a citizen is kQuiet + active. Other kinds
  // lose their marks.
  switch (params_.options.ratio) {
    case model::Ratio::floor:
      static_assert(kQuiet == 1 && kActive == 2);
      decide_row_floor(kinds, counts, cutoff, width, kKindMask);
      break;
    case model::Ratio::round_half_even:
      for (int x = 0; x < width; ++x) {
        const std::uint32_t k = kinds[x] & kKindMask;
        const bool citizen = k - kQuiet < 2u;
        const bool active = model::ratio_below_round_half_even(
            Counts::cops(counts[x]), Counts::actives(counts[x]) + 1, cutoff[x]);
        kinds[x] = static_cast<std::uint8_t>(citizen ? kQuiet + active : k);
      }
      break;
    case model::Ratio::literal: {
      // No whole ratio, so no cutoff: the rule itself.
      const std::uint32_t* citizen = citizen_.data() + static_cast<std::size_t>(y) * stride_;
      for (int x = 0; x < width; ++x) {
        const std::uint32_t k = kinds[x] & kKindMask;
        if (k != kQuiet && k != kActive) {
          kinds[x] = static_cast<std::uint8_t>(k);
          continue;
        }
        const double p = arrest_probability_(static_cast<int>(Counts::cops(counts[x])),
                                             static_cast<int>(Counts::actives(counts[x])) + 1);
        const Traits& t = traits_[citizen[x]];
        const bool active =
            model::decides_active(t.hardship, t.risk_aversion, legitimacy_, p, params_.threshold);
        kinds[x] = static_cast<std::uint8_t>(kQuiet + active);
      }
      break;
    }
  }
  std::uint32_t quiet = 0, active = 0, cops = 0, jailed = 0;
  for (int x = 0; x < width; ++x) {
    quiet += kinds[x] == kQuiet;
    active += kinds[x] == kActive;
    cops += kinds[x] == kCop;
    jailed += kinds[x] == kJailed;
  }
  row_actives_[y] = active;
  tally.quiet += quiet;
  tally.active += active;
  tally.cops += cops;
  tally.jailed += jailed;
}

bool ParallelEngine::marks_cleared() const {
  // Under act_then_move the tick ends with the move; its marks go in the next decision pass,
  // which comes before the next move.
  const bool moves_first =
      params_.options.activation_order == model::ActivationOrder::move_then_act;
  const std::uint8_t forbidden = moves_first ? (kActed | kMoved) : kActed;
  for (std::uint32_t s = 0; s < slots_; ++s) {
    if ((kind_[s] & forbidden) != 0) return false;
  }
  return true;
}

void ParallelEngine::count_vision(std::vector<std::uint16_t>& cops,
                                  std::vector<std::uint16_t>& actives) const {
  cops.assign(sites_, 0);
  actives.assign(sites_, 0);
  using Packed = std::uint32_t;  // enough for any vision
  static const std::array<Packed, 8> weight = weights<Packed>();
  std::vector<std::vector<Packed>> prefixes(height_, std::vector<Packed>(prefix_stride_));
  for (int y = 0; y < height_; ++y) {
    prefix_row(kind_.data() + static_cast<std::size_t>(y) * stride_, width_, reach_, weight.data(),
               prefixes[y].data());
  }
  std::vector<const Packed*> rows(2 * reach_ + 1);
  std::vector<Packed> counts(width_);
  for (int y = 0; y < height_; ++y) {
    for (int dy = -reach_; dy <= reach_; ++dy) {
      rows[dy + reach_] = prefixes[wrap_row(y + dy, height_)].data();
    }
    count_row<Packed>(vision_.spans(), rows.data(), width_, reach_, counts.data());
    for (int x = 0; x < width_; ++x) {
      cops[y * width_ + x] = static_cast<std::uint16_t>(PackedCounts<Packed>::cops(counts[x]));
      actives[y * width_ + x] =
          static_cast<std::uint16_t>(PackedCounts<Packed>::actives(counts[x]));
    }
  }
}

// ---- jail and tally ----------------------------------------------------------------------

void ParallelEngine::jail_phase() {
  PhaseTimer timer(phase_seconds_[kJailPhase]);
  if (params_.options.jailed_block_site &&
      params_.options.jail_countdown == model::JailCountdown::end_of_tick) {
    // Terms of prisoners held on their site run down at the end of the tick.
    std::vector<std::uint64_t> freed(pool_.size(), 0);
    pool_.for_blocks(height_, [&](int thread, int first, int end) {
      for (std::uint32_t s = static_cast<std::uint32_t>(first) * stride_;
           s < static_cast<std::uint32_t>(end) * stride_; ++s) {
        if ((kind_[s] & kKindMask) != kJailed || jail_left_[s] == model::kLifeSentence) continue;
        if (--jail_left_[s] == 0) {
          kind_[s] = kQuiet;
          ++freed[thread];
        }
      }
    });
    for (std::uint64_t f : freed) {
      tally_.jailed -= f;
      tally_.quiet += f;
    }
  }
  jail_.release(
      tick_,
      [&](const Jail::Prisoner& p) {
        if ((kind_[p.site] & kKindMask) != kEmpty) return false;
        kind_[p.site] = kQuiet;
        if (keeps_identities_) citizen_[p.site] = p.citizen;
        cutoff_[p.site] = p.cutoff;
        ++tally_.quiet;
        return true;
      },
      [&](const Jail::Prisoner& p) {
        __builtin_prefetch(kind_.data() + p.site, 1);
        __builtin_prefetch(cutoff_.data() + p.site, 1);
      });
}

void ParallelEngine::finish_tally() {
  counts_ = TickCounts{.tick = tick_,
                       .quiet = static_cast<std::uint32_t>(tally_.quiet),
                       .active = static_cast<std::uint32_t>(tally_.active),
                       .jailed = static_cast<std::uint32_t>(tally_.jailed + jail_.size()),
                       .cops = static_cast<std::uint32_t>(tally_.cops),
                       .legitimacy = legitimacy_,
                       .arrests = arrests_};
  if (tick_ > 0) activations_ += counts_.quiet + counts_.active + counts_.jailed + counts_.cops;
}

// ---- events ------------------------------------------------------------------------------

void ParallelEngine::apply_event(const scenario::ScheduleEvent& event) {
  using scenario::ScheduleAction;
  if (const auto legitimacy = legitimacy_after(event, legitimacy_)) {
    legitimacy_ = *legitimacy;
    refresh_cutoffs();
    return;
  }
  // Cops removed or added: sampling without replacement among the cops (or the empty
  // sites), in site order.
  const bool remove = event.action == ScheduleAction::remove_cops;
  std::vector<std::uint32_t> candidates;  // slots, in site order
  for (std::uint32_t y = 0; y < static_cast<std::uint32_t>(height_); ++y) {
    for (std::uint32_t s = y * stride_; s < y * stride_ + width_; ++s) {
      if ((kind_[s] & kKindMask) == (remove ? kCop : kEmpty)) candidates.push_back(s);
    }
  }
  rng::RandomStream rng(rng::combine(key(0, kEvents), rng::combine(event.tick, event.every)));
  const auto count = static_cast<std::int64_t>(event.value);
  for (std::int64_t i = 0; i < count && !candidates.empty(); ++i) {
    const std::size_t j = rng.below(candidates.size());
    kind_[candidates[j]] = remove ? kEmpty : kCop;
    if (remove) {
      --tally_.cops;
    } else {
      ++tally_.cops;
    }
    candidates[j] = candidates.back();
    candidates.pop_back();
  }
}

}  // namespace unrest::engine
