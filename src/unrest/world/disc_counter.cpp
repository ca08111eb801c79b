#include "unrest/world/disc_counter.hpp"

#include <stdexcept>
#include <type_traits>

#include "unrest/model/avx2_clone.hpp"

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

// Entries (offsets from the querying cell's corner) within the discs around kQueries sites
// (x[i], y[i]), into total[i]: one pass over the entries (each loaded once for every query)
// without branches, which the compiler vectorises; Int is int16_t where every squared distance
// fits it (8 lanes a vector), int32_t otherwise. The 16-bit counts are summed in runs short
// enough for 16-bit lanes, which keeps the loop in them.
template <typename Int, int kQueries>
void count_near(const Int* xs, const Int* ys, std::size_t n, const int (&x)[kQueries],
                const int (&y)[kQueries], int r2, std::uint32_t (&total)[kQueries]) {
  using Count = std::conditional_t<sizeof(Int) == 2, std::uint16_t, std::uint32_t>;
  constexpr std::size_t kRun = sizeof(Int) == 2 ? 65535 : ~std::size_t{0};
  Int cx[kQueries];
  Int cy[kQueries];
  for (int i = 0; i < kQueries; ++i) {
    cx[i] = static_cast<Int>(x[i]);
    cy[i] = static_cast<Int>(y[i]);
    total[i] = 0;
  }
  const auto limit = static_cast<Int>(r2);
  for (std::size_t begin = 0; begin < n;) {
    const std::size_t end = n - begin < kRun ? n : begin + kRun;
    Count within[kQueries] = {};
    for (std::size_t k = begin; k < end; ++k) {
      for (int i = 0; i < kQueries; ++i) {
        const auto dx = static_cast<Int>(xs[k] - cx[i]);
        const auto dy = static_cast<Int>(ys[k] - cy[i]);
        within[i] += static_cast<Int>(dx * dx + dy * dy) <= limit ? 1 : 0;
      }
    }
    for (int i = 0; i < kQueries; ++i) total[i] += within[i];
    begin = end;
  }
}

// One query's count.
template <typename Int>
std::uint32_t count_near(const Int* xs, const Int* ys, std::size_t n, int x, int y, int r2) {
  std::uint32_t total[1];
  count_near<Int, 1>(xs, ys, n, {x}, {y}, r2, total);
  return total[0];
}

// Every query [first, last) of a cell against its gathered 16-bit entries, two queries a pass,
// in one call compiled for AVX2 too (16 lanes): no call per query through the clone's resolver.
UNREST_AVX2_CLONE void count_cell16(const std::int16_t* xs, const std::int16_t* ys, std::size_t n,
                                    const std::uint16_t* query_x, const std::uint16_t* query_y,
                                    const std::uint32_t* order, std::uint32_t first,
                                    std::uint32_t last, int r2, std::uint32_t* counts) {
  std::uint32_t q = first;
  for (; q + 1 < last; q += 2) {
    std::uint32_t pair[2];
    count_near<std::int16_t, 2>(xs, ys, n, {query_x[q], query_x[q + 1]},
                                {query_y[q], query_y[q + 1]}, r2, pair);
    counts[order[q]] = pair[0];
    counts[order[q + 1]] = pair[1];
  }
  if (q < last) counts[order[q]] = count_near(xs, ys, n, query_x[q], query_y[q], r2);
}

// Appends n entries' coordinates, shifted to be offsets from the querying cell's corner.
template <typename Int>
void append_shifted(const std::uint16_t* xs, const std::uint16_t* ys, std::size_t n, int x_shift,
                    int y_shift, Int* out_x, Int* out_y) {
  for (std::size_t k = 0; k < n; ++k) {
    out_x[k] = static_cast<Int>(xs[k] + x_shift);
    out_y[k] = static_cast<Int>(ys[k] + y_shift);
  }
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
  const int ring = (r + c - 1) / c;  // rings of cells a disc from inside a cell can reach
  // An entry of a cell `ring` cells away lies at most (ring + 1) c - 1 from a querying site on
  // either axis: where twice its square fits an int16_t, the offsets are 16-bit.
  const int reach = (ring + 1) * c - 1;
  const bool narrow = 2 * reach * reach <= 32767;
  for (std::size_t cell = 0; cell < cells; ++cell) {
    const std::uint32_t first = queries.start_[cell];
    const std::uint32_t last = queries.start_[cell + 1];
    if (first == last) continue;
    const int cy = static_cast<int>(cell / static_cast<std::size_t>(n));
    const int cx = static_cast<int>(cell % static_cast<std::size_t>(n));
    // The cells a disc from this one can reach, and their entries' shift through the wrap. An
    // entry of such a cell beyond the radius of every query is gathered too: it costs less to
    // test it with the others than to sort it out, and it counts nowhere.
    reachable_.clear();
    std::size_t gathered = 0;
    for (int j = -ring; j <= ring; ++j) {
      const int cell_dy = j > 0 ? j * c - (c - 1) : (j < 0 ? -j * c - (c - 1) : 0);
      if (cell_dy > r) continue;
      const int wrapped_y = wrap(cy + j);
      const int y_shift = (cy + j - wrapped_y) * c - cy * c;
      for (int i = -ring; i <= ring; ++i) {
        const int cell_dx = i > 0 ? i * c - (c - 1) : (i < 0 ? -i * c - (c - 1) : 0);
        if (cell_dx * cell_dx + cell_dy * cell_dy > r2) continue;
        const int wrapped_x = wrap(cx + i);
        const int x_shift = (cx + i - wrapped_x) * c - cx * c;
        const std::size_t other = static_cast<std::size_t>(wrapped_y) * n + wrapped_x;
        reachable_.push_back({start_[other], start_[other + 1], x_shift, y_shift});
        gathered += start_[other + 1] - start_[other];
      }
    }
    if (narrow) {
      count_cell(near_x_, near_y_, gathered, queries, first, last, r2, counts);
    } else {
      count_cell(wide_x_, wide_y_, gathered, queries, first, last, r2, counts);
    }
  }
}

template <typename Int>
void DiscCounter::count_cell(std::vector<Int>& near_x, std::vector<Int>& near_y,
                             std::size_t gathered, const DiscQueries& queries, std::uint32_t first,
                             std::uint32_t last, int r2, std::vector<std::uint32_t>& counts) {
  // Grown, never shrunk or cleared: only the first `gathered` are read.
  if (near_x.size() < gathered) {
    near_x.resize(gathered);
    near_y.resize(gathered);
  }
  std::size_t at = 0;
  for (const Reachable& from : reachable_) {
    const std::size_t k = from.begin;
    append_shifted(xs_.data() + k, ys_.data() + k, from.end - from.begin, from.x_shift,
                   from.y_shift, near_x.data() + at, near_y.data() + at);
    at += from.end - from.begin;
  }
  if constexpr (sizeof(Int) == 2) {
    count_cell16(near_x.data(), near_y.data(), gathered, queries.x_.data(), queries.y_.data(),
                 queries.order_.data(), first, last, r2, counts.data());
  } else {
    for (std::uint32_t q = first; q < last; ++q) {
      counts[queries.order_[q]] =
          count_near(near_x.data(), near_y.data(), gathered, queries.x_[q], queries.y_[q], r2);
    }
  }
}

}  // namespace unrest::world
