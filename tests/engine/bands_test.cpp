#include "unrest/engine/bands.hpp"

#include <gtest/gtest.h>

#include <set>

namespace unrest::engine {
namespace {

// Rows within `reach` of any row of band i, modulo the height.
std::set<int> reached_rows(const Bands& bands, int band, int shift, int reach, int height) {
  std::set<int> rows;
  for (int r = -reach; r < bands.rows(band) + reach; ++r) {
    rows.insert(((bands.first_row(band, shift) + r) % height + height) % height);
  }
  return rows;
}

TEST(Bands, CoverTheTorusWithAnEvenNumberOfHighEnoughBands) {
  for (int reach = 1; reach <= 7; ++reach) {
    for (int height = 2 * reach + 1; height <= 130; ++height) {
      const Bands bands(height, reach);
      if (height >= 2 * (2 * reach + 1)) {
        EXPECT_EQ(bands.count() % 2, 0) << height << " " << reach;
      } else {
        EXPECT_EQ(bands.count(), 1) << height << " " << reach;
      }
      int total = 0;
      for (int b = 0; b < bands.count(); ++b) {
        if (bands.count() > 1) {
          EXPECT_GE(bands.rows(b), 2 * reach + 1);
        }
        EXPECT_EQ(bands.first_row(b, 0), total);
        total += bands.rows(b);
      }
      EXPECT_EQ(total, height);
      EXPECT_EQ(bands.count_of_colour(0) + bands.count_of_colour(1), bands.count());
    }
  }
}

// The property the engine's determinism rests on: what agents of two bands of one colour can
// read or write (rows within `reach` of the band) never overlaps, whatever the shift.
TEST(Bands, SameColourBandsNeverReachTheSameRow) {
  for (const auto& [height, reach] : {std::pair{40, 7}, {64, 7}, {45, 7}, {31, 3}, {100, 1}}) {
    const Bands bands(height, reach);
    for (int shift = 0; shift < height; shift += 3) {
      for (int a = 0; a < bands.count(); ++a) {
        const std::set<int> rows_a = reached_rows(bands, a, shift, reach, height);
        for (int b = a + 2; b < bands.count(); b += 2) {
          for (int row : reached_rows(bands, b, shift, reach, height)) {
            EXPECT_FALSE(rows_a.contains(row))
                << "height " << height << " bands " << a << ", " << b << " row " << row;
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace unrest::engine
