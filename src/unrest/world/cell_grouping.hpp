#pragma once
// Items grouped by the square cell of a torus they lie in: cells in row-major order, each
// cell's items in their original order (a stable counting sort). The layout of every spatial
// index in world/: PlaceLattice's bucket grids, and DiscCounter's entries and queries.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "unrest/world/site_divider.hpp"

namespace unrest::world {

class CellLayout {
 public:
  CellLayout() = default;
  // A torus of side `width` in cells of side `cell`, which must divide it (callers check).
  CellLayout(std::uint32_t width, std::uint32_t cell)
      : width(width), cell(cell), per_side(width / cell), by_width_(width), by_cell_(cell) {}

  std::uint32_t width = 1;     // the torus's side, in sites
  std::uint32_t cell = 1;      // a cell's side, dividing the width
  std::uint32_t per_side = 1;  // width / cell

  std::size_t cells() const { return static_cast<std::size_t>(per_side) * per_side; }
  std::uint32_t row(std::uint32_t site) const { return by_width_.quotient(site); }
  std::uint32_t column(std::uint32_t site) const { return by_width_.remainder(site); }
  // Of a row or a column: its cell's, and its place within the cell.
  std::uint32_t cell_index(std::uint32_t coordinate) const { return by_cell_.quotient(coordinate); }
  std::uint32_t within_cell(std::uint32_t coordinate) const {
    return by_cell_.remainder(coordinate);
  }
  std::size_t cell_of(std::uint32_t site) const {
    const std::uint32_t y = row(site);
    return static_cast<std::size_t>(cell_index(y)) * per_side + cell_index(site - y * width);
  }

 private:
  SiteDivider by_width_;
  SiteDivider by_cell_{1};
};

// Groups items 0 .. n - 1 (site_of(k) their sites): `start` (resized to cells + 1) holds where
// each cell's items begin, and put(k, position) is called for each item in order with its
// place in the grouped order. `next` is scratch, kept by the caller to reuse its allocation.
template <typename SiteOf, typename Put>
void group_by_cell(const CellLayout& layout, std::size_t n, SiteOf site_of,
                   std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& next, Put put) {
  start.assign(layout.cells() + 1, 0);
  for (std::size_t k = 0; k < n; ++k) ++start[layout.cell_of(site_of(k)) + 1];
  for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
  next.assign(start.begin(), start.end() - 1);
  for (std::size_t k = 0; k < n; ++k) put(k, next[layout.cell_of(site_of(k))]++);
}

}  // namespace unrest::world
