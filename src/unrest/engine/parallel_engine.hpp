#pragma once
// The multithreaded engine: every random draw a pure function of (seed, tick, site, purpose),
// and the output byte-identical for any number of threads.
//
// A tick, with the NetLogo order (move, then act):
//   move:   agents move one after another within horizontal bands (bands.hpp): each mover
//           takes a uniformly random empty site within vision, as the sites are when its turn
//           comes. Bands of one colour move at the same time on different threads; the bands'
//           origin, which colour goes first and each band's sweep direction are drawn anew
//           every tick. No bids, no lost moves, no two agents on one site.
//   decide: rule A for every free citizen, all from the same snapshot. Cops and actives
//           within vision come from row prefix sums (vision_counter.hpp), computed row by row
//           just ahead of the decisions so the counts never leave the cache; a decision is an
//           integer test against the citizen's activation cutoff (model/activation_cutoff.hpp).
//   arrest: cops act one after another within bands, like movers: each picks a uniformly
//           random active citizen within vision, as the lattice is when its turn comes.
//   jail:   terms count down; prisoners whose term is over return.
// With the Mesa order the move comes last. docs/DESIGN.md says how this activation order differs
// from the paper's random sequential one.
//
// One free agent per site: what NetLogo does by stacking agents (a cop on its jailed
// arrestee, a citizen released under someone else) is done here as follows: when jailed
// citizens do not block their site (`jailed_block_site = false`) they leave the lattice for a
// jail and return to their site on release, waiting while it is taken; a cop steps onto its
// arrestee's site only when the arrestee has left it.
#include <array>
#include <cstdint>
#include <vector>

#include "unrest/engine/bands.hpp"
#include "unrest/engine/citizen_traits.hpp"
#include "unrest/engine/classic_engine.hpp"
#include "unrest/engine/jail.hpp"
#include "unrest/engine/thread_pool.hpp"
#include "unrest/engine/tick_counts.hpp"
#include "unrest/model/arrest_probability_table.hpp"
#include "unrest/model/neighbourhood.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest::engine {

class ParallelEngine final : public ClassicEngine {
 public:
  // Whether each site keeps the index of its citizen, so that the citizen's traits can be
  // found again. Only a change of legitimacy (which recomputes every cutoff from the traits)
  // and the literal ratio (which decides from the traits) read them; other runs never do, and
  // without the index a move copies 3 bytes instead of 7. `always` is for tests that follow
  // citizens by their traits; either way the run is the same, byte for byte (tested).
  enum class CitizenIdentity { when_read, always };

  ParallelEngine(const scenario::Scenario& scenario, int threads,
                 CitizenIdentity identity = CitizenIdentity::when_read);

  bool step() override;

  std::int64_t tick() const override { return tick_; }
  std::uint64_t agent_updates() const override { return activations_; }
  TickCounts counts() const override { return counts_; }
  double legitimacy() const { return legitimacy_; }
  std::uint64_t activations() const { return activations_; }
  int threads() const { return pool_.size(); }
  // Bytes of engine state per lattice site (the jail excluded), for the scale tests.
  double bytes_per_site() const;

  // What a site holds.
  enum Kind : std::uint8_t { kEmpty = 0, kQuiet, kActive, kCop, kJailed };
  // Sites are numbered y * width + x, whatever the layout in memory.
  Kind kind(std::uint32_t site) const {
    return static_cast<Kind>(kind_[slot_of(site)] & kKindMask);
  }
  bool keeps_identities() const { return keeps_identities_; }
  // The hardship of the citizen on a site, which tells citizens apart in tests that follow
  // them from tick to tick. Needs keeps_identities().
  float hardship(std::uint32_t site) const;
  // Whether no site carries a mark that would keep its agent from acting in the next tick:
  // no acted marks, and no moved marks before a tick that starts by moving. For tests.
  bool marks_cleared() const;
  // Whether every citizen's activation cutoff, on the lattice and in jail, is the one its
  // traits give under the current legitimacy. For tests; needs keeps_identities().
  bool cutoffs_current() const;
  // Cops and actives within vision of every site as the lattice is now, counted by the same
  // kernel the decisions use (vision_counter.hpp).
  void count_vision(std::vector<std::uint16_t>& cops, std::vector<std::uint16_t>& actives) const;
  // Seconds spent in each phase since construction: move, count, decide, arrest, jail.
  // Counting and deciding run interleaved, row by row; their wall time is split in the
  // proportion of the threads' time in each.
  const std::vector<double>& phase_seconds() const { return phase_seconds_; }
  static const std::vector<const char*>& phase_names();

 private:
  // A kind byte is the Kind in its low bits and these marks above it: a mover or cop that
  // has had its turn in a phase and landed in a band that has not had its turn yet must not
  // act again in that phase. Moved marks are cleared by the next decision pass, acted marks
  // at the end of the arrest phase.
  static constexpr std::uint8_t kKindMask = 0x07;
  static constexpr std::uint8_t kMoved = 0x80;
  static constexpr std::uint8_t kActed = 0x40;
  enum PhaseIndex { kMovePhase, kCountPhase, kDecidePhase, kArrestPhase, kJailPhase };

  using Traits = CitizenTraits;
  // Agents of each kind on the lattice.
  struct KindTally {
    std::uint64_t quiet = 0, active = 0, cops = 0, jailed = 0;
  };
  // What one band's arrests did.
  struct ArrestTally {
    std::uint64_t arrests = 0;              // every arrest
    std::uint64_t released_now = 0;         // term 0 under end-of-tick countdowns: quiet at once
    std::uint64_t jailed_on_site = 0;       // held on their site (jailed_block_site)
    std::uint64_t for_life = 0;             // taken off the lattice for ever
    std::vector<Jail::Prisoner> prisoners;  // taken off the lattice, in the order of arrest
    std::vector<std::uint32_t> stepped;     // sites of cops that stepped onto their arrestee's
  };
  // Up to 16 sites of a vision row, from `offset` (in slots) from the viewer: the vision of a
  // site away from the edges is a list of these, in the order of the spans.
  struct VisionChunk {
    std::int32_t offset;
    std::uint32_t lanes;  // bit i: the site offset + i is within vision
  };
  // Each thread's working memory.
  struct Scratch {
    std::vector<std::uint16_t> xs;  // x of the movers or cops of a row
    std::vector<std::uint16_t> prefix16;
    std::vector<std::uint32_t> prefix32;
    std::vector<std::uint16_t> counts16;
    std::vector<std::uint32_t> counts32;
    KindTally tally;
    double count_seconds = 0;  // in the current decision pass
    double decide_seconds = 0;
  };

  void place_agents(std::uint64_t seed);
  void apply_event(const scenario::ScheduleEvent& event);
  // Throws unless citizen indices and traits are kept.
  void require_identities() const;
  void refresh_cutoffs();
  std::uint16_t cutoff_for(const Traits& traits) const;
  // Where site y * width + x lies in the per-site arrays: at y * stride + x.
  std::uint32_t slot_of(std::uint32_t site) const {
    return site / static_cast<std::uint32_t>(width_) * stride_ +
           site % static_cast<std::uint32_t>(width_);
  }
  // Draws are keyed by the site number, not the slot, so the padding changes no run.
  std::uint64_t key(std::uint32_t site, std::uint64_t purpose) const {
    // Distinct (site, purpose) give distinct words; draws pass the word through mix64, a
    // bijection, so no two draws share a stream.
    return tick_key_ ^ ((static_cast<std::uint64_t>(site) << 4) | purpose);
  }

  // decide (parallel_engine.cpp)
  void decide_phase();
  template <typename Packed>
  void halo_prefixes(Scratch& scratch, int first, int end);
  template <typename Packed>
  void decide_block(Scratch& scratch, int first, int end);
  template <typename Packed>
  void decide_row(int y, const Packed* counts, KindTally& tally);
  void release_own_activation(int y);

  // move (parallel_moves.cpp)
  void move_phase();
  template <int kBits, bool kIdentities>
  void move_band(int band, int shift);
  template <int kBits>
  bool later_candidates(int x, int y, std::uint64_t mixed, bool interior,
                        std::uint32_t& target) const;
  template <typename Stream>
  bool exact_empty_site(int x, int y, Stream& stream, std::uint32_t& target) const;
  std::uint32_t wrapped_candidate(int x, int y, std::uint32_t entry) const;
  std::uint32_t neighbour(int x, int y, std::size_t offset) const;

  // arrest (parallel_arrests.cpp)
  void arrest_phase();
  void arrest_band(int band, int shift, ArrestTally& out, Scratch& scratch);
  void build_vision_chunks();
  void arrest_by(int x, int y, bool interior, ArrestTally& out);
  // Visits the sites within vision of (x, y) across the torus' edges until `visit` says stop;
  // whether it did.
  template <typename Visit>
  bool for_each_wrapped_in_vision(int x, int y, Visit visit) const;
  std::uint32_t actives_in_vision(int x, int y, bool interior) const;
  std::uint32_t nth_active_in_vision(int x, int y, bool interior, std::uint32_t n) const;

  void jail_phase();
  void finish_tally();

  model::ClassicParams params_;
  std::vector<scenario::ScheduleEvent> schedule_;
  model::Neighbourhood vision_;
  int width_;
  int height_;
  int reach_;
  std::uint32_t sites_;  // width * height
  // Row y of every per-site array starts at y * stride_. A row length that is a multiple of
  // 256 sites puts the rows a mover or cop reads at once (the same columns of 2 reach + 1
  // rows) in the same few sets of the L1 cache, where they evict one another: such rows get
  // 64 sites of padding (3-5 % faster at 4096 x 4096: docs/PERFORMANCE.md; the run itself
  // does not change).
  std::uint32_t stride_;
  std::uint32_t slots_;    // stride * height
  bool keeps_identities_;  // citizen_ and traits_ are kept (CitizenIdentity)
  bool cops_move_;
  bool packed16_;  // counts fit 8-bit halves (visions of at most 255 sites)
  // Movement candidates: `bits` random bits index a table of 2^bits entries in which each
  // vision offset appears floor(2^bits / n) times and the rest are the own site (0, 0).
  struct CandidateTable {
    int bits;
    std::vector<std::int32_t> linear;   // dy * width + dx
    std::vector<model::Offset> offset;  // for sites near the torus' edges
  };
  CandidateTable candidates_;
  std::vector<VisionChunk> vision_chunks_;
  std::vector<std::int32_t> chunk_offsets_;                // the chunks' offsets, packed
  std::vector<std::array<std::uint8_t, 16>> chunk_lanes_;  // their lanes as bytes (count16)
  ThreadPool pool_;
  Bands bands_;
  std::uint64_t seed_key_;
  std::uint64_t tick_key_ = 0;
  double legitimacy_;
  std::vector<double> p_by_ratio_;  // P(q) for whole ratios q = 0 .. vision size
  std::uint8_t first_mover_;        // movers are the kind bytes first_mover_ .. kCop

  // Per slot: 1 + 2 bytes, 4 more for the citizen index where identities are kept, 4 more with
  // jailed_block_site. A mover carries its kind and its cutoff (and its index); its traits, needed
  // only when the legitimacy changes and by the literal ratio, stay put in traits_ (copying
  // them was a fifth of the move phase, the index a tenth: docs/PERFORMANCE.md).
  std::vector<std::uint8_t> kind_;        // 16 spare bytes at the end for match16
  std::vector<std::uint32_t> citizen_;    // index into traits_ of the citizen on the site, or empty
  std::vector<std::uint16_t> cutoff_;     // activation cutoff of the citizen on the site
  std::vector<std::uint32_t> jail_left_;  // for kJailed sites; empty without jailed_block_site
  std::size_t prefix_stride_;             // width + 2 reach + 1
  std::vector<Scratch> scratch_;          // one per thread
  std::vector<std::uint32_t> row_actives_;   // actives on each row after the decisions
  std::vector<std::uint32_t> actives_near_;  // actives within `reach` rows of each row
  std::vector<Traits> traits_;               // by citizen index, fixed at placement, or empty

  Jail jail_;  // jailed_block_site = false
  std::vector<ArrestTally> arrests_by_band_;
  model::ArrestProbabilityTable arrest_probability_;  // for the literal ratio

  std::int64_t tick_ = 0;
  std::uint64_t activations_ = 0;
  std::uint64_t arrests_ = 0;
  KindTally tally_;  // the lattice, kept up to date through a tick
  TickCounts counts_;
  std::vector<double> phase_seconds_;
};

}  // namespace unrest::engine
