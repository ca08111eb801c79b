#pragma once
// The synchronous engine: every agent decides from the same snapshot, in phases that run on
// many threads, with every random draw a pure function of (seed, tick, site, purpose). The
// output is byte-identical for any number of threads.
//
// A tick, with the NetLogo order (move, then act):
//   move:   each mover draws an empty target within vision and claims it; the claim with the
//           smallest random priority wins, losers stay; winners move.
//   count:  cops and actives within vision of every site, from row prefix sums: each row of
//           the vision is one difference of two prefix values, so a site costs 2 loads per
//           vision row whatever the vision's area.
//   decide: rule A for every free citizen.
//   arrest: each cop picks an active within vision and claims it; the smallest priority wins.
//   jail:   terms count down.
// With the Mesa order the move comes last. Conflicts are settled by atomic minimum over
// (priority, origin site), which does not depend on which thread gets there first; a bid is
// stored as its origin alone (4 bytes a site) and its priority recomputed from the origin.
//
// One free agent per site: what NetLogo does by stacking agents (a cop on its jailed
// arrestee, a citizen released under someone else) is done here as follows (docs/DESIGN.md):
// when jailed citizens do not block their site (`jailed_block_site = false`) they leave the
// lattice for a jail and return to their site on release, waiting while it is taken; a cop
// steps onto its arrestee's site only when the arrestee has left it.
#include <cstdint>
#include <vector>

#include "unrest/engine/thread_pool.hpp"
#include "unrest/engine/tick_counts.hpp"
#include "unrest/model/arrest_probability_table.hpp"
#include "unrest/model/neighbourhood.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest::engine {

class ParallelEngine {
 public:
  ParallelEngine(const scenario::Scenario& scenario, int threads);

  void step();

  std::int64_t tick() const { return tick_; }
  TickCounts counts() const { return counts_; }
  double legitimacy() const { return legitimacy_; }
  std::uint64_t activations() const { return activations_; }
  int threads() const { return pool_.size(); }
  // Bytes of engine state per lattice site (the jail excluded), for the scale tests.
  double bytes_per_site() const;

  // What a site holds.
  enum Kind : std::uint8_t { kEmpty = 0, kQuiet, kActive, kCop, kJailed };
  Kind kind(std::uint32_t site) const { return static_cast<Kind>(kind_[site]); }
  // Recomputes the neighbourhood counts from the current state (the count phase), for
  // inspection; a step does this itself.
  void recount() { count_phase(); }
  int cops_seen(std::uint32_t site) const { return cops_seen_[site]; }
  int actives_seen(std::uint32_t site) const { return actives_seen_[site]; }
  // Seconds spent in each phase since construction: move, count, decide, arrest, jail.
  const std::vector<double>& phase_seconds() const { return phase_seconds_; }
  static const std::vector<const char*>& phase_names();

 private:
  struct Prisoner {
    std::uint32_t site;
    std::uint32_t left;
    float hardship;
    float risk_aversion;
  };

  void place_agents(std::uint64_t seed);
  void apply_event(const scenario::ScheduleEvent& event);
  void move_phase();
  void count_phase();
  // seen[s] = number of sites of `kind` within vision of s.
  void count_within_vision(std::uint8_t kind, std::vector<std::uint16_t>& prefix,
                           std::vector<std::uint16_t>& seen);
  void decide_phase();
  void arrest_phase();
  void jail_phase();
  void tally();
  // Bids for `target` on behalf of the agent at `origin`; the bid of smallest
  // (priority(origin), origin) wins, whatever the order the bids arrive in.
  // [first_row, end_row) is the calling thread's block of rows.
  void claim(std::uint32_t target, int row, std::uint32_t origin, std::uint64_t purpose,
             int first_row, int end_row);
  std::uint32_t priority(std::uint32_t origin, std::uint64_t purpose) const;
  void move_agent(std::uint32_t from, std::uint32_t to);
  // The index of a uniformly random empty site among the vision's offsets from (x, y).
  bool random_empty_site(int x, int y, std::uint64_t key, std::size_t& offset) const;
  int neighbour_row(int y, std::size_t offset) const;
  // The site at the vision's `offset`-th offset from (x, y).
  std::uint32_t neighbour(int x, int y, std::size_t offset) const;
  void release_from_jail();
  std::uint64_t key(std::uint32_t site, std::uint64_t purpose) const;

  model::ClassicParams params_;
  std::vector<scenario::ScheduleEvent> schedule_;
  model::Neighbourhood vision_;
  std::vector<std::int64_t> linear_offsets_;  // dy * width + dx of each vision offset
  int width_;
  int height_;
  int reach_;
  std::uint32_t sites_;
  bool cops_move_;
  ThreadPool pool_;
  std::uint64_t seed_key_;
  std::uint64_t tick_key_ = 0;
  double legitimacy_;

  // Per site: 1 + 4 + 4 + 4 + 2 + 2 + 4 bytes, plus two prefix rows (2 + 2 bytes a site).
  std::vector<std::uint8_t> kind_;
  std::vector<float> hardship_;
  std::vector<float> risk_aversion_;
  std::vector<std::uint32_t> jail_left_;  // for kJailed sites
  std::vector<std::uint16_t> cops_seen_;
  std::vector<std::uint16_t> actives_seen_;
  std::vector<std::uint32_t> claims_;  // the winning bidder's site; kNoClaim when unclaimed
  std::vector<std::uint16_t> cop_prefix_;
  std::vector<std::uint16_t> active_prefix_;
  std::size_t prefix_stride_;

  std::vector<Prisoner> jail_;                        // jailed_block_site = false
  std::vector<std::vector<Prisoner>> new_prisoners_;  // one list per thread block
  std::vector<std::uint64_t> arrests_by_block_;
  model::ArrestProbabilityTable arrest_probability_;

  std::int64_t tick_ = 0;
  std::uint64_t activations_ = 0;
  std::uint64_t arrests_ = 0;
  TickCounts counts_;
  std::vector<double> phase_seconds_;
};

}  // namespace unrest::engine
