#include "unrest/engine/jail.hpp"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace unrest::engine {
namespace {

Jail::Prisoner prisoner(std::uint32_t site, std::uint32_t due) { return {site, due, 7, 0}; }

// Releases at `tick` into the sites not in `taken`; returns the sites released, in order.
std::vector<std::uint32_t> release(Jail& jail, std::int64_t tick, std::set<std::uint32_t>& taken) {
  std::vector<std::uint32_t> out;
  jail.release(tick, [&](const Jail::Prisoner& p) {
    if (taken.contains(p.site)) return false;
    taken.insert(p.site);
    out.push_back(p.site);
    return true;
  });
  return out;
}

TEST(Jail, PrisonersLeaveWhenDueAndNotBefore) {
  Jail jail(30);
  jail.admit(prisoner(1, 5));
  jail.admit(prisoner(2, 3));
  jail.admit_for_life();
  EXPECT_EQ(jail.size(), 3u);
  std::set<std::uint32_t> taken;
  EXPECT_TRUE(release(jail, 2, taken).empty());
  EXPECT_EQ(release(jail, 3, taken), std::vector<std::uint32_t>{2});
  EXPECT_TRUE(release(jail, 4, taken).empty());
  EXPECT_EQ(release(jail, 5, taken), std::vector<std::uint32_t>{1});
  EXPECT_EQ(jail.size(), 1u);  // the life sentence
}

TEST(Jail, ATakenSiteMakesThePrisonerWaitAndWaitersGoFirst) {
  Jail jail(30);
  jail.admit(prisoner(7, 3));
  std::set<std::uint32_t> taken = {7};
  EXPECT_TRUE(release(jail, 3, taken).empty());
  EXPECT_EQ(jail.size(), 1u);
  jail.admit(prisoner(7, 4));  // a second prisoner from the same site, due a tick later
  jail.admit(prisoner(8, 4));
  taken.clear();
  // The one who has waited takes site 7 back; the newly due one from site 7 waits.
  EXPECT_EQ(release(jail, 4, taken), (std::vector<std::uint32_t>{7, 8}));
  EXPECT_EQ(jail.size(), 1u);
  taken.clear();
  EXPECT_EQ(release(jail, 5, taken), std::vector<std::uint32_t>{7});
  EXPECT_EQ(jail.size(), 0u);
}

TEST(Jail, TermsLongerThanTheFilingWaitTheirLap) {
  Jail jail(1'000'000);  // more ticks than buckets: due ticks share buckets
  jail.admit(prisoner(1, 10'000));
  std::set<std::uint32_t> taken;
  for (std::int64_t tick = 1; tick < 10'000; ++tick) {
    ASSERT_TRUE(release(jail, tick, taken).empty()) << tick;
  }
  EXPECT_EQ(release(jail, 10'000, taken), std::vector<std::uint32_t>{1});
}

}  // namespace
}  // namespace unrest::engine
