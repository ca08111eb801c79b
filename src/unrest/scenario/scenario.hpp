#pragma once
// A scenario: everything a run needs, as plain validated data. Built once from a TOML file
// (plus command-line overrides) and never changed by the engines.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "unrest/model/classic_options.hpp"

namespace unrest::scenario {

enum class EngineKind { sequential, parallel };

struct RunSettings {
  std::int64_t ticks = 1000;
  std::uint64_t seed = 1;
  EngineKind engine = EngineKind::sequential;
  // Threads of the parallel engine; 0 means one per hardware thread. Results do not depend
  // on it.
  std::int64_t threads = 0;
};

struct AnalysisSettings {
  // An outburst is a maximal run of ticks with more than this many actives.
  std::int64_t outburst_threshold = 50;
};

enum class ScheduleAction { set_legitimacy, change_legitimacy, remove_cops, add_cops };

// A dated change to the world: applied at the start of tick `tick`, then every `every` ticks
// (if > 0), `times` times in all (unbounded when absent and `every` > 0).
struct ScheduleEvent {
  std::string id;
  std::int64_t tick = 1;
  std::int64_t every = 0;
  std::optional<std::int64_t> times;
  ScheduleAction action = ScheduleAction::set_legitimacy;
  double value = 0.0;
};

struct Scenario {
  std::string name;
  std::string description;
  std::string preset = "netlogo";
  model::ClassicParams model;
  RunSettings run;
  AnalysisSettings analysis;
  std::vector<ScheduleEvent> schedule;
};

std::string_view to_string(EngineKind);
std::string_view to_string(ScheduleAction);

}  // namespace unrest::scenario
