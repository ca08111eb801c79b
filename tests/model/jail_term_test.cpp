#include "unrest/model/jail_term.hpp"

#include <gtest/gtest.h>

#include <set>

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
