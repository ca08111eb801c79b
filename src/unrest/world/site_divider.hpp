#pragma once
// Exact division of a site index by a divisor fixed for a run (a lattice's width, a cell's
// side) by one multiplication: a hardware division costs 20-40 cycles, and the engine divides
// for every citizen who decides or moves and every entry it files by cell, hundreds of millions
// of times in a large run (docs/PERFORMANCE.md, "Division by multiplication").
//
// The method is that of Lemire, Kaser and Kurz ("Faster remainder by direct computation",
// 2019): for 32-bit n and d > 1, n / d is the high 64 bits of the 128-bit product
// ceil(2^64 / d) n, exactly, for every n.
#include <cstdint>

namespace unrest::world {

__extension__ typedef unsigned __int128 Uint128;

class SiteDivider {
 public:
  SiteDivider() = default;
  // A divisor of 0 would be a caller's bug; it is taken as 1.
  explicit SiteDivider(std::uint32_t divisor)
      : divisor_(divisor < 1 ? 1 : divisor),
        // 2^64 / d rounded up; for d = 1 it would be 2^64, which wraps to 0: quotient() then
        // returns n itself.
        magic_(divisor_ == 1 ? 0 : ~std::uint64_t{0} / divisor_ + 1) {}

  std::uint32_t divisor() const { return divisor_; }

  std::uint32_t quotient(std::uint32_t n) const {
    if (magic_ == 0) return n;
    return static_cast<std::uint32_t>((static_cast<Uint128>(magic_) * n) >> 64);
  }
  std::uint32_t remainder(std::uint32_t n) const { return n - quotient(n) * divisor_; }

 private:
  std::uint32_t divisor_ = 1;
  std::uint64_t magic_ = 0;
};

}  // namespace unrest::world
