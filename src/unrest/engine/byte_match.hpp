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

// How many bytes equal a value, over any number of 16-byte windows, each with its own lanes
// (`lanes`: 16 bytes, 1 where the byte counts and 0 where not). The arrest phase counts a
// cop's actives with it before it needs to know where they are; with SSE2 a window costs four
// instructions, against a popcount of a movemask for match16.
class ByteCounter {
 public:
  explicit ByteCounter(std::uint8_t value) : value_(value) {
#if defined(__SSE2__)
    wanted_ = _mm_set1_epi8(static_cast<char>(value_));
    sums_ = _mm_setzero_si128();
#endif
  }

  void add(const std::uint8_t* p, const std::uint8_t* lanes) {
#if defined(__SSE2__)
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i ones = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lanes));
    sums_ = _mm_add_epi8(sums_, _mm_and_si128(_mm_cmpeq_epi8(bytes, wanted_), ones));
    if (++pending_ == 255) flush();  // before a byte lane could overflow
#else
    for (int i = 0; i < 16; ++i) total_ += lanes[i] & static_cast<std::uint32_t>(p[i] == value_);
#endif
  }

  std::uint32_t total() {
#if defined(__SSE2__)
    flush();
#endif
    return total_;
  }

 private:
#if defined(__SSE2__)
  void flush() {
    const __m128i halves = _mm_sad_epu8(sums_, _mm_setzero_si128());
    total_ += static_cast<std::uint32_t>(_mm_cvtsi128_si32(halves) +
                                         _mm_cvtsi128_si32(_mm_srli_si128(halves, 8)));
    sums_ = _mm_setzero_si128();
    pending_ = 0;
  }
  __m128i wanted_;
  __m128i sums_;  // per byte lane, fewer than 256 windows' worth
  int pending_ = 0;
#endif
  std::uint8_t value_;
  std::uint32_t total_ = 0;
};

}  // namespace unrest::engine
