#include "unrest/engine/national_engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "unrest/scenario/national_quantities.hpp"

namespace unrest::national {

std::vector<int> assign_places(const NationalScenario& scenario, int processes) {
  const std::size_t n = scenario.places.size();
  std::vector<int> order(n);
  for (std::size_t p = 0; p < n; ++p) order[p] = static_cast<int>(p);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return scenario.places[static_cast<std::size_t>(a)].population >
           scenario.places[static_cast<std::size_t>(b)].population;
  });
  std::vector<double> load(static_cast<std::size_t>(std::max(1, processes)), 0.0);
  std::vector<int> owner(n, 0);
  for (int p : order) {
    const auto least =
        static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    owner[static_cast<std::size_t>(p)] = static_cast<int>(least);
    load[least] += scenario.places[static_cast<std::size_t>(p)].population;
  }
  return owner;
}

NationalEngine::NationalEngine(const NationalScenario& scenario, int threads,
                               PlacePartition partition)
    : scenario_(scenario), pool_(std::max(1, threads)), partition_(std::move(partition)) {
  const auto start = parse_local_time(scenario_.start_date);
  if (!start) throw std::invalid_argument("bad start date " + scenario_.start_date);
  start_ = *start;
  const auto n = scenario_.places.size();
  const double scale = scenario_.scale;
  std::vector<PlaceLocation> locations;
  struct Size {
    std::int64_t citizens, cops, jail;
    double hardship_max;
  };
  std::vector<Size> sizes;
  for (std::size_t p = 0; p < n; ++p) {
    const Place& place = scenario_.places[p];
    const auto citizens = static_cast<std::int64_t>(std::llround(place.population * scale));
    const auto cops = static_cast<std::int64_t>(std::llround(place.police * scale));
    const auto jail = static_cast<std::int64_t>(
        std::llround(scenario_.mechanisms.jail.capacity_per_100k * place.population / 1e5 * scale));
    const double hardship_max =
        place.hardship_max >= 0 ? place.hardship_max : scenario_.rules.hardship_max;
    sizes.push_back({citizens, cops, jail, hardship_max});
    citizens_.push_back(citizens);
    sides_.push_back(PlaceWorld::lattice_side(scenario_.rules, citizens, cops));
    PlaceState d;
    d.shock_weight = place.exposure;
    d.baseline = place.legitimacy >= 0 ? place.legitimacy : scenario_.rules.legitimacy;
    d.legitimacy = d.baseline;
    dynamics_.push_back(d);
    locations.push_back({place.lat, place.lon, place.population});
    order_.push_back(static_cast<int>(p));
  }
  std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
    return sizes[static_cast<std::size_t>(a)].citizens >
           sizes[static_cast<std::size_t>(b)].citizens;
  });
  // Building a place (placing its agents, sorting its citizens) depends on the place alone,
  // so places are built in parallel too.
  if (partition_.mine.empty()) partition_.mine.assign(n, true);
  vision_sites_ = PlaceWorld::disc_sites(scenario_.rules.vision);
  worlds_.resize(n);
  pool_.for_each_index(static_cast<int>(n), [&](int, int i) {
    const auto p = static_cast<std::size_t>(order_[static_cast<std::size_t>(i)]);
    if (!partition_.mine[p]) return;
    worlds_[p] = std::make_unique<PlaceWorld>(
        scenario_.rules, scenario_.mechanisms, sizes[p].citizens, sizes[p].cops,
        sizes[p].hardship_max, sizes[p].jail, scenario_.seed, static_cast<int>(p));
  });
  news_ = std::make_unique<GravityKernel>(std::move(locations), scenario_.mechanisms.news.gamma,
                                          scenario_.mechanisms.news.min_distance_km);
  triggers_.resize(scenario_.events.size());
  for (std::size_t i = 0; i < scenario_.events.size(); ++i) {
    const Event& event = scenario_.events[i];
    if (!event.when) continue;
    triggers_[i].resize(event.when->scope == EventTrigger::Scope::national ? 1
                                                                           : event.places.size());
  }
  first_protest_.assign(n, -1);
  first_riot_.assign(n, -1);
  protest_agents_ = std::max<std::int64_t>(1, std::llround(scenario_.protest_people * scale));
  riot_agents_ = std::max<std::int64_t>(1, std::llround(scenario_.riot_people * scale));
  records_.reserve(static_cast<std::size_t>(scenario_.ticks));
}

std::string NationalEngine::where_text(const Event& event) const {
  if (event.national) return "national";
  std::string out;
  for (int p : event.places) {
    if (!out.empty()) out += ";";
    out += scenario_.places[static_cast<std::size_t>(p)].id;
  }
  return out;
}

void NationalEngine::apply(const Event& event) {
  // The people of the places a total is shared among (a reinforcement spread by population).
  double everyone = 0.0;
  for (int q : event.places) everyone += scenario_.places[static_cast<std::size_t>(q)].population;
  for (int p : event.places) {
    PlaceState& d = dynamics_[static_cast<std::size_t>(p)];
    switch (event.kind) {
      case EventKind::price_shock: {
        const Place& place = scenario_.places[static_cast<std::size_t>(p)];
        d.shock_weight =
            event.fuel.empty()
                ? place.exposure
                : fuel_burden_weight(scenario_.mechanisms.hardship.per_burden,
                                     place.vehicles_on(event.fuel).value_or(0.0), place.population);
        d.shock_target = event.value;
        d.shock_step = event.ramp_hours > 0 ? event.value / static_cast<double>(event.ramp_hours)
                                            : event.value;
        break;
      }
      case EventKind::concession:
        d.shock = after_concession(d.shock, event.value);
        d.shock_target = after_concession(d.shock_target, event.value);
        d.shock_step = after_concession(d.shock_step, event.value);
        break;
      case EventKind::legitimacy:
        // A switched-off mechanism ignores its events too, so that with every mechanism off
        // a place is the classic model.
        if (!scenario_.mechanisms.legitimacy.enabled) break;
        d.baseline = std::clamp(d.baseline + event.value, 0.0, 1.0);
        d.legitimacy = std::clamp(d.legitimacy + event.value, 0.0, 1.0);
        break;
      case EventKind::emergency:
        d.emergency = true;
        d.curfew_start = event.curfew_start;
        d.curfew_end = event.curfew_end;
        break;
      case EventKind::lift_emergency:
        d.emergency = false;
        break;
      case EventKind::internet:
        d.reach = event.value;
        d.reach_until = event.until_tick;
        break;
      case EventKind::lethal_force:
        d.lethal_order = true;
        break;
      case EventKind::reinforcement: {
        const double cops =
            event.by_population
                ? population_share(event.value,
                                   scenario_.places[static_cast<std::size_t>(p)].population,
                                   everyone)
                : event.value;
        d.cops_delta += scaled_count(cops, scenario_.scale);
        break;
      }
      case EventKind::posture:
        d.restraint = event.value > 0.5;
        break;
      case EventKind::observed:
        break;
    }
  }
  log_.push_back({tick_, "event", event.id, where_text(event), event.text});
}

void NationalEngine::inject(Event event) {
  if (event.when)
    throw std::invalid_argument("an event brought into a run needs a date, not `when`");
  if (event.tick < tick_) {
    throw std::invalid_argument(
        fmt::format("event \"{}\" is dated {}, before the run's next hour {}", event.id, event.at,
                    date_time_of_tick(start_, tick_)));
  }
  injected_.push_back(std::move(event));
}

void NationalEngine::apply_events() {
  for (auto& d : dynamics_) {
    if (d.reach_until >= 0 && d.reach_until <= tick_) {
      d.reach = 1.0;
      d.reach_until = -1;
    }
  }
  for (const Event& event : scenario_.events) {
    // Events dated before the start apply at the first tick, in file order.
    const bool due = event.tick == tick_ || (tick_ == 0 && event.tick < 0);
    if (event.enabled && due) apply(event);
  }
  for (const Event& event : injected_) {
    if (event.enabled && event.tick == tick_) apply(event);
  }
  // Triggered events that are due, in the order their conditions were met.
  std::size_t kept = 0;
  for (const PendingEvent& pending : pending_) {
    if (pending.due != tick_) {
      pending_[kept++] = pending;
      continue;
    }
    Event event = scenario_.events[pending.event];
    if (pending.place >= 0) event.places = {pending.place};
    apply(event);
  }
  pending_.resize(kept);
  for (auto& d : dynamics_) d.shock = ramped_shock(d.shock, d.shock_target, d.shock_step);
}

void NationalEngine::observe(const engine::QuantityObserver& observer) const {
  if (records_.empty()) return;
  for (const Quantity* q : national_quantities()) {
    observer(q->name, national_value(*q, records_.back(), scenario_.places));
  }
}

bool NationalEngine::step() {
  if (tick_ >= scenario_.ticks) return false;
  apply_events();
  const auto n = scenario_.places.size();
  const Mechanisms& m = scenario_.mechanisms;

  // News from the places' active shares at the end of the last hour.
  std::vector<double> shares(n, 0.0);
  if (!records_.empty()) {
    for (std::size_t p = 0; p < n; ++p) {
      const auto citizens = citizens_[p];
      shares[p] =
          citizens > 0 ? records_.back()[p].counts.active / static_cast<double>(citizens) : 0.0;
    }
  }
  const std::vector<double> signals = news_->signals(shares);

  std::vector<PlaceInputs> inputs(n);
  std::vector<PlaceRecord> row(n);
  for (std::size_t p = 0; p < n; ++p) {
    const Place& place = scenario_.places[p];
    PlaceState& d = dynamics_[p];
    const int hour = local_hour(tick_, place.utc_offset - scenario_.utc_offset);
    PlaceInputs& in = inputs[p];
    in.tick = tick_;
    in.conditions = compose_hour(m, scenario_.rules, d, hour, signals[p], vision_sites_);
    in.cops_delta = m.reinforcements.enabled ? d.cops_delta : 0;
    d.cops_delta = 0;
    row[p].news = signals[p];
    row[p].reach = d.reach;
    row[p].curfew_hours = in.conditions.curfew_hours;
    row[p].emergency = d.emergency;
    row[p].lethal_order = in.conditions.lethal_order;
  }

  // Each place on one thread, taken largest first from a shared counter: which thread runs
  // a place changes nothing in its result.
  pool_.for_each_index(static_cast<int>(n), [&](int, int i) {
    const auto p = static_cast<std::size_t>(order_[static_cast<std::size_t>(i)]);
    if (partition_.mine[p]) worlds_[p]->step(inputs[p]);
  });

  for (std::size_t p = 0; p < n; ++p) {
    if (partition_.mine[p]) row[p].counts = worlds_[p]->counts();
  }
  if (partition_.exchange) partition_.exchange(row, partition_.mine);

  for (std::size_t p = 0; p < n; ++p) {
    PlaceState& d = dynamics_[p];
    const PlaceCounts& c = row[p].counts;
    const double citizens = std::max<double>(1.0, static_cast<double>(citizens_[p]));
    const double killed_per_100k = c.killed_now / citizens * 1e5;
    const double arrests_per_100k = c.arrests_now / citizens * 1e5;
    row[p].legitimacy = d.legitimacy;
    d.legitimacy =
        next_legitimacy(m.legitimacy, d.legitimacy, d.baseline, killed_per_100k, arrests_per_100k);
    d.fear = next_fear(m.lethal_force, d.fear, killed_per_100k);
    const double injured_per_100k = c.injured_now / citizens * 1e5;
    d.political = next_political_grievance(m.political, d.political,
                                           {c.active / citizens, signals[p] * d.reach,
                                            injured_per_100k, arrests_per_100k, killed_per_100k});
    d.force =
        next_force(m.violence, d.force, injured_per_100k + arrests_per_100k + killed_per_100k);
    agent_updates_ += static_cast<std::uint64_t>(c.quiet) + c.active + c.cops;
    const Place& place = scenario_.places[p];
    if (first_protest_[p] < 0 && c.active >= protest_agents_) {
      first_protest_[p] = tick_;
      log_.push_back({tick_, "first_protest", place.id, place.id,
                      fmt::format("{}: first hour with at least {:g} people active", place.name,
                                  scenario_.protest_people)});
    }
    if (first_riot_[p] < 0 && c.rioting >= riot_agents_) {
      first_riot_[p] = tick_;
      log_.push_back({tick_, "first_riot", place.id, place.id,
                      fmt::format("{}: first hour with at least {:g} people rioting", place.name,
                                  scenario_.riot_people)});
    }
  }
  records_.push_back(std::move(row));
  check_triggers();
  ++tick_;
  return true;
}

// Triggered events: each condition read on the hour just done, in people for counts; a
// condition met brings its event `delay_hours` after the next hour starts. National conditions
// bring the event to all its places; place conditions to the place that met it.
void NationalEngine::check_triggers() {
  const auto& row = records_.back();
  for (std::size_t i = 0; i < scenario_.events.size(); ++i) {
    const Event& event = scenario_.events[i];
    if (!event.enabled || !event.when) continue;
    const EventTrigger& when = *event.when;
    const Quantity& q = *find_quantity(when.quantity);
    const double unit = q.format == Format::count ? 1.0 / scenario_.scale : 1.0;
    auto observe = [&](std::size_t slot, int place, double value) {
      TriggerState& state = triggers_[i][slot];
      const bool now = when.holds(value * unit);
      if (now && !state.held && !(when.once && state.fired)) {
        state.fired = true;
        const std::int64_t due = tick_ + 1 + when.delay_hours;
        pending_.push_back({i, place, due});
        const std::string where =
            place < 0 ? where_text(event) : scenario_.places[static_cast<std::size_t>(place)].id;
        log_.push_back({tick_, "trigger", event.id, where,
                        fmt::format("{} met ({:g}); the event follows at hour {}", when.text,
                                    value * unit, due)});
      }
      state.held = now;
    };
    if (when.scope == EventTrigger::Scope::national) {
      observe(0, -1, national_value(q, row, scenario_.places));
    } else {
      for (std::size_t k = 0; k < event.places.size(); ++k) {
        const int p = event.places[k];
        observe(k, p, q.of(row[static_cast<std::size_t>(p)]));
      }
    }
  }
}

}  // namespace unrest::national
