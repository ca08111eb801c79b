#include "unrest/model/neighbourhood.hpp"

#include <gtest/gtest.h>

#include <set>
#include <utility>

namespace unrest::model {
namespace {

TEST(Neighbourhood, SizesOfEachShapeAtRadiusSeven) {
  EXPECT_EQ(Neighbourhood::make(VisionShape::disc, 7, true).size(), 149);
  EXPECT_EQ(Neighbourhood::make(VisionShape::diamond, 7, false).size(), 112);
  EXPECT_EQ(Neighbourhood::make(VisionShape::square, 7, false).size(), 224);
  EXPECT_EQ(Neighbourhood::make(VisionShape::cross, 7, false).size(), 28);
  // The own site is one site more or less.
  EXPECT_EQ(Neighbourhood::make(VisionShape::disc, 7, false).size(), 148);
  EXPECT_EQ(Neighbourhood::make(VisionShape::diamond, 7, true).size(), 113);
}

TEST(Neighbourhood, RadiusOnePointSevenIsTheMooreBlock) {
  const auto n = Neighbourhood::make(VisionShape::disc, 1.7, true);
  EXPECT_EQ(n.size(), 9);
  EXPECT_EQ(n.reach(), 1);
  for (const Offset& o : n.offsets()) {
    EXPECT_LE(std::abs(o.dx), 1);
    EXPECT_LE(std::abs(o.dy), 1);
  }
}

TEST(Neighbourhood, RowSpansCoverExactlyTheOffsets) {
  for (VisionShape shape :
       {VisionShape::disc, VisionShape::diamond, VisionShape::square, VisionShape::cross}) {
    for (bool own : {true, false}) {
      const auto n = Neighbourhood::make(shape, 7, own);
      std::set<std::pair<int, int>> from_offsets, from_spans;
      for (const Offset& o : n.offsets()) from_offsets.insert({o.dx, o.dy});
      std::size_t span_sites = 0;
      for (const RowSpan& s : n.spans()) {
        for (int dx = s.dx_first; dx <= s.dx_last; ++dx, ++span_sites)
          from_spans.insert({dx, s.dy});
      }
      EXPECT_EQ(from_offsets, from_spans) << to_string(shape) << " own=" << own;
      EXPECT_EQ(span_sites, n.offsets().size()) << "a site in two spans";
      EXPECT_EQ(from_offsets.count({0, 0}), own ? 1u : 0u);
    }
  }
}

}  // namespace
}  // namespace unrest::model
