#pragma once
// The classic asynchronous activation order, exactly: each tick every cop and citizen is activated
// once, in a fresh uniformly random order over both kinds, and each sees the effects of those
// activated before it. Rules come from model/; this class only orders and applies them.
#include <array>
#include <cstdint>
#include <vector>

#include "unrest/engine/classic_engine.hpp"
#include "unrest/engine/tick_counts.hpp"
#include "unrest/model/arrest_probability_table.hpp"
#include "unrest/rng/random_stream.hpp"
#include "unrest/scenario/scenario.hpp"
#include "unrest/world/classic_world.hpp"

namespace unrest::engine {

class SequentialEngine final : public ClassicEngine {
 public:
  explicit SequentialEngine(const scenario::Scenario& scenario);

  // Advances one tick: scheduled events, then every agent once, then jail countdown.
  bool step() override;

  std::int64_t tick() const override { return tick_; }
  std::uint64_t agent_updates() const override { return activations_; }
  TickCounts counts() const override;
  double legitimacy() const { return legitimacy_; }
  std::uint64_t activations() const { return activations_; }
  const world::ClassicWorld& world() const { return world_; }

 private:
  static constexpr std::uint32_t kCopTag = 0x8000'0000u;

  void apply_event(const scenario::ScheduleEvent& event);
  void activate_citizen(std::uint32_t c);
  void activate_cop(std::uint32_t p);
  void decide(std::uint32_t c);
  void enforce(std::uint32_t p);
  void move_citizen_randomly(std::uint32_t c);
  void move_cop_randomly(std::uint32_t p);
  // An empty site within vision of (x, y), uniformly; false if there is none.
  // `will_read_counts`: the mover reads the counts of its new site next, so they are worth
  // loading early.
  bool random_empty_site(int x, int y, bool will_read_counts, model::Offset& target);
  void count_down_jail_terms();
  // A schedule's removal or reinforcement of `count` cops, bounded by the cops there are (or
  // the empty sites): linear in the lattice however large `count` is.
  void remove_random_cops(std::int64_t count);
  void add_cops_at_random_empty_sites(std::int64_t count);

  model::ClassicParams params_;
  std::vector<scenario::ScheduleEvent> schedule_;
  rng::RandomStream rng_;
  world::ClassicWorld world_;
  double legitimacy_;
  model::ArrestProbabilityTable arrest_probability_;
  bool cops_move_;
  std::int64_t tick_ = 0;
  std::uint64_t activations_ = 0;
  std::uint64_t arrests_ = 0;
  std::vector<std::uint32_t> order_;        // agent tags: cop index | kCopTag, or citizen index
  std::vector<std::uint32_t> jailed_list_;  // for the end-of-tick countdown
  std::vector<std::uint32_t> empty_sites_;  // scratch for placing reinforcements
};

}  // namespace unrest::engine
