#pragma once
// The set of lattice offsets an agent sees: its vision.
//
// Stored twice: as a flat list of offsets (for sampling a random site) and as horizontal
// spans, one or two per row (for updating neighbourhood counts a row segment at a time).
#include <vector>

#include "unrest/model/classic_options.hpp"

namespace unrest::model {

struct Offset {
  int dx;
  int dy;
};

// Offsets dx in [dx_first, dx_last] on row dy.
struct RowSpan {
  int dy;
  int dx_first;
  int dx_last;
};

// Whether offset (dx, dy) lies in the Euclidean disc of a whole-number radius: the vision of
// the national model's citizens and cops.
inline bool within_disc(int dx, int dy, int radius) { return dx * dx + dy * dy <= radius * radius; }

class Neighbourhood {
 public:
  // disc: dx^2 + dy^2 <= radius^2 (NetLogo's in-radius); diamond: |dx| + |dy| <= floor(radius)
  // (von Neumann); square: max(|dx|, |dy|) <= floor(radius) (Moore); cross: on the row or
  // column through the centre within floor(radius).
  static Neighbourhood make(VisionShape shape, double radius, bool include_own_site);

  const std::vector<Offset>& offsets() const { return offsets_; }
  const std::vector<RowSpan>& spans() const { return spans_; }
  int size() const { return static_cast<int>(offsets_.size()); }
  bool includes_own_site() const { return includes_own_site_; }
  // Largest |dx| or |dy|: a torus must be wider than twice this for sites to be distinct.
  int reach() const { return reach_; }

 private:
  std::vector<Offset> offsets_;
  std::vector<RowSpan> spans_;
  bool includes_own_site_ = false;
  int reach_ = 0;
};

}  // namespace unrest::model
