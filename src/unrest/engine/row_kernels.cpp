#include "unrest/engine/row_kernels.hpp"

#include "unrest/engine/vision_counter.hpp"
#include "unrest/model/activation_cutoff.hpp"
#include "unrest/model/avx2_clone.hpp"

namespace unrest::engine {

UNREST_AVX2_CLONE
void count_row_packed(std::span<const model::RowSpan> spans, const std::uint16_t* const* rows,
                      int width, int reach, std::uint16_t* out) {
  count_row<std::uint16_t>(spans, rows, width, reach, out);
}

UNREST_AVX2_CLONE
void count_row_packed(std::span<const model::RowSpan> spans, const std::uint32_t* const* rows,
                      int width, int reach, std::uint32_t* out) {
  count_row<std::uint32_t>(spans, rows, width, reach, out);
}

namespace {

template <typename Packed>
void decide_floor(std::uint8_t* kinds, const Packed* counts, const std::uint16_t* cutoff, int width,
                  std::uint8_t kind_mask) {
  using Counts = PackedCounts<Packed>;
  for (int x = 0; x < width; ++x) {
    const std::uint32_t k = kinds[x] & kind_mask;
    const bool citizen = k - 1u < 2u;
    const bool active = model::ratio_below_floor(Counts::cops(counts[x]),
                                                 Counts::actives(counts[x]) + 1, cutoff[x]);
    kinds[x] = static_cast<std::uint8_t>(citizen ? 1u + active : k);
  }
}

}  // namespace

UNREST_AVX2_CLONE
void decide_row_floor(std::uint8_t* kinds, const std::uint16_t* counts, const std::uint16_t* cutoff,
                      int width, std::uint8_t kind_mask) {
  decide_floor(kinds, counts, cutoff, width, kind_mask);
}

UNREST_AVX2_CLONE
void decide_row_floor(std::uint8_t* kinds, const std::uint32_t* counts, const std::uint16_t* cutoff,
                      int width, std::uint8_t kind_mask) {
  decide_floor(kinds, counts, cutoff, width, kind_mask);
}

}  // namespace unrest::engine
