// The parallel engine's arrest phase: cops act one after another within bands, bands of one
// colour at the same time (parallel_engine.hpp, bands.hpp).
#include <bit>
#include <stdexcept>

#include "unrest/engine/byte_match.hpp"
#include "unrest/engine/parallel_engine.hpp"
#include "unrest/engine/parallel_purposes.hpp"
#include "unrest/engine/phase_timer.hpp"
#include "unrest/model/arrest.hpp"
#include "unrest/model/jail_term.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::engine {

void ParallelEngine::arrest_phase() {
  PhaseTimer timer(phase_seconds_[kArrestPhase]);
  if (tally_.active == 0) return;  // nobody to arrest: the usual calm tick costs nothing
  // A cop on row y sees rows y - reach .. y + reach: rows with no active among those are
  // skipped whole.
  std::uint32_t window = 0;
  for (int dy = -reach_; dy <= reach_; ++dy) window += row_actives_[(dy + height_) % height_];
  for (int y = 0; y < height_; ++y) {
    actives_near_[y] = window;
    window -= row_actives_[(y - reach_ + height_) % height_];
    window += row_actives_[(y + reach_ + 1) % height_];
  }
  const std::uint64_t draw = rng::mix64(key(0, kArrestBands));
  const int shift = static_cast<int>((draw >> 1) % static_cast<std::uint64_t>(height_));
  for (int pass = 0; pass < 2; ++pass) {
    const int colour = static_cast<int>(draw & 1) ^ pass;
    // Bands are handed out one at a time: arrests crowd where the outbursts are, so equal
    // shares of bands would be unequal shares of work. Which thread takes a band does not
    // change what the band does.
    pool_.for_each_index(bands_.count_of_colour(colour), [&](int thread, int j) {
      const int band = 2 * j + colour;
      arrest_band(band, shift, arrests_by_band_[band], scratch_[thread]);
    });
  }
  // In a fixed order (colour passes, then bands), whatever thread made them.
  for (int pass = 0; pass < 2; ++pass) {
    const int colour = static_cast<int>(draw & 1) ^ pass;
    for (int band = colour; band < bands_.count(); band += 2) {
      ArrestTally& a = arrests_by_band_[band];
      arrests_ += a.arrests;
      tally_.active -= a.arrests;
      tally_.quiet += a.released_now;
      tally_.jailed += a.jailed_on_site;
      for (const Jail::Prisoner& p : a.prisoners) jail_.admit(p);
      for (std::uint64_t i = 0; i < a.for_life; ++i) jail_.admit_for_life();
      // The mark only kept a cop from arresting twice in this phase; unmarked, it moves in
      // the next move phase like any cop.
      for (std::uint32_t site : a.stepped) kind_[site] = kCop;
      a.arrests = a.released_now = a.jailed_on_site = a.for_life = 0;
      a.prisoners.clear();
      a.stepped.clear();
    }
  }
}

void ParallelEngine::arrest_band(int band, int shift, ArrestTally& out, Scratch& scratch) {
  const std::uint64_t sweep = rng::mix64(key(static_cast<std::uint32_t>(band), kArrestSweep));
  const bool downward = (sweep & 1) != 0;
  const bool rightward = (sweep & 2) != 0;
  const int first = bands_.first_row(band, shift);
  const int rows = bands_.rows(band);
  std::uint16_t* xs = scratch.xs.data();
  for (int i = 0; i < rows; ++i) {
    const int y = (first + (downward ? i : rows - 1 - i)) % height_;
    if (actives_near_[y] == 0) continue;
    // Cops that stepped onto this row after an arrest carry kActed: they have had their turn.
    const std::uint8_t* row = kind_.data() + static_cast<std::size_t>(y) * stride_;
    // Cops are one site in 25: found 16 sites at a time (match16 reads past the row's end
    // into the next row or the padding, and those bits are dropped).
    int n = 0;
    for (int x = 0; x < width_; x += 16) {
      std::uint32_t mask = low_bits(match16(row + x, kCop), std::min(16, width_ - x));
      for (; mask != 0; mask &= mask - 1) {
        xs[n++] = static_cast<std::uint16_t>(x + std::countr_zero(mask));
      }
    }
    const bool interior_row = y >= reach_ && y < height_ - reach_;
    for (int j = 0; j < n; ++j) {
      const int x = xs[rightward ? j : n - 1 - j];
      arrest_by(x, y, interior_row && x >= reach_ && x < width_ - reach_, out);
    }
  }
  // The prisoners' citizen indices and cutoffs, read only now: each is a cache miss, and here
  // they are independent loads that overlap, where at the arrest each stalled the next cop.
  // Nothing has written the vacated sites' since (cops that step onto them carry none).
  for (Jail::Prisoner& p : out.prisoners) {
    p.citizen = keeps_identities_ ? citizen_[p.site] : 0;
    p.cutoff = cutoff_[p.site];
  }
}

void ParallelEngine::build_vision_chunks() {
  for (const model::RowSpan& span : vision_.spans()) {
    for (int dx = span.dx_first; dx <= span.dx_last; dx += 16) {
      const int len = std::min(16, span.dx_last - dx + 1);
      const std::int32_t offset = span.dy * static_cast<std::int32_t>(stride_) + dx;
      vision_chunks_.push_back({offset, low_bits(0xffffu, len)});
      chunk_offsets_.push_back(offset);
      std::array<std::uint8_t, 16> lanes{};
      for (int i = 0; i < len; ++i) lanes[i] = 1;
      chunk_lanes_.push_back(lanes);
    }
  }
}

template <typename Visit>
bool ParallelEngine::for_each_wrapped_in_vision(int x, int y, Visit visit) const {
  // Span by span, each left to right: the order of the chunks away from the edges.
  for (const model::RowSpan& span : vision_.spans()) {
    int yy = y + span.dy;
    yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
    for (int dx = span.dx_first; dx <= span.dx_last; ++dx) {
      int xx = x + dx;
      xx += xx < 0 ? width_ : (xx >= width_ ? -width_ : 0);
      if (visit(static_cast<std::uint32_t>(yy) * stride_ + static_cast<std::uint32_t>(xx))) {
        return true;
      }
    }
  }
  return false;
}

std::uint32_t ParallelEngine::actives_in_vision(int x, int y, bool interior) const {
  if (interior) {
    // Counted before anything else: half the cops of a busy tick see none, and they are
    // done after a load, a compare and two adds a vision row.
    const std::uint8_t* at = kind_.data() + static_cast<std::size_t>(y) * stride_ + x;
    return count_in_windows(at, kActive, chunk_offsets_.data(), chunk_lanes_.data(),
                            chunk_offsets_.size());
  }
  std::uint32_t count = 0;  // near the edges, site by site
  for_each_wrapped_in_vision(x, y, [&](std::uint32_t site) {
    count += kind_[site] == kActive;
    return false;
  });
  return count;
}

std::uint32_t ParallelEngine::nth_active_in_vision(int x, int y, bool interior,
                                                   std::uint32_t n) const {
  // The actives in the order of the vision's spans, each left to right; n < their number.
  if (interior) {
    const std::uint32_t cop = static_cast<std::uint32_t>(y) * stride_ + x;
    for (std::size_t i = 0; i < vision_chunks_.size(); ++i) {
      const std::uint32_t start = cop + vision_chunks_[i].offset;
      const std::uint32_t here = count16(kind_.data() + start, kActive, chunk_lanes_[i].data());
      if (n < here) {
        std::uint32_t mask = match16(kind_.data() + start, kActive) & vision_chunks_[i].lanes;
        for (; n > 0; --n) mask &= mask - 1;
        return start + static_cast<std::uint32_t>(std::countr_zero(mask));
      }
      n -= here;
    }
  } else {
    std::uint32_t found = 0;
    if (for_each_wrapped_in_vision(x, y, [&](std::uint32_t site) {
          found = site;
          return kind_[site] == kActive && n-- == 0;
        })) {
      return found;
    }
  }
  throw std::logic_error("parallel engine: fewer actives in vision than counted");
}

void ParallelEngine::arrest_by(int x, int y, bool interior, ArrestTally& out) {
  const std::uint32_t cop = static_cast<std::uint32_t>(y) * stride_ + x;
  const std::uint32_t cop_site = static_cast<std::uint32_t>(y) * width_ + x;  // for the draws
  const std::uint32_t actives = actives_in_vision(x, y, interior);
  if (actives == 0) return;
  rng::RandomStream choice(key(cop_site, kArrestChoice));
  const std::uint32_t arrestee =
      nth_active_in_vision(x, y, interior, model::choose_arrestee(choice, actives));
  ++out.arrests;
  rng::RandomStream term_stream(key(cop_site, kJailTerm));
  const std::uint32_t term =
      model::draw_jail_term(term_stream, params_.options.jail_term_range, params_.max_jail_term);
  // As in the sequential engine: NetLogo holds only a term left, Mesa every arrestee.
  if (!model::holds_arrestee(params_.options.jail_countdown, term)) {
    kind_[arrestee] = kQuiet;
    ++out.released_now;
  } else if (params_.options.jailed_block_site) {
    kind_[arrestee] = kJailed;
    jail_left_[arrestee] = term;
    ++out.jailed_on_site;
  } else {
    if (term == model::kLifeSentence) {
      ++out.for_life;
    } else {
      // Served at the end of this tick and the next term - 1 (a term of 0, held under the
      // own-activation countdown, as one of 1).
      const std::int64_t due = tick_ + std::max<std::uint32_t>(term, 1) - 1;
      out.prisoners.push_back({arrestee, static_cast<std::uint32_t>(due), 0, 0});
    }
    kind_[arrestee] = kEmpty;
    if (model::steps_onto_arrestee(params_.options.cop_after_arrest, cops_move_)) {
      kind_[arrestee] = kCop | kActed;
      kind_[cop] = kEmpty;
      out.stepped.push_back(arrestee);
    }
  }
}

}  // namespace unrest::engine
