#pragma once
// The decision pass's loops over a row, compiled twice where the compiler supports it: for
// any x86-64 and for CPUs with AVX2 (chosen when the program starts), since they are integer
// loops that run twice as wide there. Integer arithmetic gives the same result either way, so
// the output does not depend on the CPU.
#include <cstdint>
#include <span>

#include "unrest/model/neighbourhood.hpp"

namespace unrest::engine {

// count_row (vision_counter.hpp) for the two packings.
void count_row_packed(std::span<const model::RowSpan> spans, const std::uint16_t* const* rows,
                      int width, int reach, std::uint16_t* out);
void count_row_packed(std::span<const model::RowSpan> spans, const std::uint32_t* const* rows,
                      int width, int reach, std::uint32_t* out);

// Rule A with the floor ratio for a row of packed counts: each citizen (kind 1 or 2, marks
// ignored) becomes quiet (1) or active (2); other kinds lose their marks (kind_mask).
void decide_row_floor(std::uint8_t* kinds, const std::uint16_t* counts, const std::uint16_t* cutoff,
                      int width, std::uint8_t kind_mask);
void decide_row_floor(std::uint8_t* kinds, const std::uint32_t* counts, const std::uint16_t* cutoff,
                      int width, std::uint8_t kind_mask);

}  // namespace unrest::engine
