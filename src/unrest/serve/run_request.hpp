#pragma once
// What the viewer may ask to run: one of the served national scenarios, at a scale, with a
// seed, events switched on or off and parameters changed, possibly as a branch of a finished
// run from one of its hours; and the catalogue it chooses from.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "unrest/io/run_outputs.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace unrest::serve {

// A scenario the server offers, as read at start-up.
struct ServedScenario {
  io::ScenarioSource source;
  national::NationalScenario scenario;  // as in the file
};

struct RunRequest {
  std::size_t scenario = 0;  // index into the served scenarios
  double scale = 0.01;
  std::uint64_t seed = 1;
  std::string counterfactual;
  std::vector<std::pair<std::string, bool>> events;             // id, enabled
  std::vector<std::pair<std::string, std::string>> parameters;  // key, value as TOML
  double hours_per_second = 0;  // pace for watching; 0: as fast as it goes
  // A branch of a finished run: it shares that run's first `branch_hours` hours (which it
  // runs without holding the pace) and may differ only after them (check_branch_point).
  std::string branch_of;  // the run's id; empty: not a branch
  std::int64_t branch_hours = 0;
};

struct RequestLimits {
  double max_scale = 1.0;
  std::size_t max_changes = 200;  // events toggled plus parameters changed
  // A run's estimated memory may not exceed this (bytes); 0: what the machine has available.
  std::uint64_t max_memory = 0;
};

// Reads a POST /api/runs body:
//   {"scenario": PATH, "scale": 0.05, "seed": 1, "counterfactual": "",
//    "events": {"ID": true|false}, "parameters": {"KEY": number|bool|string},
//    "hours_per_second": 24, "branch": {"run": "r3", "hour": 96}}
// Throws HttpError(400) naming the field for malformed JSON, unknown fields, wrong types and
// values out of range.
RunRequest parse_run_request(const std::string& body, const std::vector<ServedScenario>& served,
                             const RequestLimits& limits);

// The scenario a request runs, checked by the scenario parser itself (an unknown event id or
// parameter key, or a value out of its range, is HttpError 400 with the parser's message), and
// its source with the request recorded as overrides, for the manifest.
national::NationalScenario request_scenario(const RunRequest& request,
                                            const std::vector<ServedScenario>& served,
                                            io::ScenarioSource& source, int threads);

// Throws HttpError(400), saying what differs, unless a run of `branch` acts as a run of
// `parent` (run `parent_id`) for their first `hours` hours and goes on after them: the rule
// of a branch from a saved state (scenario/branch_point.hpp), applied to a finished run.
void check_branch_point(const national::NationalScenario& parent, const std::string& parent_id,
                        const national::NationalScenario& branch, std::int64_t hours);

// GET /api/scenarios: each scenario's places, events, free parameters (with their current
// values and ranges) and counterfactuals.
nlohmann::json catalogue_json(const std::vector<ServedScenario>& served);

}  // namespace unrest::serve
