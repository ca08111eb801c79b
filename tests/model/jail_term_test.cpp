#include "unrest/model/jail_term.hpp"

#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "unrest/rng/random_stream.hpp"

namespace unrest::model {
namespace {

std::set<std::uint32_t> terms_drawn(JailTermRange range, MaxJailTerm max) {
  rng::RandomStream r(11);
  std::set<std::uint32_t> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(draw_jail_term(r, range, max));
  return seen;
}

TEST(JailTerm, ExclusiveRangeIsZeroToJmaxMinusOne) {
  const auto seen = terms_drawn(JailTermRange::exclusive, 30);
  EXPECT_EQ(seen.size(), 30u);
  EXPECT_EQ(*seen.begin(), 0u);
  EXPECT_EQ(*seen.rbegin(), 29u);
}

TEST(JailTerm, ABoundedRangeCoversItsEndsUniformly) {
  rng::RandomStream r(5);
  std::vector<int> count(11, 0);
  const int draws = 110000;
  for (int i = 0; i < draws; ++i) {
    const std::int64_t t = draw_jail_term_between(r, 72, 82);
    ASSERT_GE(t, 72);
    ASSERT_LE(t, 82);
    ++count[static_cast<std::size_t>(t - 72)];
  }
  // Chi-square with 10 degrees of freedom: 29.6 is its 0.1 % point.
  double chi2 = 0;
  for (int c : count) chi2 += (c - draws / 11.0) * (c - draws / 11.0) / (draws / 11.0);
  EXPECT_LT(chi2, 29.6);
  EXPECT_EQ(draw_jail_term_between(r, 5, 5), 5);
}

TEST(JailTerm, TheClassicRangesAreBoundedRangesFromZero) {
  // Same stream, same draws: {0..Jmax-1} and {0..Jmax} are the bounded rule's special cases.
  rng::RandomStream a(9), b(9), c(9), d(9);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(draw_jail_term(a, JailTermRange::exclusive, 30),
              static_cast<std::uint32_t>(draw_jail_term_between(b, 0, 29)));
    EXPECT_EQ(draw_jail_term(c, JailTermRange::inclusive, 30),
              static_cast<std::uint32_t>(draw_jail_term_between(d, 0, 30)));
  }
}

TEST(JailTerm, InclusiveRangeIsZeroToJmax) {
  const auto seen = terms_drawn(JailTermRange::inclusive, 30);
  EXPECT_EQ(seen.size(), 31u);
  EXPECT_EQ(*seen.begin(), 0u);
  EXPECT_EQ(*seen.rbegin(), 30u);
}

TEST(JailTerm, InfiniteMaximumIsALifeSentence) {
  const auto seen = terms_drawn(JailTermRange::exclusive, std::nullopt);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(*seen.begin(), kLifeSentence);
}

}  // namespace
}  // namespace unrest::model
