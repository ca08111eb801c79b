#pragma once
// How many of a set of lattice sites lie within a Euclidean disc of a fixed radius, on a
// square torus: the counts a citizen weighs (cops and actives within its vision), answered
// without visiting every entry near the disc.
//
// The sites are sorted into square cells of side `cell`, in row-major order, with the running
// total of entries before each cell. A query walks the rows of cells the disc meets; on each,
// the cells wholly inside the disc are a contiguous run, counted by one difference of running
// totals, and only the few cells the disc's edge crosses are read entry by entry. With a vision
// of radius 30 and cells of 10, a query reads seven differences and the entries of a dozen
// cells, where a scan of the 90 x 90 sites around the disc reads every entry there.
//
// The count equals that of the torus distance min(|dx|, w - |dx|) as long as the torus is at
// least as wide as the disc (w >= 2 radius + 1): each site then has at most one copy within
// the disc's bounding square, so a cell met twice through the wrap adds its entries once.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace unrest::world {

class DiscCounter {
 public:
  // A lattice of side `width` (a multiple of `cell`, at least 2 radius + 1), emptied.
  void reset(int width, int cell, int radius);

  // Replaces the entries by those of `entries` (anything with a `site` member).
  template <typename Entries>
  void build(const Entries& entries) {
    std::fill(start_.begin(), start_.end(), 0u);
    const auto w = static_cast<std::uint32_t>(width_);
    for (const auto& e : entries) ++start_[cell_of(e.site % w, e.site / w) + 1];
    for (std::size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
    xs_.resize(entries.size());
    ys_.resize(entries.size());
    next_.assign(start_.begin(), start_.end() - 1);
    for (const auto& e : entries) {
      const std::uint32_t x = e.site % w;
      const std::uint32_t y = e.site / w;
      const std::uint32_t k = next_[cell_of(x, y)]++;
      xs_[k] = static_cast<std::uint16_t>(x);
      ys_[k] = static_cast<std::uint16_t>(y);
    }
  }

  // Entries within the disc around `site`: dx^2 + dy^2 <= radius^2.
  std::uint32_t count_within(std::uint32_t site) const;

  // count_within for each of `sites`, into `counts` (resized): the same numbers, faster when
  // many sites share a cell, since the entries that a disc from a cell can reach are gathered
  // once for every site in it, and each site then tests them in one vectorised loop.
  void count_many(const std::vector<std::uint32_t>& sites, std::vector<std::uint32_t>& counts);

 private:
  std::size_t cell_of(std::uint32_t x, std::uint32_t y) const {
    return static_cast<std::size_t>(y / cell_) * cells_per_side_ + x / cell_;
  }
  // floor(v / cell) for v in [-span_, span_], by table: a query needs a few a row.
  int floor_cells(int v) const { return floor_cells_[static_cast<std::size_t>(v + span_)]; }
  int wrap(int i) const {
    return i < 0 ? i + cells_per_side_ : (i >= cells_per_side_ ? i - cells_per_side_ : i);
  }
  // Entries of the cells [first, last] of a row (cell columns, unwrapped, fewer than a row).
  std::uint32_t run(std::size_t row, int first, int last) const;
  // Entries of one cell within the disc, tested one by one.
  std::uint32_t scan(std::size_t row, int cx, int y_shift, int x, int r2) const;

  int width_ = 1;
  int cell_ = 1;
  int cells_per_side_ = 1;
  int radius_ = 0;
  int span_ = 0;
  std::vector<int> half_width_;   // floor(sqrt(radius^2 - k^2)), k = 0 .. radius
  std::vector<int> floor_cells_;  // floor(v / cell), v = -span_ .. span_
  // The entries' coordinates, cell by cell (cell i: [start_[i], start_[i + 1])), in two arrays
  // so that the test of a cell's entries is one vectorised loop.
  std::vector<std::uint32_t> start_;
  std::vector<std::uint16_t> xs_;
  std::vector<std::uint16_t> ys_;
  std::vector<std::uint32_t> next_;  // build's write positions, kept to reuse the allocation
  // count_many's scratch: the queries grouped by cell, and one cell's gathered entries as
  // offsets from the cell's corner.
  std::vector<std::uint32_t> query_start_;
  std::vector<std::uint32_t> query_order_;
  std::vector<std::int16_t> near_x_;
  std::vector<std::int16_t> near_y_;
  std::vector<std::int32_t> wide_x_;
  std::vector<std::int32_t> wide_y_;
};

}  // namespace unrest::world
