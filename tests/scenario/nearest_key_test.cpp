#include "unrest/scenario/nearest_key.hpp"

#include <gtest/gtest.h>

namespace unrest::scenario {
namespace {

TEST(NearestKey, EditDistance) {
  EXPECT_EQ(edit_distance("vision", "vision"), 0u);
  EXPECT_EQ(edit_distance("visoin", "vision"), 2u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(NearestKey, SuggestsTyposButNotNoise) {
  const std::vector<std::string> keys = {"vision", "width", "legitimacy", "cop_density"};
  EXPECT_EQ(nearest_key("visoin", keys), std::optional<std::string>("vision"));
  EXPECT_EQ(nearest_key("legitimcy", keys), std::optional<std::string>("legitimacy"));
  EXPECT_EQ(nearest_key("colour", keys), std::nullopt);
}

}  // namespace
}  // namespace unrest::scenario
