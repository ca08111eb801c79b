#pragma once
// Which of 16 consecutive bytes equal a value, as a bit mask (bit i for p[i]); the arrest
// phase counts and picks active citizens along a vision row with it. Reads all 16 bytes, so
// callers keep 16 readable bytes after p.
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace unrest::engine {

inline std::uint32_t match16(const std::uint8_t* p, std::uint8_t value) {
#if defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<std::uint32_t>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(value)))));
#else
  std::uint32_t mask = 0;
  for (int i = 0; i < 16; ++i) mask |= static_cast<std::uint32_t>(p[i] == value) << i;
  return mask;
#endif
}

// Set bits of a 16-bit mask. std::popcount compiles to a library call unless the build
// targets CPUs with a popcount instruction, which ours does not assume.
inline std::uint32_t count_bits16(std::uint32_t mask) {
  mask = mask - ((mask >> 1) & 0x5555u);
  mask = (mask & 0x3333u) + ((mask >> 2) & 0x3333u);
  mask = (mask + (mask >> 4)) & 0x0f0fu;
  return (mask + (mask >> 8)) & 0x1fu;
}

// The bits of `mask` below bit `n` (n <= 16).
inline std::uint32_t low_bits(std::uint32_t mask, int n) { return mask & ((1u << n) - 1u); }

}  // namespace unrest::engine
