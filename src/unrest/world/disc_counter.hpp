#pragma once
// How many of a set of lattice sites (the entries) lie within a Euclidean disc of a fixed
// radius around each of many sites (the queries), on a square torus: the counts the citizens
// deciding in an hour weigh (cops and actives within their vision).
//
// Entries and queries are sorted into square cells of side `cell`. For each cell with queries,
// the entries of every cell a disc from somewhere in the cell can reach are gathered once, as
// offsets from the cell's corner (16-bit where every squared distance fits: a copy loop, not a
// filter), and the cell's queries test them all, two queries a pass (each entry loaded once
// for both), in one loop without branches, which the compiler vectorises. With a vision of
// radius 30, cells of 30 and a dozen queries a cell, the counts took an Iran run from 34.6 s to
// 9.9 s against a scan of the 90 x 90 sites around each query (docs/PERFORMANCE.md).
//
// The queries are grouped once (DiscQueries) and counted against every counter of the same
// layout: the citizens deciding in an hour are counted against the cops and the actives.
//
// The count equals that of the torus distance min(|dx|, w - |dx|) as long as the torus is at
// least as wide as the disc (w >= 2 radius + 1): each entry then has at most one copy within
// a query's reach, so a cell gathered twice through the wrap adds its entries once.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "unrest/world/cell_grouping.hpp"

namespace unrest::world {

// Query sites grouped by cell, with each query's place within its cell: made once for a batch
// of queries and counted against any DiscCounter of the same layout.
class DiscQueries {
 public:
  void group(const CellLayout& layout, const std::vector<std::uint32_t>& sites);
  std::size_t size() const { return order_.size(); }

 private:
  friend class DiscCounter;
  CellLayout layout_;
  std::vector<std::uint32_t> start_;  // cell i's queries: [start_[i], start_[i + 1])
  std::vector<std::uint32_t> order_;  // the queries' indices into `sites`, cell by cell
  std::vector<std::uint16_t> x_;      // and their columns and rows within their cells
  std::vector<std::uint16_t> y_;
  std::vector<std::uint32_t> next_;  // group's write positions, kept to reuse the allocation
};

class DiscCounter {
 public:
  // A lattice of side `width` (a multiple of `cell`, at least 2 radius + 1), with cells no
  // wider than the radius (at most 16,383), emptied; anything else throws.
  void reset(int width, int cell, int radius);

  // Replaces the entries by those of `entries` (anything with a `site` member).
  template <typename Entries>
  void build(const Entries& entries) {
    xs_.resize(entries.size());
    ys_.resize(entries.size());
    group_by_cell(
        layout_, entries.size(), [&](std::size_t k) { return entries[k].site; }, start_, next_,
        [&](std::size_t k, std::uint32_t position) {
          xs_[position] = static_cast<std::uint16_t>(layout_.column(entries[k].site));
          ys_[position] = static_cast<std::uint16_t>(layout_.row(entries[k].site));
        });
  }

  // The same for entries already grouped by this counter's cells, `start` saying where each
  // cell's entries begin (as group_by_cell leaves it: a bucket grid of the same cells), which
  // spares the sort. A `start` of the wrong size throws std::logic_error.
  template <typename Entries>
  void build_grouped(const Entries& entries, const std::vector<std::uint32_t>& start) {
    if (start.size() != layout_.cells() + 1 || start.back() != entries.size()) {
      throw std::logic_error("DiscCounter: entries grouped for another layout");
    }
    start_ = start;
    xs_.resize(entries.size());
    ys_.resize(entries.size());
    for (std::size_t k = 0; k < entries.size(); ++k) {
      xs_[k] = static_cast<std::uint16_t>(layout_.column(entries[k].site));
      ys_[k] = static_cast<std::uint16_t>(layout_.row(entries[k].site));
    }
  }

  const CellLayout& layout() const { return layout_; }

  // For each query, into `counts` (resized to match, in the order of the sites grouped): the
  // entries within the disc around it, dx^2 + dy^2 <= radius^2. The queries must have been
  // grouped with this counter's layout (else std::logic_error).
  void count_many(const DiscQueries& queries, std::vector<std::uint32_t>& counts);
  // The same for sites not yet grouped.
  void count_many(const std::vector<std::uint32_t>& sites, std::vector<std::uint32_t>& counts);

 private:
  // A cell's entries, gathered for the queries of a cell within reach, with their shift.
  struct Reachable {
    std::uint32_t begin;
    std::uint32_t end;
    int x_shift;
    int y_shift;
  };
  // Gathers the reachable cells' entries into near_x/near_y (Int: int16_t or int32_t) and
  // counts them for the queries [first, last) of one cell.
  template <typename Int>
  void count_cell(std::vector<Int>& near_x, std::vector<Int>& near_y, std::size_t gathered,
                  const DiscQueries& queries, std::uint32_t first, std::uint32_t last, int r2,
                  std::vector<std::uint32_t>& counts);
  // A cell index at most one torus away, wrapped onto it.
  int wrap(int i) const {
    const int n = static_cast<int>(layout_.per_side);
    return i < 0 ? i + n : (i >= n ? i - n : i);
  }

  CellLayout layout_;
  int radius_ = 0;
  // The entries' coordinates, cell by cell (cell i: [start_[i], start_[i + 1])).
  std::vector<std::uint32_t> start_;
  std::vector<std::uint16_t> xs_;
  std::vector<std::uint16_t> ys_;
  std::vector<std::uint32_t> next_;  // build's write positions, kept to reuse the allocation
  // count_many's scratch: queries grouped here when the caller did not, and one cell's
  // gathered entries as offsets from the cell's corner.
  DiscQueries own_queries_;
  std::vector<Reachable> reachable_;
  std::vector<std::int16_t> near_x_;
  std::vector<std::int16_t> near_y_;
  std::vector<std::int32_t> wide_x_;
  std::vector<std::int32_t> wide_y_;
};

}  // namespace unrest::world
