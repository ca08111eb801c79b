#include "unrest/rng/random_stream.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace unrest::rng {
namespace {

TEST(RandomStream, SameKeyGivesSameStreamAndOtherKeysDiffer) {
  RandomStream a(42), b(42), c(43);
  int differences = 0;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next_u64();
    EXPECT_EQ(x, b.next_u64());
    differences += x != c.next_u64();
  }
  EXPECT_EQ(differences, 100);
}

TEST(RandomStream, UniformStaysInUnitInterval) {
  RandomStream r(7);
  for (int i = 0; i < 100000; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

// Chi-square test of below(n) and below32x4(n) against the uniform law: with 148 degrees of
// freedom the 99.9 % quantile is about 208; a fixed seed makes the test deterministic.
double chi_square(const std::vector<int>& counts, double expected) {
  double chi2 = 0;
  for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  return chi2;
}

TEST(RandomStream, BoundedDrawsAreUniform) {
  constexpr int kBins = 149;
  constexpr int kDraws = 149 * 1000;
  RandomStream r(2024);
  std::vector<int> single(kBins, 0), batched(kBins, 0);
  for (int i = 0; i < kDraws; ++i) ++single[r.below(kBins)];
  std::uint32_t four[4];
  for (int i = 0; i < kDraws / 4; ++i) {
    r.below32x4(kBins, four);
    for (auto v : four) ++batched[v];
  }
  EXPECT_LT(chi_square(single, kDraws / double(kBins)), 208.0);
  EXPECT_LT(chi_square(batched, (kDraws / 4) * 4 / double(kBins)), 208.0);
}

TEST(RandomStream, BelowNeverReachesBound) {
  RandomStream r(3);
  for (std::uint64_t bound : {1ULL, 2ULL, 3ULL, 1000ULL, (1ULL << 63) + 5}) {
    for (int i = 0; i < 1000; ++i) ASSERT_LT(r.below(bound), bound);
  }
}

}  // namespace
}  // namespace unrest::rng
