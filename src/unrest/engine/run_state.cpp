// A national run's state between two hours, as bytes: what a run saved at an hour needs to go
// on exactly as it would have gone on. The random draws are keyed by (seed, place, hour,
// purpose), so no generator state is kept; the citizens' traits and first positions are drawn
// again when the engine is built, so only what the hours changed is written. Every index read
// back is checked against the place it indexes: a file that passed its checksum may still
// have been written by hand.
#include <algorithm>
#include <stdexcept>

#include "unrest/engine/national_engine.hpp"
#include "unrest/engine/place_world.hpp"

namespace unrest::national {
namespace {

using engine::StateFormatError;
using engine::StateReader;
using engine::StateWriter;

void put_counts(StateWriter& out, const PlaceCounts& c) {
  out.put(c.quiet);
  out.put(c.active);
  out.put(c.rioting);
  out.put(c.jailed);
  out.put(c.cops);
  out.put(c.arrests);
  out.put(c.citizens_killed);
  out.put(c.citizens_injured);
  out.put(c.cops_killed);
  out.put(c.cops_injured);
  out.put(c.damage);
  out.put(c.activity);
  out.put(c.mean_hardship);
  out.put(c.arrests_now);
  out.put(c.killed_now);
  out.put(c.injured_now);
  out.put(c.decisions);
}

PlaceCounts get_counts(StateReader& in) {
  PlaceCounts c;
  c.quiet = in.get<std::uint32_t>("counts");
  c.active = in.get<std::uint32_t>("counts");
  c.rioting = in.get<std::uint32_t>("counts");
  c.jailed = in.get<std::uint32_t>("counts");
  c.cops = in.get<std::uint32_t>("counts");
  c.arrests = in.get<std::uint64_t>("counts");
  c.citizens_killed = in.get<std::uint64_t>("counts");
  c.citizens_injured = in.get<std::uint64_t>("counts");
  c.cops_killed = in.get<std::uint64_t>("counts");
  c.cops_injured = in.get<std::uint64_t>("counts");
  c.damage = in.get<std::uint64_t>("counts");
  c.activity = in.get<double>("counts");
  c.mean_hardship = in.get<double>("counts");
  c.arrests_now = in.get<std::uint32_t>("counts");
  c.killed_now = in.get<std::uint32_t>("counts");
  c.injured_now = in.get<std::uint32_t>("counts");
  c.decisions = in.get<std::uint64_t>("counts");
  return c;
}

void put_place_state(StateWriter& out, const PlaceState& d) {
  out.put(d.shock);
  out.put(d.shock_target);
  out.put(d.shock_step);
  out.put(d.shock_weight);
  out.put(d.legitimacy);
  out.put(d.baseline);
  out.put(d.reach);
  out.put(d.reach_until);
  out.put<std::uint8_t>(d.emergency);
  out.put(d.curfew_start);
  out.put(d.curfew_end);
  out.put<std::uint8_t>(d.lethal_order);
  out.put(d.fear);
  out.put(d.cops_delta);
  out.put(d.political);
  out.put(d.force);
  out.put<std::uint8_t>(d.restraint);
}

PlaceState get_place_state(StateReader& in) {
  PlaceState d;
  d.shock = in.get<double>("place state");
  d.shock_target = in.get<double>("place state");
  d.shock_step = in.get<double>("place state");
  d.shock_weight = in.get<double>("place state");
  d.legitimacy = in.get<double>("place state");
  d.baseline = in.get<double>("place state");
  d.reach = in.get<double>("place state");
  d.reach_until = in.get<std::int64_t>("place state");
  d.emergency = in.get<std::uint8_t>("place state") != 0;
  d.curfew_start = in.get<int>("place state");
  d.curfew_end = in.get<int>("place state");
  d.lethal_order = in.get<std::uint8_t>("place state") != 0;
  d.fear = in.get<double>("place state");
  d.cops_delta = in.get<std::int64_t>("place state");
  d.political = in.get<double>("place state");
  d.force = in.get<double>("place state");
  d.restraint = in.get<std::uint8_t>("place state") != 0;
  return d;
}

void put_record(StateWriter& out, const PlaceRecord& r) {
  put_counts(out, r.counts);
  out.put(r.legitimacy);
  out.put(r.news);
  out.put(r.reach);
  out.put<std::uint8_t>(r.curfew_hours);
  out.put<std::uint8_t>(r.emergency);
  out.put<std::uint8_t>(r.lethal_order);
}

PlaceRecord get_record(StateReader& in) {
  PlaceRecord r;
  r.counts = get_counts(in);
  r.legitimacy = in.get<double>("record");
  r.news = in.get<double>("record");
  r.reach = in.get<double>("record");
  r.curfew_hours = in.get<std::uint8_t>("record") != 0;
  r.emergency = in.get<std::uint8_t>("record") != 0;
  r.lethal_order = in.get<std::uint8_t>("record") != 0;
  return r;
}

// Throws unless every value of `values` (ids, sites, states) lies below `bound`.
template <typename T>
void require_below(const std::vector<T>& values, std::uint64_t bound, const char* what) {
  for (const T v : values) {
    if (static_cast<std::uint64_t>(v) >= bound) {
      throw StateFormatError(std::string(what) + " out of range");
    }
  }
}

}  // namespace

void PlaceWorld::save(engine::StateWriter& out) const {
  // Quiet citizens who move change their sites whatever they decide: then every one is kept.
  const std::size_t touched =
      rules_.quiet_move_share > 0.0 ? std::size_t{stored()} : std::size_t{touched_bound_};
  out.put<std::uint64_t>(static_cast<std::uint64_t>(citizens()));
  // The stored citizens are drawn again from their blocks' keys: only how many is kept.
  out.put(blocks_stored());
  out.put_list(occupied_);
  out.put_list(site_, touched);
  out.put_list(state_, touched);
  out.put_list(jail_left_, touched);
  out.put_list(jailed_ids_);
  out.put_list(cop_site_);
  out.put_list(cop_state_);
  out.put(active_bound_);
  out.put(touched_bound_);
  out.put_list(actives_);
  out.put_list(participants_);
  out.put_list(took_part_, tracks_participation_ ? touched : 0);
  out.put_list(activity_.last_riots());
  put_counts(out, counts_);
}

void PlaceWorld::restore(engine::StateReader& in) {
  const std::uint64_t sites = static_cast<std::uint64_t>(width_) * width_;
  if (in.get<std::uint64_t>("citizens") != static_cast<std::uint64_t>(citizens())) {
    throw StateFormatError("a place has another number of citizens");
  }
  if (!store_blocks(in.get<std::uint32_t>("stored blocks"))) {
    throw StateFormatError("a place stores more citizens than it has");
  }
  if (tracks_participation_) took_part_.resize(stored(), 0);
  const std::uint64_t citizens = stored();
  auto occupied = in.get_list<std::uint64_t>("sites taken", occupied_.size());
  if (occupied.size() != occupied_.size()) throw StateFormatError("a place has another lattice");
  auto site = in.get_list<std::uint32_t>("citizens' sites", citizens);
  auto state = in.get_list<std::uint8_t>("citizens' states", citizens);
  auto jail_left = in.get_list<std::int32_t>("jail terms", citizens);
  if (state.size() != site.size() || jail_left.size() != site.size()) {
    throw StateFormatError("citizens' lists of different lengths");
  }
  require_below(site, sites, "a citizen's site");
  require_below(state, std::uint64_t{dead} + 1, "a citizen's state");
  auto jailed_ids = in.get_list<std::uint32_t>("jailed", citizens);
  require_below(jailed_ids, site.size(), "a jailed citizen");
  auto cop_site = in.get_list<std::uint32_t>("cops' sites", sites);
  auto cop_state = in.get_list<std::uint8_t>("cops' states", sites);
  if (cop_state.size() != cop_site.size()) throw StateFormatError("cops' lists differ in length");
  require_below(cop_site, sites, "a cop's site");
  require_below(cop_state, std::uint64_t{withdrawn} + 1, "a cop's state");
  const auto active_bound = in.get<std::uint32_t>("active bound");
  const auto touched_bound = in.get<std::uint32_t>("touched bound");
  if (active_bound > touched_bound || touched_bound > site.size()) {
    throw StateFormatError("citizens' bounds out of range");
  }
  auto actives = in.get_list<std::uint32_t>("actives", citizens);
  require_below(actives, active_bound, "an active citizen");
  auto participants = in.get_list<std::uint32_t>("participants", citizens);
  require_below(participants, touched_bound, "a participant");
  auto took_part = in.get_list<std::uint8_t>("participation", citizens);
  if (took_part.size() != (tracks_participation_ ? site.size() : 0)) {
    throw StateFormatError("participation flags of another length");
  }
  if (!activity_.restore_last_riots(
          in.get_list<std::int64_t>("blocks' last riots", activity_.last_riots().size()))) {
    throw StateFormatError("a place has another number of blocks");
  }
  counts_ = get_counts(in);

  occupied_ = std::move(occupied);
  std::copy(site.begin(), site.end(), site_.begin());
  std::copy(state.begin(), state.end(), state_.begin());
  std::copy(jail_left.begin(), jail_left.end(), jail_left_.begin());
  jailed_ids_ = std::move(jailed_ids);
  cop_site_ = std::move(cop_site);
  cop_state_ = std::move(cop_state);
  active_bound_ = active_bound;
  touched_bound_ = touched_bound;
  actives_ = std::move(actives);
  participants_ = std::move(participants);
  std::copy(took_part.begin(), took_part.end(), took_part_.begin());
}

std::vector<std::string> NationalEngine::save_places() const {
  std::vector<std::string> places(worlds_.size());
  for (std::size_t p = 0; p < worlds_.size(); ++p) {
    if (!worlds_[p]) continue;
    StateWriter out;
    worlds_[p]->save(out);
    places[p] = out.take();
  }
  return places;
}

std::string NationalEngine::save() const { return save(save_places()); }

std::string NationalEngine::save(const std::vector<std::string>& places) const {
  if (places.size() != worlds_.size()) throw std::logic_error("save(): one entry a place");
  if (!injected_.empty()) {
    throw std::logic_error("a run that brought in events while it went cannot be saved");
  }
  engine::StateWriter out;
  out.put(tick_);
  out.put(agent_updates_);
  out.put<std::uint64_t>(worlds_.size());
  for (const PlaceState& d : dynamics_) put_place_state(out, d);
  for (const auto& row : records_) {
    for (const PlaceRecord& r : row) put_record(out, r);
  }
  out.put<std::uint64_t>(log_.size());
  for (const LogEntry& l : log_) {
    out.put(l.tick);
    out.put_text(l.kind);
    out.put_text(l.id);
    out.put_text(l.where);
    out.put_text(l.text);
  }
  // Triggered events in the order of the scenario's events, and the pending ones by the rank
  // of their event among them: the same in any scenario with the same triggered events.
  std::vector<std::size_t> rank(scenario_.events.size(), 0);
  std::size_t triggered = 0;
  for (std::size_t i = 0; i < scenario_.events.size(); ++i) {
    if (!scenario_.events[i].when) continue;
    rank[i] = triggered++;
    out.put<std::uint64_t>(triggers_[i].size());
    for (const TriggerState& t : triggers_[i]) {
      out.put<std::uint8_t>(t.held);
      out.put<std::uint8_t>(t.fired);
    }
  }
  out.put<std::uint64_t>(pending_.size());
  for (const PendingEvent& p : pending_) {
    out.put<std::uint64_t>(rank[p.event]);
    out.put(p.place);
    out.put(p.due);
  }
  out.put_list(first_protest_);
  out.put_list(first_riot_);
  // Each place's bytes with their length, so that a process running some of the places can
  // pass over the others' (format 3).
  for (const std::string& place : places) {
    if (place.empty()) throw std::logic_error("save(): a place's state is missing");
    out.put_text(place);
  }
  return out.take();
}

void NationalEngine::restore(std::string_view state) {
  if (tick_ != 0) throw std::logic_error("restore() is for an engine that has not stepped");
  engine::StateReader in(state);
  const auto tick = in.get<std::int64_t>("hour");
  if (tick < 0 || tick > scenario_.ticks) {
    throw StateFormatError("the state is at an hour outside this run");
  }
  const auto agent_updates = in.get<std::uint64_t>("agent updates");
  const std::size_t n = worlds_.size();
  if (in.get<std::uint64_t>("places") != n) throw StateFormatError("another number of places");
  std::vector<PlaceState> dynamics;
  for (std::size_t p = 0; p < n; ++p) dynamics.push_back(get_place_state(in));
  std::vector<std::vector<PlaceRecord>> records(static_cast<std::size_t>(tick));
  for (auto& row : records) {
    for (std::size_t p = 0; p < n; ++p) row.push_back(get_record(in));
  }
  std::vector<LogEntry> log;
  const auto entries = in.get<std::uint64_t>("event log");
  if (entries > in.left()) throw StateFormatError("impossible length of event log");
  for (std::uint64_t k = 0; k < entries; ++k) {
    LogEntry l;
    l.tick = in.get<std::int64_t>("event log");
    l.kind = in.get_text("event log");
    l.id = in.get_text("event log");
    l.where = in.get_text("event log");
    l.text = in.get_text("event log");
    log.push_back(std::move(l));
  }
  auto triggers = triggers_;
  std::vector<std::size_t> triggered;
  for (std::size_t i = 0; i < scenario_.events.size(); ++i) {
    if (!scenario_.events[i].when) continue;
    triggered.push_back(i);
    if (in.get<std::uint64_t>("triggers") != triggers[i].size()) {
      throw StateFormatError("a triggered event has another number of places");
    }
    for (TriggerState& t : triggers[i]) {
      t.held = in.get<std::uint8_t>("triggers") != 0;
      t.fired = in.get<std::uint8_t>("triggers") != 0;
    }
  }
  const auto pending_count = in.get<std::uint64_t>("pending events");
  if (pending_count > in.left()) throw StateFormatError("impossible length of pending events");
  std::vector<PendingEvent> pending;
  for (std::uint64_t k = 0; k < pending_count; ++k) {
    const auto r = in.get<std::uint64_t>("pending events");
    const auto place = in.get<int>("pending events");
    const auto due = in.get<std::int64_t>("pending events");
    if (r >= triggered.size() || place < -1 || place >= static_cast<int>(n)) {
      throw StateFormatError("a pending event out of range");
    }
    pending.push_back({triggered[static_cast<std::size_t>(r)], place, due});
  }
  auto first_protest = in.get_list<std::int64_t>("first protests", n);
  auto first_riot = in.get_list<std::int64_t>("first riots", n);
  if (first_protest.size() != n || first_riot.size() != n) {
    throw StateFormatError("first protests and riots of another number of places");
  }
  for (std::size_t p = 0; p < n; ++p) {
    const std::string_view place = in.get_bytes("a place");
    if (!worlds_[p]) continue;  // another process runs it, and reads it
    StateReader own(place);
    worlds_[p]->restore(own);
    if (own.left() != 0) throw StateFormatError("bytes left over after a place");
  }
  if (in.left() != 0) throw StateFormatError("bytes left over after the last place");

  tick_ = tick;
  agent_updates_ = agent_updates;
  dynamics_ = std::move(dynamics);
  records_ = std::move(records);
  log_ = std::move(log);
  triggers_ = std::move(triggers);
  pending_ = std::move(pending);
  first_protest_ = std::move(first_protest);
  first_riot_ = std::move(first_riot);
}

}  // namespace unrest::national
