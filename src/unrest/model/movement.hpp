#pragma once
// Rule M's choice of target: a uniformly random site of the vision that is empty, or none.
//
// Every form takes the first empty one of independent uniform candidates, which is uniform
// over the empty sites, and differs only in what it does when every candidate is taken:
// - the national engine's (`choose_move_target`): up to `tries` offsets, 16 random bits each
//   (four to a 64-bit draw); after that the agent stays (0.7^8, about 6 % of moves at density
//   0.7 with 8 tries);
// - the classic engines' (`choose_move_target_exact`): rounds of four exact uniform
//   candidates, then the exact scan (`choose_by_scan`), so the choice is exactly the classic
//   rule's. The parallel engine draws its candidates in bit lanes from precomputed tables
//   (engine/parallel_moves.cpp) and ends with the same exact scan.
#include <cstdint>
#include <optional>

namespace unrest::model {

// The vision offset that 16 random bits pick among `n` (multiply-shift: off uniform by at most
// n / 65536, a few per mille for the 2,826-site disc of radius 30).
inline std::uint32_t offset_from_bits(std::uint32_t bits16, std::uint32_t n) {
  return (bits16 * n) >> 16;
}

// The index of the target among the `n` vision offsets, or none; `is_empty(k)` says whether
// offset k leads to an empty site. `tries` is a multiple of 4.
template <typename Rng, typename IsEmpty>
std::optional<std::uint32_t> choose_move_target(Rng& rng, std::uint32_t n, int tries,
                                                IsEmpty&& is_empty) {
  if (n == 0) return std::nullopt;
  for (int batch = 0; batch < tries / 4; ++batch) {
    const std::uint64_t bits = rng.next_u64();
    for (int attempt = 0; attempt < 4; ++attempt) {
      const auto r = static_cast<std::uint32_t>(bits >> (16 * attempt)) & 0xFFFFu;
      const std::uint32_t k = offset_from_bits(r, n);
      if (is_empty(k)) return k;
    }
  }
  return std::nullopt;
}

// The exact form: the k-th empty offset with k uniform among the empty ones (`below(m)` draws
// uniformly from [0, m)), or none when none is empty.
template <typename IsEmpty, typename Below>
std::optional<std::uint32_t> choose_by_scan(std::uint32_t n, IsEmpty&& is_empty, Below&& below) {
  std::uint32_t empty = 0;
  for (std::uint32_t i = 0; i < n; ++i) empty += is_empty(i) ? 1u : 0u;
  if (empty == 0) return std::nullopt;
  auto chosen = static_cast<std::uint32_t>(below(empty));
  for (std::uint32_t i = 0; i < n; ++i) {
    if (is_empty(i) && chosen-- == 0) return i;
  }
  return std::nullopt;
}

// The classic engines' form: `rounds` rounds in which `draw4(pick)` fills four uniform offsets
// and `empty_mask(pick)` sets bit k when pick[k] leads to an empty site (tested together, as
// whether a site is empty is a coin flip a branch predictor would lose), the first empty one
// taken; then the exact scan.
template <typename Draw4, typename EmptyMask, typename IsEmpty, typename Below>
std::optional<std::uint32_t> choose_move_target_exact(std::uint32_t n, int rounds, Draw4&& draw4,
                                                      EmptyMask&& empty_mask, IsEmpty&& is_empty,
                                                      Below&& below) {
  std::uint32_t pick[4];
  for (int round = 0; round < rounds; ++round) {
    draw4(pick);
    const unsigned mask = empty_mask(pick);
    if (mask != 0) return pick[__builtin_ctz(mask)];
  }
  return choose_by_scan(n, is_empty, below);
}

}  // namespace unrest::model
