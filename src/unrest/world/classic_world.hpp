#pragma once
// The state of one classic Epstein lattice: agents in structure-of-arrays form, plus per-site
// counts kept up to date incrementally so that no rule ever rescans a neighbourhood.
//
// The class owns the invariants; the engine owns the order of events. Every mutation goes
// through a method here that updates all derived counts:
//   cops_seen(s)    = cops within vision of site s (with multiplicity)
//   actives_seen(s) = active citizens within vision of site s
//   blocking(s)     = agents on s that make it non-empty for movement
//   actives_here[s] and the intrusive list first_active[s] -> next_active[...]
//
// Layout follows the access pattern of the random activation order, which visits agents and
// sites in random order: what one activation reads sits in one cache line. A citizen's hot
// state is one 16-byte record; both neighbourhood counts of a site are one 32-bit word (cops
// seen in the low half, actives seen in the high half), so a decision costs two cache misses,
// not six, and one vector add over a row span updates either count. Movement tests random
// sites for emptiness several times per move, so the blocking counts live apart, two bytes a
// site, small enough to stay in the core's own cache on a 400 x 400 lattice.
// A site may hold several agents: NetLogo lets a cop stand on its jailed arrestee and a free
// citizen step onto a jailed one's site.
#include <cstdint>
#include <limits>
#include <vector>

#include "unrest/model/classic_options.hpp"
#include "unrest/model/neighbourhood.hpp"
#include "unrest/rng/random_stream.hpp"

namespace unrest::world {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

class ClassicWorld {
 public:
  // Places cops and citizens as the placement option says, drawing from `rng`.
  ClassicWorld(const model::ClassicParams& params, rng::RandomStream& rng);

  // --- geometry -------------------------------------------------------------------------
  int width() const { return width_; }
  int height() const { return height_; }
  std::uint32_t site_of(int x, int y) const { return static_cast<std::uint32_t>(y) * width_ + x; }
  const model::Neighbourhood& vision() const { return vision_; }
  // The point at offset (dx, dy) from (x, y), wrapping around the torus; |dx|, |dy| <= reach.
  model::Offset wrap(int x, int y, model::Offset o) const {
    int xx = x + o.dx;
    int yy = y + o.dy;
    xx += xx < 0 ? width_ : (xx >= width_ ? -width_ : 0);
    yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
    return {xx, yy};
  }
  std::uint32_t site_at(int x, int y, model::Offset o) const {
    const model::Offset p = wrap(x, y, o);
    return site_of(p.dx, p.dy);
  }
  bool is_empty(std::uint32_t site) const { return blocking_[site] == 0; }

  // --- agents ---------------------------------------------------------------------------
  std::uint32_t citizen_count() const { return static_cast<std::uint32_t>(citizens_.size()); }
  std::uint32_t cop_count() const { return static_cast<std::uint32_t>(cop_x_.size()); }
  std::uint32_t active_count() const { return active_count_; }
  std::uint32_t jailed_count() const { return jailed_count_; }
  std::uint32_t quiet_count() const { return citizen_count() - active_count_ - jailed_count_; }

  double hardship(std::uint32_t c) const { return citizens_[c].hardship; }
  double risk_aversion(std::uint32_t c) const { return citizens_[c].risk_aversion; }
  bool is_active(std::uint32_t c) const { return citizens_[c].active != 0; }
  bool is_jailed(std::uint32_t c) const { return citizens_[c].jailed != 0; }
  std::uint32_t jail_left(std::uint32_t c) const { return jail_left_[c]; }
  int citizen_x(std::uint32_t c) const { return citizens_[c].x; }
  int citizen_y(std::uint32_t c) const { return citizens_[c].y; }
  std::uint32_t citizen_site(std::uint32_t c) const {
    return site_of(citizens_[c].x, citizens_[c].y);
  }
  // Hints for the engine's software pipelining: start loading what an activation will read.
  void prefetch_citizen(std::uint32_t c) const { __builtin_prefetch(&citizens_[c]); }
  void prefetch_site(std::uint32_t site) const { __builtin_prefetch(&seen_[site]); }
  // Where an agent stands: its counts (for deciding) and its blocking count (for leaving).
  void prefetch_home(std::uint32_t site) const {
    __builtin_prefetch(&seen_[site]);
    __builtin_prefetch(&blocking_[site]);
  }
  int cop_x(std::uint32_t p) const { return cop_x_[p]; }
  int cop_y(std::uint32_t p) const { return cop_y_[p]; }
  std::uint32_t cop_site(std::uint32_t p) const { return site_of(cop_x_[p], cop_y_[p]); }

  // --- neighbourhood counts -------------------------------------------------------------
  int cops_seen(std::uint32_t site) const { return static_cast<int>(seen_[site] & kLowHalf); }
  int actives_seen(std::uint32_t site) const { return static_cast<int>(seen_[site] >> 16); }
  int blocking(std::uint32_t site) const { return blocking_[site]; }
  // The `index`-th active citizen (0-based, index < actives_seen(site)) within vision of site,
  // in a fixed scan order.
  std::uint32_t active_within_vision(int x, int y, std::uint32_t index) const;

  // --- mutations (each keeps every invariant above) ---------------------------------------
  // Moves to site (x, y); callers know both, and a division to recover one is not free.
  void move_citizen(std::uint32_t c, int x, int y);
  void move_cop(std::uint32_t p, int x, int y);
  void set_active(std::uint32_t c, bool active);
  // Jails a citizen for `term` ticks; whether a zero term holds it at all is the caller's
  // choice (`hold`), since the presets disagree.
  void jail(std::uint32_t c, std::uint32_t term, bool hold);
  void release(std::uint32_t c);
  void set_jail_left(std::uint32_t c, std::uint32_t term) { jail_left_[c] = term; }
  // Adds a cop on `site`; removes cop `p` (the last cop takes its index).
  void add_cop(std::uint32_t site);
  void remove_cop(std::uint32_t p);

  // Recounts every derived quantity from the agents alone; used by tests to check that the
  // incremental updates agree with a scan. Returns false on any mismatch.
  bool derived_counts_consistent() const;

 private:
  using CountWord = std::uint32_t;
  static constexpr CountWord kLowHalf = 0xffffu;
  static constexpr CountWord kOneCop = 1;
  static constexpr CountWord kOneActive = CountWord{1} << 16;

  struct CitizenState {
    float hardship;
    float risk_aversion;
    std::uint16_t x, y;
    std::uint8_t active, jailed;
    std::uint16_t unused;
  };
  static_assert(sizeof(CitizenState) == 16);

  // Adds `delta` (a signed multiple of kOneCop or kOneActive, in two's complement) to the
  // neighbourhood word of every site within vision of (x, y).
  void add_around(int x, int y, CountWord delta);
  void link_active(std::uint32_t c, std::uint32_t site);
  void unlink_active(std::uint32_t c, std::uint32_t site);
  void place_citizen(std::uint32_t site, rng::RandomStream& rng);
  void place_cop(std::uint32_t site);

  int width_;
  int height_;
  model::Neighbourhood vision_;
  bool jailed_block_site_;

  // Citizens.
  std::vector<CitizenState> citizens_;
  std::vector<std::uint32_t> jail_left_;
  std::vector<std::uint32_t> next_active_, prev_active_;
  // Cops.
  std::vector<std::uint16_t> cop_x_, cop_y_;
  // Sites.
  void add_blocking(std::uint32_t site, int delta) {
    const int count = blocking_[site] + delta;
    if (count > max_occupancy_) throw_crowded(site);
    blocking_[site] = static_cast<std::uint8_t>(count);
  }

  [[noreturn]] void throw_crowded(std::uint32_t site) const;

  // Both counts of a site share 32 bits, 16 each. A count can only overflow if some site holds
  // more than 65535 / (vision size) agents, since every cop and every active citizen is a
  // blocking agent of its site; blocking counts are a byte. So max_occupancy_ is the smaller
  // of the two limits, and add_blocking refuses to pass it, loudly. (Agents stack only in
  // NetLogo's semantics, a few at a time; the limit is 255 a site at vision 7.)
  std::vector<CountWord> seen_;
  int max_occupancy_;
  std::vector<std::uint8_t> blocking_;  // at most max_occupancy_ <= 255
  std::vector<std::uint16_t> actives_here_;
  std::vector<std::uint32_t> first_active_;

  std::uint32_t active_count_ = 0;
  std::uint32_t jailed_count_ = 0;
};

}  // namespace unrest::world
