#include "unrest/world/disc_counter.hpp"

#include <stdexcept>

namespace unrest::world {

void DiscCounter::reset(int width, int cell, int radius) {
  // A radius up to 16,383 keeps every squared distance count_many computes within an int.
  if (cell < 1 || radius < 0 || radius > 16383 || width % cell != 0 || width < 2 * radius + 1 ||
      cell > std::max(1, radius)) {
    throw std::invalid_argument(
        "DiscCounter: cells must tile the torus and be no wider than the radius (at most 16,383), "
        "and the torus at least as wide as the disc");
  }
  layout_ = CellLayout(static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(cell));
  radius_ = radius;
  start_.assign(layout_.cells() + 1, 0);
  xs_.clear();
  ys_.clear();
}

namespace {

// Entries (offsets from the querying cell's corner) within the disc around (x, y): one loop
// without branches, which the compiler vectorises; Int is int16_t where every squared
// distance fits it (8 lanes a vector), int32_t otherwise.
template <typename Int>
std::uint32_t count_near(const std::vector<Int>& xs, const std::vector<Int>& ys, int x, int y,
                         int r2) {
  const std::size_t n = xs.size();
  const Int* px = xs.data();
  const Int* py = ys.data();
  const auto cx = static_cast<Int>(x);
  const auto cy = static_cast<Int>(y);
  const auto limit = static_cast<Int>(r2);
  std::uint32_t within = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const auto dx = static_cast<Int>(px[k] - cx);
    const auto dy = static_cast<Int>(py[k] - cy);
    within += static_cast<Int>(dx * dx + dy * dy) <= limit ? 1u : 0u;
  }
  return within;
}

}  // namespace

void DiscQueries::group(const CellLayout& layout, const std::vector<std::uint32_t>& sites) {
  layout_ = layout;
  order_.resize(sites.size());
  x_.resize(sites.size());
  y_.resize(sites.size());
  group_by_cell(
      layout_, sites.size(), [&](std::size_t i) { return sites[i]; }, start_, next_,
      [&](std::size_t i, std::uint32_t position) {
        order_[position] = static_cast<std::uint32_t>(i);
        x_[position] = static_cast<std::uint16_t>(layout_.within_cell(layout_.column(sites[i])));
        y_[position] = static_cast<std::uint16_t>(layout_.within_cell(layout_.row(sites[i])));
      });
}

void DiscCounter::count_many(const std::vector<std::uint32_t>& sites,
                             std::vector<std::uint32_t>& counts) {
  own_queries_.group(layout_, sites);
  count_many(own_queries_, counts);
}

void DiscCounter::count_many(const DiscQueries& queries, std::vector<std::uint32_t>& counts) {
  if (queries.layout_.width != layout_.width || queries.layout_.cell != layout_.cell) {
    throw std::logic_error("DiscCounter: queries grouped for another layout");
  }
  counts.assign(queries.size(), 0);
  const int n = static_cast<int>(layout_.per_side);
  const int c = static_cast<int>(layout_.cell);
  const int r = radius_;
  const int r2 = r * r;
  const std::size_t cells = layout_.cells();
  // Kept entries lie within r of the cell, so an offset is at most r + c - 1 < 2 r + 1 from a
  // querying site on either axis: its square sum fits an int16_t up to a radius of 63.
  const bool narrow = 2 * (r + c) * (r + c) <= 32767;
  const int ring = (r + c - 1) / c;  // rings of cells a disc from inside a cell can reach
  for (std::size_t cell = 0; cell < cells; ++cell) {
    const std::uint32_t first = queries.start_[cell];
    const std::uint32_t last = queries.start_[cell + 1];
    if (first == last) continue;
    const int cy = static_cast<int>(cell / static_cast<std::size_t>(n));
    const int cx = static_cast<int>(cell % static_cast<std::size_t>(n));
    near_x_.clear();
    near_y_.clear();
    wide_x_.clear();
    wide_y_.clear();
    for (int j = -ring; j <= ring; ++j) {
      const int wrapped_y = wrap(cy + j);
      // Offset of an entry's row from this cell's first row, through the wrap.
      const int y_shift = (cy + j - wrapped_y) * c - cy * c;
      const int cell_dy = j > 0 ? j * c - (c - 1) : (j < 0 ? -j * c - (c - 1) : 0);
      if (cell_dy > r) continue;
      for (int i = -ring; i <= ring; ++i) {
        const int cell_dx = i > 0 ? i * c - (c - 1) : (i < 0 ? -i * c - (c - 1) : 0);
        if (cell_dx * cell_dx + cell_dy * cell_dy > r2) continue;
        const int wrapped_x = wrap(cx + i);
        const int x_shift = (cx + i - wrapped_x) * c - cx * c;
        const std::size_t other = static_cast<std::size_t>(wrapped_y) * n + wrapped_x;
        for (std::uint32_t k = start_[other]; k < start_[other + 1]; ++k) {
          const int ex = xs_[k] + x_shift;
          const int ey = ys_[k] + y_shift;
          // Distance from the entry to the nearest site of this cell: beyond r, no query
          // in the cell can see it.
          const int gx = ex < 0 ? -ex : (ex > c - 1 ? ex - (c - 1) : 0);
          const int gy = ey < 0 ? -ey : (ey > c - 1 ? ey - (c - 1) : 0);
          if (gx * gx + gy * gy > r2) continue;
          if (narrow) {
            near_x_.push_back(static_cast<std::int16_t>(ex));
            near_y_.push_back(static_cast<std::int16_t>(ey));
          } else {
            wide_x_.push_back(ex);
            wide_y_.push_back(ey);
          }
        }
      }
    }
    for (std::uint32_t q = first; q < last; ++q) {
      const int x = queries.x_[q];
      const int y = queries.y_[q];
      counts[queries.order_[q]] =
          narrow ? count_near(near_x_, near_y_, x, y, r2) : count_near(wide_x_, wide_y_, x, y, r2);
    }
  }
}

}  // namespace unrest::world
