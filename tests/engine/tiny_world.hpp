#pragma once
// Tiny national worlds for tests: every mechanism off, so a test switches on exactly the one
// it is about.
#include <fmt/format.h>

#include <memory>
#include <string>

#include "unrest/engine/national_engine.hpp"

namespace unrest::testing {

inline national::NationalScenario tiny_world(int places = 1, double citizens = 1120,
                                             double cops = 64) {
  national::NationalScenario s;
  s.name = "tiny";
  s.start_date = "2022-01-01";
  s.end_date = "2022-01-02";
  s.ticks = 48;
  s.seed = 7;
  s.threads = 1;
  s.protest_people = 10;
  s.riot_people = 5;
  auto& r = s.rules;
  r.vision = 4;
  r.cop_vision = 4;
  r.legitimacy = 0.8;
  auto& m = s.mechanisms;
  m.hardship.enabled = false;
  m.legitimacy.enabled = false;
  m.news.enabled = false;
  m.day_night.enabled = false;
  m.curfew.enabled = false;
  m.riot.enabled = false;
  m.lethal_force.enabled = false;
  m.reinforcements.enabled = false;
  m.jail.capacity_limited = false;
  m.jail.min_hours = 0;
  m.jail.max_hours = 30;
  m.activity.enabled = false;
  for (int p = 0; p < places; ++p) {
    national::Place place;
    place.id = fmt::format("p{}", p);
    place.name = place.id;
    place.population = citizens;
    place.police = cops;
    place.lat = 43.0 + p;
    place.lon = 70.0 + p;
    s.places.push_back(place);
  }
  return s;
}

inline national::Event event(national::EventKind kind, std::int64_t tick, double value = 0.0,
                             std::vector<int> places = {0}) {
  national::Event e;
  e.id = fmt::format("e{}-{}", tick, national::to_string(kind));
  e.kind = kind;
  e.tick = tick;
  e.value = value;
  e.places = std::move(places);
  return e;
}

inline std::unique_ptr<national::NationalEngine> run(const national::NationalScenario& s,
                                                     int threads = 1) {
  auto engine = std::make_unique<national::NationalEngine>(s, threads);
  while (engine->step()) {
  }
  return engine;
}

// The counts most tests follow, as series accessors.
inline double active_of(const national::PlaceRecord& r) { return r.counts.active; }
inline double rioting_of(const national::PlaceRecord& r) { return r.counts.rioting; }

// A per-place series of one count over the run.
template <typename Get>
std::vector<double> series(const national::NationalEngine& e, int place, Get get) {
  std::vector<double> out;
  for (const auto& row : e.records()) out.push_back(get(row[static_cast<std::size_t>(place)]));
  return out;
}

inline double mean(const std::vector<double>& v, std::size_t from = 0,
                   std::size_t to = static_cast<std::size_t>(-1)) {
  to = std::min(to, v.size());
  double sum = 0;
  for (std::size_t i = from; i < to; ++i) sum += v[i];
  return to > from ? sum / static_cast<double>(to - from) : 0.0;
}

}  // namespace unrest::testing
