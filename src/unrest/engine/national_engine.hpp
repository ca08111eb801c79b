#pragma once
// Runs a national scenario: applies the dated events, computes each place's inputs for the
// hour from the national state (news, day and night, curfew, legitimacy, fear), advances the
// places in parallel (each place on one thread, so results do not depend on the thread
// count), and records the per-place series and the event log.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "unrest/engine/engine.hpp"
#include "unrest/engine/place_world.hpp"
#include "unrest/engine/thread_pool.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace unrest::national {

// A national run spread over processes: each steps only the places marked `mine`, keeping the
// whole national state; after each hour `exchange` fills in the other places' records (an
// all-gather), so every process goes on from the same state and the outputs are those of a
// single process. Empty: this process runs every place.
struct PlacePartition {
  std::vector<bool> mine;
  std::function<void(std::vector<PlaceRecord>& row, const std::vector<bool>& mine)> exchange;
};

// Places shared among `processes`, balanced by population (largest first, each to the least
// loaded process): owner[p] is the process of place p.
std::vector<int> assign_places(const NationalScenario& scenario, int processes);

struct LogEntry {
  std::int64_t tick = 0;
  std::string kind;  // "event", "trigger" (a condition met), "first_protest", "first_riot"
  std::string id;    // event id, or place id
  std::string where;
  std::string text;
};

class NationalEngine final : public engine::Engine {
 public:
  NationalEngine(const NationalScenario& scenario, int threads, PlacePartition partition = {});

  // Advances one hour; false once the last tick is done.
  bool step() override;

  // Brings a dated event into the run (for a program driving the run hour by hour): it applies
  // at its tick like the scenario's own events and is logged with them. Throws
  // std::invalid_argument for an event dated before the next hour or a triggered one.
  void inject(Event event);
  // The events brought in by inject(), in order.
  const std::vector<Event>& injected() const { return injected_; }

  // The run's whole state after the hours done, as bytes (engine/run_state.cpp), for a file
  // (io/state_file.hpp) from which another run goes on. restore() takes it into an engine just
  // built, before its first step, from a scenario that acts the same up to that hour (the
  // caller checks that: scenario/branch_point.hpp); engine::StateFormatError if it does not
  // fit. Only a run that brought in no event can be saved (std::logic_error). A run spread
  // over processes saves as: each process's save_places() (the bytes of the places it runs,
  // empty for the others), gathered place by place into one list, given to save(places) on
  // any process; each process restores the file's shared part and its own places.
  std::string save() const;  // a run on one process: save(save_places())
  std::vector<std::string> save_places() const;
  std::string save(const std::vector<std::string>& places) const;
  void restore(std::string_view state);

  std::int64_t tick() const override { return tick_; }  // ticks done
  std::uint64_t agent_updates() const override { return agent_updates_; }
  // The nation's value of every national quantity (scenario/national_quantities.hpp) after the last
  // hour, in agents; nothing before the first.
  void observe(const engine::QuantityObserver& observer) const override;
  const NationalScenario& scenario() const { return scenario_; }
  const LocalTime& start() const { return start_; }
  // records()[t][p]: place p at the end of hour t.
  const std::vector<std::vector<PlaceRecord>>& records() const { return records_; }
  const std::vector<LogEntry>& log() const { return log_; }
  // Only for places this process runs.
  const PlaceWorld& world(int place) const { return *worlds_[static_cast<std::size_t>(place)]; }
  bool runs(int place) const { return worlds_[static_cast<std::size_t>(place)] != nullptr; }
  std::int64_t citizens(int place) const { return citizens_[static_cast<std::size_t>(place)]; }
  int lattice_side(int place) const { return sides_[static_cast<std::size_t>(place)]; }
  // First tick of sustained protest / riot per place (-1: never), from the thresholds.
  const std::vector<std::int64_t>& first_protest() const { return first_protest_; }
  const std::vector<std::int64_t>& first_riot() const { return first_riot_; }
  std::int64_t protest_threshold_agents() const { return protest_agents_; }
  std::int64_t riot_threshold_agents() const { return riot_agents_; }

 private:
  void apply_events();
  void apply(const Event& event);
  void check_triggers();
  std::string where_text(const Event& event) const;

  NationalScenario scenario_;
  LocalTime start_;
  engine::ThreadPool pool_;
  PlacePartition partition_;
  std::vector<std::unique_ptr<PlaceWorld>> worlds_;  // null for places another process runs
  std::vector<std::int64_t> citizens_;
  std::vector<int> sides_;
  int vision_sites_ = 0;
  std::vector<int> order_;  // places, largest first, for load balance
  std::vector<PlaceState> dynamics_;
  std::unique_ptr<GravityKernel> news_;
  std::vector<std::vector<PlaceRecord>> records_;
  std::vector<LogEntry> log_;
  // Triggered events (scenario/event_trigger.hpp): per event, one state for a national
  // condition or one per place of `where`; and the events whose condition was met, with the
  // tick they apply at.
  struct TriggerState {
    bool held = false;   // the condition held at the end of the last hour
    bool fired = false;  // it has brought its event
  };
  struct PendingEvent {
    std::size_t event = 0;
    int place = -1;  // -1: every place of the event
    std::int64_t due = 0;
  };
  std::vector<std::vector<TriggerState>> triggers_;
  std::vector<PendingEvent> pending_;
  std::vector<Event> injected_;
  std::vector<std::int64_t> first_protest_;
  std::vector<std::int64_t> first_riot_;
  std::int64_t protest_agents_ = 1;
  std::int64_t riot_agents_ = 1;
  std::int64_t tick_ = 0;
  std::uint64_t agent_updates_ = 0;
};

}  // namespace unrest::national
