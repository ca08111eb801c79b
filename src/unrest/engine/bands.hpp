#pragma once
// Horizontal bands of a torus for the phases in which agents act one after another: moving
// (an agent takes an empty site that the next one then sees taken) and arresting (an active
// citizen is arrested once). Inside a band agents act in turn; bands of one colour (even or
// odd index) act at the same time on different threads. A band is at least 2 reach + 1 rows
// high, so what an agent in band i reads or writes (rows within `reach` of its own) never
// meets what an agent in band i + 2 reads or writes: same-colour bands cannot race, and the
// outcome does not depend on which thread runs which band.
//
// The bands' origin shifts every tick (a draw of the tick's stream), so no row is always at
// the edge of a band.
#include <cstdint>

namespace unrest::engine {

class Bands {
 public:
  // An even number of bands, each at least 2 reach + 1 rows, or one band when the torus is
  // too short for two (then everything in the phase is done in turn, on one thread).
  Bands(int height, int reach);

  int count() const { return count_; }
  // Number of bands of colour 0 or 1.
  int count_of_colour(int colour) const { return (count_ - colour + 1) / 2; }
  // Rows of band i: first_row(i, shift) + 0 .. rows(i) - 1, modulo the height.
  int first_row(int band, int shift) const;
  int rows(int band) const;

 private:
  int height_;
  int count_;
};

}  // namespace unrest::engine
