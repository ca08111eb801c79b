// The parallel engine's move phase: agents move one after another within bands, bands of one
// colour at the same time (parallel_engine.hpp, bands.hpp).
#include <bit>

#include "unrest/engine/byte_match.hpp"
#include "unrest/engine/parallel_engine.hpp"
#include "unrest/engine/parallel_purposes.hpp"
#include "unrest/engine/phase_timer.hpp"
#include "unrest/model/movement.hpp"
#include "unrest/rng/multiply_fold.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::engine {
namespace {

// Rounds of candidate sites before the exact scan of the whole vision: with three sites in
// four taken (run 2) and five candidates a round, one round in five finds none, and one
// mover in 10^5 needs the scan.
constexpr int kMoveRounds = 8;
// A band is swept in blocks of this many columns, each block row by row, so that what the
// movers of a block touch (the block's rows and `reach` rows either side) stays in cache.
constexpr int kBlockColumns = 256;

// Candidates for a mover away from the torus' edges: kBits bits of `bits` each index the
// candidate table (linear offsets); the target is the first candidate that is empty.
template <int kBits>
inline bool first_empty_candidate(std::uint64_t bits, std::uint32_t site, const std::int32_t* table,
                                  const std::uint8_t* kind, std::uint32_t& target) {
  constexpr int kLanes = 64 / kBits;
  constexpr std::uint64_t kMask = (std::uint64_t{1} << kBits) - 1;
  // From the last candidate to the first, each empty one replacing the choice so far: a
  // compare and a conditional move a candidate, and the first empty one is left.
  std::uint32_t chosen = site;  // the own site: taken, so "none"
  for (int lane = kLanes - 1; lane >= 0; --lane) {
    const std::uint32_t candidate = site + table[(bits >> (kBits * lane)) & kMask];
    chosen = kind[candidate] == 0 ? candidate : chosen;
  }
  target = chosen;
  return chosen != site;
}

// The 16 low bits of `mask` in reverse order.
inline std::uint32_t reverse_bits16(std::uint32_t mask) {
  mask = ((mask & 0x5555u) << 1) | ((mask >> 1) & 0x5555u);
  mask = ((mask & 0x3333u) << 2) | ((mask >> 2) & 0x3333u);
  mask = ((mask & 0x0f0fu) << 4) | ((mask >> 4) & 0x0f0fu);
  return ((mask & 0x00ffu) << 8) | ((mask >> 8) & 0x00ffu);
}

}  // namespace

void ParallelEngine::move_phase() {
  PhaseTimer timer(phase_seconds_[kMovePhase]);
  if (!params_.citizen_movement && !cops_move_) return;
  const std::uint64_t draw = rng::mix64(key(0, kMoveBands));
  const int shift = static_cast<int>((draw >> 1) % static_cast<std::uint64_t>(height_));
  for (int pass = 0; pass < 2; ++pass) {
    const int colour = static_cast<int>(draw & 1) ^ pass;
    // Bands are handed out one at a time, so that a thread slowed by the machine (or by a
    // band with more movers) does not hold the other up; which thread moves a band does not
    // change what the band does.
    pool_.for_each_index(bands_.count_of_colour(colour), [&](int, int j) {
      const int band = 2 * j + colour;
      if (candidates_.bits == 12) {
        keeps_identities_ ? move_band<12, true>(band, shift) : move_band<12, false>(band, shift);
      } else {
        keeps_identities_ ? move_band<16, true>(band, shift) : move_band<16, false>(band, shift);
      }
    });
  }
}

template <int kBits, bool kIdentities>
void ParallelEngine::move_band(int band, int shift) {
  // The sweep: column blocks left to right or right to left, and in each block the rows top
  // down or bottom up and each row's movers left to right or right to left, all four drawn
  // for the band and tick. Any fixed order would let the agents that move late (who find
  // the sites of those before them vacated) drift one way.
  const std::uint64_t sweep = rng::mix64(key(static_cast<std::uint32_t>(band), kMoveSweep));
  const bool downward = (sweep & 1) != 0;
  const bool rightward = (sweep & 2) != 0;
  const int first = bands_.first_row(band, shift);
  const int rows = bands_.rows(band);
  const int blocks = (width_ + kBlockColumns - 1) / kBlockColumns;
  // Locals, not members: the compiler cannot keep members in registers across the byte
  // stores below, which may alias anything.
  std::uint8_t* const kind = kind_.data();
  std::uint32_t* const citizen = citizen_.data();
  std::uint16_t* const cutoff = cutoff_.data();
  const std::int32_t* const table = candidates_.linear.data();
  const std::uint8_t first_mover = first_mover_;
  // One draw a mover, keyed by the site: the cheap hash (rng/multiply_fold.hpp) took 7 % off
  // the move phase against mix64 of the site's key.
  const std::uint64_t move_base = rng::mix64(key(0, kMove));
  const int width = width_;
  const int reach = reach_;
  const int flip = rightward ? 0 : 15;
  for (int b = 0; b < blocks; ++b) {
    const int block = rightward ? b : blocks - 1 - b;
    const int x_first = block * kBlockColumns;
    const int x_end = std::min(width, x_first + kBlockColumns);
    const int chunks = (x_end - x_first + 15) / 16;
    for (int i = 0; i < rows; ++i) {
      const int y = (first + (downward ? i : rows - 1 - i)) % height_;
      const std::uint32_t row = static_cast<std::uint32_t>(y) * stride_;
      const std::uint32_t row_site = static_cast<std::uint32_t>(y) * width;
      const bool interior_row = y >= reach && y < height_ - reach;
      for (int c = 0; c < chunks; ++c) {
        // The movers of 16 sites of the row as they are when the sweep reaches them: agents
        // that moved into them have had their turn and carry a mark, which takes them out of
        // the range, and no one leaves a site but by its own move.
        const int x0 = x_first + 16 * (rightward ? c : chunks - 1 - c);
        std::uint32_t movers =
            low_bits(match16_range(kind + row + x0, first_mover, kCop), std::min(16, x_end - x0));
        const bool interior_chunk = interior_row && x0 >= reach && x0 + 16 <= width - reach;
        // Leftward, the mask is reversed and bit i stands for site 15 - i = i ^ 15, so both
        // directions take the lowest bit first.
        if (!rightward) movers = reverse_bits16(movers);
        for (; movers != 0; movers &= movers - 1) {
          const int x = x0 + (std::countr_zero(movers) ^ flip);
          const std::uint32_t site = row + x;
          const bool interior = interior_chunk || (interior_row && x >= reach && x < width - reach);
          // The target is the first empty one among candidates drawn uniformly from the
          // vision, so it is uniform among the empty sites. Each candidate is a few bits of a
          // 64-bit draw looking up a table in which every offset appears equally often and
          // the left-over entries point at the mover's own site, which is never empty.
          const std::uint64_t mixed = rng::multiply_fold(move_base, row_site + x);
          std::uint32_t target = 0;
          if (!(interior && first_empty_candidate<kBits>(mixed, site, table, kind, target)) &&
              !later_candidates<kBits>(x, y, mixed, interior, target)) {
            continue;  // nowhere to go
          }
          kind[target] = static_cast<std::uint8_t>(kind[site] | kMoved);
          if constexpr (kIdentities) citizen[target] = citizen[site];
          cutoff[target] = cutoff[site];
          kind[site] = kEmpty;
        }
      }
    }
  }
}

template <int kBits>
bool ParallelEngine::later_candidates(int x, int y, std::uint64_t mixed, bool interior,
                                      std::uint32_t& target) const {
  // What follows a first round that found nothing, or replaces it near the edges: more
  // rounds from a stream keyed by the first draw, then the exact scan.
  constexpr int kLanes = 64 / kBits;
  constexpr std::uint64_t kMask = (std::uint64_t{1} << kBits) - 1;
  const std::uint32_t site = static_cast<std::uint32_t>(y) * stride_ + x;
  auto round = [&](std::uint64_t bits) {
    if (interior)
      return first_empty_candidate<kBits>(bits, site, candidates_.linear.data(), kind_.data(),
                                          target);
    for (int lane = 0; lane < kLanes; ++lane) {
      const std::uint32_t candidate = wrapped_candidate(x, y, (bits >> (kBits * lane)) & kMask);
      if (kind_[candidate] == kEmpty) {
        target = candidate;
        return true;
      }
    }
    return false;
  };
  if (!interior && round(mixed)) return true;
  rng::RandomStream more(mixed);
  for (int r = 1; r < kMoveRounds; ++r) {
    if (round(more.next_u64())) return true;
  }
  return exact_empty_site(x, y, more, target);
}

std::uint32_t ParallelEngine::wrapped_candidate(int x, int y, std::uint32_t entry) const {
  const model::Offset& o = candidates_.offset[entry];
  int xx = x + o.dx, yy = y + o.dy;
  xx += xx < 0 ? width_ : (xx >= width_ ? -width_ : 0);
  yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
  return static_cast<std::uint32_t>(yy) * stride_ + xx;
}

std::uint32_t ParallelEngine::neighbour(int x, int y, std::size_t offset) const {
  const model::Offset& o = vision_.offsets()[offset];
  int xx = x + o.dx, yy = y + o.dy;
  xx += xx < 0 ? width_ : (xx >= width_ ? -width_ : 0);
  yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
  return static_cast<std::uint32_t>(yy) * stride_ + xx;
}

template <typename Stream>
bool ParallelEngine::exact_empty_site(int x, int y, Stream& stream, std::uint32_t& target) const {
  const auto n = static_cast<std::uint32_t>(vision_.size());
  const auto chosen = model::choose_by_scan(
      n, [&](std::uint32_t i) { return kind_[neighbour(x, y, i)] == kEmpty; },
      [&](std::uint32_t m) { return stream.below(m); });
  if (!chosen) return false;
  target = neighbour(x, y, *chosen);
  return true;
}

}  // namespace unrest::engine
