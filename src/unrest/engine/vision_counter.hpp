#pragma once
// Cops and actives within vision of every site of a row, in O(1) per site and vision row:
// each row of the vision is one difference of two row prefix sums, whatever its width.
//
// Both counts travel in one unsigned integer, cops in the low half and actives in the high
// half, so one prefix sum and one difference serve both. Modular arithmetic keeps each window
// exact: a window's packed sum is cops + 2^h actives with both below 2^h as long as the vision
// has fewer than 2^h sites (h = 8 for uint16_t, 16 for uint32_t), whatever the row totals.
#include <cstdint>
#include <span>

#include "unrest/model/neighbourhood.hpp"

namespace unrest::engine {

template <typename Packed>
struct PackedCounts {
  static constexpr int kHalfBits = static_cast<int>(sizeof(Packed)) * 4;
  static constexpr Packed kCop = 1;
  static constexpr Packed kActive = static_cast<Packed>(Packed{1} << kHalfBits);
  // The largest vision (in sites) whose counts fit a half.
  static constexpr int kMaxVisionSites = (1 << kHalfBits) - 1;

  static std::uint32_t cops(Packed packed) { return packed & (kActive - 1); }
  static std::uint32_t actives(Packed packed) { return packed >> kHalfBits; }
};

// prefix[i] for i = 0 .. width + 2 reach: the packed weights of the sites x = -reach ..
// i - reach - 1 of the row (x modulo the width), weight_of_kind[kind & 7] for each site; so
// that a vision row never wraps, the prefix runs `reach` sites past both ends of the row.
template <typename Packed>
inline void prefix_row(const std::uint8_t* kinds, int width, int reach,
                       const Packed* weight_of_kind, Packed* prefix) {
  Packed sum = 0;
  prefix[0] = 0;
  int i = 0;
  for (int x = width - reach; x < width; ++x) {
    sum = static_cast<Packed>(sum + weight_of_kind[kinds[x] & 7]);
    prefix[++i] = sum;
  }
  for (int x = 0; x < width; ++x) {
    sum = static_cast<Packed>(sum + weight_of_kind[kinds[x] & 7]);
    prefix[++i] = sum;
  }
  for (int x = 0; x < reach; ++x) {
    sum = static_cast<Packed>(sum + weight_of_kind[kinds[x] & 7]);
    prefix[++i] = sum;
  }
}

// out[x] = packed counts within vision of site x of a row, given the prefix rows of the rows
// dy = -reach .. reach around it (rows[dy + reach]).
template <typename Packed>
inline void count_row(std::span<const model::RowSpan> spans, const Packed* const* rows, int width,
                      int reach, Packed* out) {
  bool first = true;
  for (const model::RowSpan& span : spans) {
    // Site x sees [x + dx_first, x + dx_last] of its row dy: prefix[x + dx_last + reach + 1]
    // minus prefix[x + dx_first + reach].
    const Packed* hi = rows[span.dy + reach] + span.dx_last + reach + 1;
    const Packed* lo = rows[span.dy + reach] + span.dx_first + reach;
    if (first) {
      for (int x = 0; x < width; ++x) out[x] = static_cast<Packed>(hi[x] - lo[x]);
      first = false;
    } else {
      for (int x = 0; x < width; ++x) out[x] = static_cast<Packed>(out[x] + hi[x] - lo[x]);
    }
  }
}

}  // namespace unrest::engine
