#pragma once
// Rule M's choice of target: a uniformly random site of the vision that is empty, or none.
//
// The national engine's form: up to `tries` vision offsets drawn uniformly, 16 random bits
// each (four to a 64-bit draw), the first empty one taken. Accepted targets are uniform over
// the empty sites, as the classic rule asks (the first empty one of independent uniform
// candidates is); when every try hits an occupied site the agent stays (0.7^8, about 6 % of
// moves at density 0.7 with 8 tries), where the classic engines go on to an exact scan.
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

}  // namespace unrest::model
