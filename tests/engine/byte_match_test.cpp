#include "unrest/engine/byte_match.hpp"

#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "unrest/rng/random_stream.hpp"

namespace unrest::engine {
namespace {

// Bytes drawn from {0, .., 4} (the kinds), so about one in five matches.
std::vector<std::uint8_t> random_kinds(std::size_t n, std::uint64_t seed) {
  rng::RandomStream rng(seed);
  std::vector<std::uint8_t> bytes(n);
  for (auto& b : bytes) b = static_cast<std::uint8_t>(rng.below(5));
  return bytes;
}

TEST(ByteMatch, Match16AndCountBits16AgreeWithALoop) {
  const auto bytes = random_kinds(4096 + 16, 1);
  for (std::size_t at = 0; at < 4096; at += 7) {
    std::uint32_t expected = 0, ones = 0;
    for (int i = 0; i < 16; ++i) {
      const bool match = bytes[at + i] == 2;
      expected |= static_cast<std::uint32_t>(match) << i;
      ones += match;
    }
    ASSERT_EQ(match16(bytes.data() + at, 2), expected) << at;
    ASSERT_EQ(count_bits16(expected), ones) << at;
  }
}

// Every byte value, marks included, against the ranges the move phase uses and the edges.
TEST(ByteMatch, Match16RangeTakesExactlyTheBytesInTheRange) {
  std::vector<std::uint8_t> bytes(256 + 16);
  for (int v = 0; v < 256; ++v) bytes[v] = static_cast<std::uint8_t>(v);
  const std::vector<std::pair<int, int>> ranges = {{1, 3}, {3, 3}, {0, 0}, {0, 255}, {250, 255}};
  for (const auto& [low, high] : ranges) {
    for (int at = 0; at < 256; at += 16) {
      std::uint32_t expected = 0;
      for (int i = 0; i < 16; ++i) {
        expected |= static_cast<std::uint32_t>(bytes[at + i] >= low && bytes[at + i] <= high) << i;
      }
      ASSERT_EQ(match16_range(bytes.data() + at, static_cast<std::uint8_t>(low),
                              static_cast<std::uint8_t>(high)),
                expected)
          << low << ".." << high << " at " << at;
    }
  }
}

// count16, and count_in_windows over enough windows that every byte lane is flushed several
// times: a lane that wrapped at 256 would lose counts.
TEST(ByteMatch, CountInWindowsCountsTheChosenLanesOfManyWindows) {
  const auto bytes = random_kinds(20000 + 16, 2);
  rng::RandomStream rng(3);
  for (const std::size_t windows :
       {std::size_t{1}, std::size_t{254}, std::size_t{255}, std::size_t{256}, std::size_t{1000}}) {
    std::vector<std::int32_t> offsets;
    std::vector<std::array<std::uint8_t, 16>> lanes;
    std::uint32_t expected = 0;
    for (std::size_t w = 0; w < windows; ++w) {
      offsets.push_back(static_cast<std::int32_t>(rng.below(20000)));
      const int len = 1 + static_cast<int>(rng.below(16));
      std::array<std::uint8_t, 16> l{};
      std::uint32_t here = 0;
      for (int i = 0; i < len; ++i) {
        l[i] = 1;
        here += bytes[offsets.back() + i] == 2;
      }
      lanes.push_back(l);
      ASSERT_EQ(count16(bytes.data() + offsets.back(), 2, l.data()), here);
      expected += here;
    }
    EXPECT_EQ(count_in_windows(bytes.data(), 2, offsets.data(), lanes.data(), windows), expected)
        << windows << " windows";
  }
  // All lanes of 1000 windows of matching bytes: 16,000, past any 8-bit or 16-bit lane.
  const std::vector<std::uint8_t> same(16, 4);
  const std::vector<std::int32_t> at(1000, 0);
  std::array<std::uint8_t, 16> all;
  all.fill(1);
  const std::vector<std::array<std::uint8_t, 16>> all_lanes(1000, all);
  EXPECT_EQ(count_in_windows(same.data(), 4, at.data(), all_lanes.data(), 1000), 16000u);
}

}  // namespace
}  // namespace unrest::engine
