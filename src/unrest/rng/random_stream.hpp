#pragma once
// Random numbers for the engines.
//
// Every draw is a pure function of (key, counter): `mix64` is a strong 64-bit finaliser, so
// hashing a key with an incrementing counter gives an independent-looking stream. The same
// function lets a parallel engine derive a draw from (seed, tick, agent, purpose) without any
// shared state, and the sequential engine use one stream per run. We write our own rather than
// use <random> because the standard distributions are implementation-defined: outputs must be
// bit-identical on every compiler and standard library.
#include <cstdint>

namespace unrest::rng {

// A bijective avalanche mix of 64 bits (the "splitmix64" finaliser constants).
constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Combines several words into one key; order matters.
constexpr std::uint64_t combine(std::uint64_t a, std::uint64_t b) noexcept {
  return mix64(a ^ (mix64(b) + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2)));
}

// Uniform double in [0, 1) from the top 53 bits.
constexpr double to_unit_double(std::uint64_t bits) noexcept {
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

// A stream of draws: counter-based, cheap to copy, and reproducible from its key.
class RandomStream {
 public:
  explicit constexpr RandomStream(std::uint64_t key) noexcept : key_(mix64(key)) {}

  constexpr std::uint64_t next_u64() noexcept {
    counter_ += 0x9e3779b97f4a7c15ULL;
    return mix64(key_ + counter_);
  }

  // Uniform double in [0, 1).
  constexpr double uniform() noexcept { return to_unit_double(next_u64()); }

  // Uniform integer in [0, bound), bound > 0, exactly unbiased (multiply-and-reject).
  std::uint64_t below(std::uint64_t bound) noexcept {
    std::uint64_t x = next_u64();
    __uint128_t m = static_cast<__uint128_t>(x) * bound;
    auto low = static_cast<std::uint64_t>(m);
    if (low < bound) {
      const std::uint64_t reject_under = (0 - bound) % bound;
      while (low < reject_under) {
        x = next_u64();
        m = static_cast<__uint128_t>(x) * bound;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

  // Uniform 32-bit index in [0, bound) for the hot loops; bound < 2^32.
  std::uint32_t below32(std::uint32_t bound) noexcept {
    return static_cast<std::uint32_t>(below(bound));
  }

  // Four independent uniform indices in [0, bound) from two 64-bit draws (each half of a draw
  // is one 32-bit multiply-and-reject), for sampling several candidates at once.
  void below32x4(std::uint32_t bound, std::uint32_t out[4]) noexcept {
    const std::uint64_t a = next_u64();
    const std::uint64_t b = next_u64();
    out[0] = below32_from(static_cast<std::uint32_t>(a), bound);
    out[1] = below32_from(static_cast<std::uint32_t>(a >> 32), bound);
    out[2] = below32_from(static_cast<std::uint32_t>(b), bound);
    out[3] = below32_from(static_cast<std::uint32_t>(b >> 32), bound);
  }

 private:
  // Maps 32 random bits to [0, bound) exactly: the rare biased low products are redrawn.
  std::uint32_t below32_from(std::uint32_t bits, std::uint32_t bound) noexcept {
    std::uint64_t m = static_cast<std::uint64_t>(bits) * bound;
    auto low = static_cast<std::uint32_t>(m);
    if (low < bound) {
      const std::uint32_t reject_under = (0u - bound) % bound;
      while (low < reject_under) {
        m = static_cast<std::uint64_t>(static_cast<std::uint32_t>(next_u64())) * bound;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  std::uint64_t key_;
  std::uint64_t counter_ = 0;
};

}  // namespace unrest::rng
