#include "unrest/world/disc_counter.hpp"

#include <stdexcept>

namespace unrest::world {

void DiscCounter::reset(int width, int cell, int radius) {
  // A radius up to 16,383 keeps every squared distance of a crossed cell within an int.
  if (cell < 1 || radius < 0 || radius > 16383 || width % cell != 0 || width < 2 * radius + 1 ||
      cell > std::max(1, radius)) {
    throw std::invalid_argument(
        "DiscCounter: cells must tile a torus at least as wide as the disc");
  }
  width_ = width;
  cell_ = cell;
  cells_per_side_ = width / cell;
  radius_ = radius;
  half_width_.assign(static_cast<std::size_t>(radius) + 1, 0);
  for (int k = 0; k <= radius; ++k) {
    int h = 0;
    while ((h + 1) * (h + 1) <= radius * radius - k * k) ++h;
    half_width_[static_cast<std::size_t>(k)] = h;
  }
  span_ = radius + cell;
  floor_cells_.assign(static_cast<std::size_t>(2 * span_) + 1, 0);
  for (int v = -span_; v <= span_; ++v) {
    floor_cells_[static_cast<std::size_t>(v + span_)] =
        v >= 0 ? v / cell : -((-v + cell - 1) / cell);
  }
  start_.assign(static_cast<std::size_t>(cells_per_side_) * cells_per_side_ + 1, 0);
  xs_.clear();
  ys_.clear();
}

std::uint32_t DiscCounter::run(std::size_t row, int first, int last) const {
  const int a = wrap(first);
  const int b = wrap(last);
  if (a <= b) return start_[row + b + 1] - start_[row + a];
  return (start_[row + cells_per_side_] - start_[row + a]) + (start_[row + b + 1] - start_[row]);
}

std::uint32_t DiscCounter::scan(std::size_t row, int cx, int y_shift, int x, int r2) const {
  const int wrapped = wrap(cx);
  const std::size_t cell = row + wrapped;
  const int x_shift = (cx - wrapped) * cell_ - x;
  const std::uint16_t* xs = xs_.data();
  const std::uint16_t* ys = ys_.data();
  std::uint32_t within = 0;
  for (std::uint32_t k = start_[cell]; k < start_[cell + 1]; ++k) {
    const int dx = xs[k] + x_shift;
    const int dy = ys[k] + y_shift;
    within += dx * dx + dy * dy <= r2 ? 1u : 0u;
  }
  return within;
}

std::uint32_t DiscCounter::count_within(std::uint32_t site) const {
  const auto w = static_cast<std::uint32_t>(width_);
  const int x = static_cast<int>(site % w);
  const int y = static_cast<int>(site / w);
  const int r = radius_;
  const int c = cell_;
  const int r2 = r * r;
  // The site's cell and its offset in it: every other division is a table lookup.
  const int xq = x / c;
  const int xr = x - xq * c;
  const int yq = y / c;
  const int yr = y - yq * c;
  std::uint32_t total = 0;
  const int cy_last = yq + floor_cells(yr + r);
  for (int cy = yq + floor_cells(yr - r); cy <= cy_last; ++cy) {
    const int y_low = cy * c - y;  // the rows of this cell row, as offsets from the centre
    const int y_high = y_low + c - 1;
    const int dy_near = y_low > 0 ? y_low : (y_high < 0 ? -y_high : 0);
    const int dy_far = std::max(-y_low, y_high);
    const int wrapped_y = wrap(cy);
    const std::size_t row = static_cast<std::size_t>(wrapped_y) * cells_per_side_;
    const int y_shift = (cy - wrapped_y) * c - y;
    // Cells the disc meets on this row: some site with |dx| <= the disc's half-width there.
    const int reach = half_width_[static_cast<std::size_t>(dy_near)];
    const int touched_first = xq + floor_cells(xr - reach);
    const int touched_last = xq + floor_cells(xr + reach);
    // Cells wholly inside: every site with |dx| <= the half-width at the far edge.
    int inside_first = touched_last + 1;
    int inside_last = touched_last;
    if (dy_far <= r) {
      const int inner = half_width_[static_cast<std::size_t>(dy_far)];
      const int first = xq - floor_cells(inner - xr);
      const int last = xq + floor_cells(xr + inner - c + 1);
      if (first <= last) {
        inside_first = first;
        inside_last = last;
      }
    }
    for (int cx = touched_first; cx < inside_first && cx <= touched_last; ++cx) {
      total += scan(row, cx, y_shift, x, r2);
    }
    if (inside_first <= inside_last) {
      total += run(row, inside_first, inside_last);
      for (int cx = inside_last + 1; cx <= touched_last; ++cx)
        total += scan(row, cx, y_shift, x, r2);
    }
  }
  return total;
}

}  // namespace unrest::world
