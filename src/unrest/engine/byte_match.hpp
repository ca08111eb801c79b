#pragma once
// Which of 16 consecutive bytes equal a value, as a bit mask (bit i for p[i]); the arrest
// phase counts and picks active citizens along a vision row with it. Reads all 16 bytes, so
// callers keep 16 readable bytes after p.
#include <array>
#include <cstddef>
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

// Which of 16 consecutive bytes lie in [low, high], as a bit mask; the move phase finds the
// movers of a row with it.
inline std::uint32_t match16_range(const std::uint8_t* p, std::uint8_t low, std::uint8_t high) {
#if defined(__SSE2__)
  // p[i] - low, wrapping, is at most high - low exactly when p[i] is in the range.
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i shifted = _mm_sub_epi8(bytes, _mm_set1_epi8(static_cast<char>(low)));
  const __m128i in_range =
      _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(static_cast<char>(high - low))), shifted);
  return static_cast<std::uint32_t>(_mm_movemask_epi8(in_range));
#else
  std::uint32_t mask = 0;
  for (int i = 0; i < 16; ++i) mask |= static_cast<std::uint32_t>(p[i] >= low && p[i] <= high) << i;
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

// How many of the bytes p[i] selected by `lanes` (16 bytes, 1 where the byte counts and 0
// where not) equal `value`. The arrest phase counts a cop's actives chunk by chunk with it,
// without a popcount instruction, which the build does not assume.
inline std::uint32_t count16(const std::uint8_t* p, std::uint8_t value, const std::uint8_t* lanes) {
#if defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i ones = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lanes));
  const __m128i hits =
      _mm_and_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(value))), ones);
  const __m128i halves = _mm_sad_epu8(hits, _mm_setzero_si128());
  return static_cast<std::uint32_t>(_mm_cvtsi128_si32(halves) +
                                    _mm_cvtsi128_si32(_mm_srli_si128(halves, 8)));
#else
  std::uint32_t count = 0;
  for (int i = 0; i < 16; ++i) count += lanes[i] & static_cast<std::uint32_t>(p[i] == value);
  return count;
#endif
}

// count16 summed over n windows at base + offsets[i] with lanes lanes[i]. The arrest phase
// counts a cop's actives with it before it needs to know where they are: with SSE2 a window
// costs a load, a compare, an and and an add, the sums kept per byte lane for up to 255
// windows at a time.
inline std::uint32_t count_in_windows(const std::uint8_t* base, std::uint8_t value,
                                      const std::int32_t* offsets,
                                      const std::array<std::uint8_t, 16>* lanes, std::size_t n) {
  std::uint32_t total = 0;
#if defined(__SSE2__)
  const __m128i wanted = _mm_set1_epi8(static_cast<char>(value));
  for (std::size_t first = 0; first < n; first += 255) {  // no byte lane passes 255
    const std::size_t end = n - first < 255 ? n : first + 255;
    __m128i sums = _mm_setzero_si128();
    for (std::size_t i = first; i < end; ++i) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + offsets[i]));
      const __m128i ones = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lanes[i].data()));
      sums = _mm_add_epi8(sums, _mm_and_si128(_mm_cmpeq_epi8(bytes, wanted), ones));
    }
    const __m128i halves = _mm_sad_epu8(sums, _mm_setzero_si128());
    total += static_cast<std::uint32_t>(_mm_cvtsi128_si32(halves) +
                                        _mm_cvtsi128_si32(_mm_srli_si128(halves, 8)));
  }
#else
  for (std::size_t i = 0; i < n; ++i) total += count16(base + offsets[i], value, lanes[i].data());
#endif
  return total;
}

}  // namespace unrest::engine
