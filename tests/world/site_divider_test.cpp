// Division by multiplication must equal the hardware's division for every site index: checked
// for every dividend up to 2^18 and at the top of the 32-bit range, for the divisors the engine
// uses (widths and cell sides) and for awkward ones (1, powers of two, primes, the largest).
#include "unrest/world/site_divider.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "unrest/rng/random_stream.hpp"

namespace unrest::world {
namespace {

void expect_exact(std::uint32_t d, std::uint32_t n) {
  const SiteDivider divider(d);
  ASSERT_EQ(divider.quotient(n), n / d) << n << " / " << d;
  ASSERT_EQ(divider.remainder(n), n % d) << n << " % " << d;
}

TEST(SiteDivider, EqualsTheHardwareDivision) {
  const std::vector<std::uint32_t> divisors{1,    2,     3,     7,          15,         16,
                                            30,   60,    90,    641,        1024,       4097,
                                            9990, 65521, 65536, 2147483647, 4294967291, 4294967295};
  rng::RandomStream draw(3);
  for (const std::uint32_t d : divisors) {
    for (std::uint32_t n = 0; n < (1u << 18); ++n) expect_exact(d, n);
    for (std::uint32_t n = 0xFFFFFFFFu; n > 0xFFFFFFFFu - (1u << 16); --n) expect_exact(d, n);
    for (int i = 0; i < 100000; ++i) {
      expect_exact(d, static_cast<std::uint32_t>(draw.below(std::uint64_t{1} << 32)));
    }
    // Around the multiples of the divisor, where a rounding error would show.
    for (std::uint64_t m = d; m <= 0xFFFFFFFFu; m += std::uint64_t{d} * 9973 + 1) {
      expect_exact(d, static_cast<std::uint32_t>(m));
      expect_exact(d, static_cast<std::uint32_t>(m - 1));
    }
  }
}

TEST(SiteDivider, TakesZeroAsOne) {
  const SiteDivider divider(0);
  EXPECT_EQ(divider.divisor(), 1u);
  EXPECT_EQ(divider.quotient(12345), 12345u);
  EXPECT_EQ(divider.remainder(12345), 0u);
}

}  // namespace
}  // namespace unrest::world
