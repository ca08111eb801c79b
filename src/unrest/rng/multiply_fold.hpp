#pragma once
// A cheaper counter-based hash for the hottest draw of the parallel engine, one per mover per
// tick: the word base + counter * gamma, multiplied by itself xor a constant into 128 bits,
// whose halves are xor-ed together. One wide multiply, against two multiplies and three
// shift-xor rounds for mix64, so it takes about a third of the instructions; the design (and
// the two odd constants) are those of Wang Yi's public-domain wyrand generator, whose
// sequence this is when counter runs 1, 2, 3, ... Not a bijection of the counter, which a
// draw does not need. Keyed per tick and purpose by `base`, a mix64 of the usual key.
#include <cstdint>

namespace unrest::rng {

constexpr std::uint64_t kFoldGamma = 0xa0761d6478bd642fULL;
constexpr std::uint64_t kFoldXor = 0xe7037ed1a0b428dbULL;

// The high and low 64 bits of a * b, xor-ed, on 32-bit halves: for compilers without a
// 128-bit type, and the reference the tests hold the fast one to.
constexpr std::uint64_t fold_multiply_portable(std::uint64_t a, std::uint64_t b) noexcept {
  const std::uint64_t a_lo = a & 0xffffffffu, a_hi = a >> 32;
  const std::uint64_t b_lo = b & 0xffffffffu, b_hi = b >> 32;
  const std::uint64_t lo_lo = a_lo * b_lo, hi_lo = a_hi * b_lo, lo_hi = a_lo * b_hi;
  const std::uint64_t middle = (lo_lo >> 32) + (hi_lo & 0xffffffffu) + lo_hi;  // < 2^64
  const std::uint64_t low = (middle << 32) | (lo_lo & 0xffffffffu);
  const std::uint64_t high = a_hi * b_hi + (hi_lo >> 32) + (middle >> 32);
  return low ^ high;
}

constexpr std::uint64_t fold_multiply(std::uint64_t a, std::uint64_t b) noexcept {
#if defined(__SIZEOF_INT128__)
  __extension__ using u128 = unsigned __int128;
  const u128 product = static_cast<u128>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
#else
  return fold_multiply_portable(a, b);
#endif
}

// The draw for `counter` (a site, say) in the stream keyed by `base`.
constexpr std::uint64_t multiply_fold(std::uint64_t base, std::uint64_t counter) noexcept {
  const std::uint64_t state = base + counter * kFoldGamma;
  return fold_multiply(state, state ^ kFoldXor);
}

}  // namespace unrest::rng
