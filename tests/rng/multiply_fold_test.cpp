#include "unrest/rng/multiply_fold.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "unrest/rng/random_stream.hpp"

namespace unrest::rng {
namespace {

TEST(MultiplyFold, WideMultiplyMatchesTheSchoolbookOne) {
  RandomStream r(11);
  for (int i = 0; i < 100000; ++i) {
    const std::uint64_t a = r.next_u64(), b = r.next_u64();
    ASSERT_EQ(fold_multiply(a, b), fold_multiply_portable(a, b)) << a << " " << b;
  }
  // Carries at the extremes.
  EXPECT_EQ(fold_multiply_portable(~0ULL, ~0ULL), fold_multiply(~0ULL, ~0ULL));
  EXPECT_EQ(fold_multiply_portable(1ULL << 63, 2), 1u);
}

double chi_square(const std::vector<std::uint32_t>& counts, double expected) {
  double chi2 = 0;
  for (const std::uint32_t c : counts) chi2 += (c - expected) * (c - expected) / expected;
  return chi2;
}

// The move phase cuts each draw into five 12-bit candidate indices. Each of the five, over
// 2^20 consecutive counters (sites): uniform over 4096 values (chi-square, 4095 degrees of
// freedom, mean 4095 and standard deviation 90.5; the bound is 5 deviations out).
TEST(MultiplyFold, TwelveBitLanesOfConsecutiveCountersAreUniform) {
  const std::uint64_t base = mix64(12345);
  constexpr int kDraws = 1 << 20;
  for (int lane = 0; lane < 5; ++lane) {
    std::vector<std::uint32_t> counts(4096, 0);
    for (std::uint64_t c = 0; c < kDraws; ++c)
      ++counts[(multiply_fold(base, c) >> (12 * lane)) & 0xfff];
    EXPECT_LT(chi_square(counts, kDraws / 4096.0), 4095 + 5 * 90.5) << "lane " << lane;
  }
}

// Neighbouring movers draw with counters one apart, and a mover's draws in two ticks differ
// only in the base: pairs of first lanes (8 bits each) of neighbours, and of one counter
// under two bases, must fill 65,536 cells evenly (chi-square, mean 65,535, deviation 362,
// bound 5 deviations out).
TEST(MultiplyFold, NeighboursAndSuccessiveBasesAreIndependent) {
  constexpr int kPairs = 1 << 22;
  const std::uint64_t base = mix64(1), next_base = mix64(2);
  std::vector<std::uint32_t> neighbours(65536, 0), ticks(65536, 0);
  for (std::uint64_t c = 0; c < kPairs; ++c) {
    const std::uint64_t here = multiply_fold(base, c) & 0xff;
    const std::uint64_t right = multiply_fold(base, c + 1) & 0xff;
    const std::uint64_t later = multiply_fold(next_base, c) & 0xff;
    ++neighbours[(here << 8) | right];
    ++ticks[(here << 8) | later];
  }
  EXPECT_LT(chi_square(neighbours, kPairs / 65536.0), 65535 + 5 * 362.0);
  EXPECT_LT(chi_square(ticks, kPairs / 65536.0), 65535 + 5 * 362.0);
}

}  // namespace
}  // namespace unrest::rng
