#include "unrest/serve/run_request.hpp"

#include <fmt/format.h>

#include <cmath>

#include "unrest/io/national_outputs.hpp"
#include "unrest/report/report_data.hpp"
#include "unrest/scenario/branch_point.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/serve/http_error.hpp"

namespace unrest::serve {
namespace {

using nlohmann::json;

HttpError bad(const std::string& message) { return HttpError(400, message); }

double number_field(const json& body, const char* key, double low, double high) {
  const json& v = body[key];
  if (!v.is_number()) throw bad(fmt::format("'{}' must be a number", key));
  const double x = v.get<double>();
  if (!std::isfinite(x) || x < low || x > high) {
    throw bad(fmt::format("'{}' must be in [{:g}, {:g}] (got {:g})", key, low, high, x));
  }
  return x;
}

// A TOML value for --set: numbers and booleans as they are, strings quoted.
std::string toml_value(const std::string& key, const json& v) {
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number()) {
    const double x = v.get<double>();
    if (!std::isfinite(x)) throw bad(fmt::format("parameter '{}' must be finite", key));
    return fmt::format("{}", x);
  }
  if (v.is_string()) return json(v.get<std::string>()).dump();
  throw bad(fmt::format("parameter '{}' must be a number, a boolean or a string", key));
}

}  // namespace

RunRequest parse_run_request(const std::string& body_text,
                             const std::vector<ServedScenario>& served,
                             const RequestLimits& limits) {
  json body;
  try {
    body = json::parse(body_text);
  } catch (const json::exception& e) {
    // Not only parse errors: a number too large for a double is an out_of_range (found by
    // fuzz/run_request_fuzzer.cpp; it was a 500).
    throw bad(fmt::format("the body is not valid JSON: {}", e.what()));
  }
  if (!body.is_object()) throw bad("the body must be a JSON object");
  static const std::vector<std::string> known = {"scenario",         "scale",  "seed",
                                                 "counterfactual",   "events", "parameters",
                                                 "hours_per_second", "branch"};
  for (const auto& [key, value] : body.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      throw bad(
          fmt::format("unknown field '{}' (known: scenario, scale, seed, counterfactual, "
                      "events, parameters, hours_per_second, branch)",
                      key));
    }
  }
  RunRequest request;
  if (!body.contains("scenario") || !body["scenario"].is_string()) {
    throw bad("'scenario' (a string: the path of a served scenario) is required");
  }
  const std::string path = body["scenario"].get<std::string>();
  bool found = false;
  for (std::size_t i = 0; i < served.size(); ++i) {
    if (served[i].source.path == path) request.scenario = i, found = true;
  }
  if (!found) throw bad(fmt::format("no served scenario '{}' (see GET /api/scenarios)", path));
  if (body.contains("scale")) request.scale = number_field(body, "scale", 1e-6, limits.max_scale);
  if (body.contains("seed")) {
    if (!body["seed"].is_number_unsigned()) throw bad("'seed' must be an integer >= 0");
    request.seed = body["seed"].get<std::uint64_t>();
  }
  if (body.contains("hours_per_second")) {
    request.hours_per_second = number_field(body, "hours_per_second", 0.0, 1e6);
  }
  if (body.contains("counterfactual")) {
    if (!body["counterfactual"].is_string()) throw bad("'counterfactual' must be a string");
    request.counterfactual = body["counterfactual"].get<std::string>();
  }
  if (body.contains("events")) {
    if (!body["events"].is_object()) throw bad("'events' must be an object {\"ID\": true|false}");
    for (const auto& [id, on] : body["events"].items()) {
      if (!on.is_boolean()) throw bad(fmt::format("events.{} must be true or false", id));
      request.events.emplace_back(id, on.get<bool>());
    }
  }
  if (body.contains("parameters")) {
    if (!body["parameters"].is_object())
      throw bad("'parameters' must be an object {\"KEY\": value}");
    for (const auto& [key, value] : body["parameters"].items()) {
      request.parameters.emplace_back(key, toml_value(key, value));
    }
  }
  if (body.contains("branch")) {
    const json& b = body["branch"];
    if (!b.is_object() || b.size() != 2 || !b.contains("run") || !b["run"].is_string() ||
        !b.contains("hour") || !b["hour"].is_number_unsigned() ||
        b["hour"].get<std::uint64_t>() < 1 || b["hour"].get<std::uint64_t>() > 1'000'000) {
      throw bad(
          "'branch' must be {\"run\": ID, \"hour\": N}: the finished run it branches from "
          "and how many of its hours it shares (at least 1)");
    }
    request.branch_of = b["run"].get<std::string>();
    request.branch_hours = static_cast<std::int64_t>(b["hour"].get<std::uint64_t>());
  }
  if (request.events.size() + request.parameters.size() > limits.max_changes) {
    throw bad(fmt::format("at most {} events and parameters may be changed in one run",
                          limits.max_changes));
  }
  return request;
}

national::NationalScenario request_scenario(const RunRequest& request,
                                            const std::vector<ServedScenario>& served,
                                            io::ScenarioSource& source, int threads) {
  const ServedScenario& base = served.at(request.scenario);
  source = base.source;
  std::vector<std::string> sets;
  for (const auto& [key, value] : request.parameters) sets.push_back(key + "=" + value);
  for (const auto& [id, on] : request.events) {
    sets.push_back(fmt::format("event.{}.enabled={}", id, on ? "true" : "false"));
  }
  source.overrides = sets;
  sets.push_back(fmt::format("run.scale={}", request.scale));
  sets.push_back(fmt::format("run.seed={}", request.seed));
  sets.push_back(fmt::format("run.threads={}", threads));
  source.overrides.push_back(fmt::format("--scale {}", request.scale));
  source.overrides.push_back(fmt::format("--seed {}", request.seed));
  try {
    auto scenario = national::parse_national_scenario(source.text, source.path, sets);
    if (!request.counterfactual.empty()) {
      national::apply_counterfactual(scenario, request.counterfactual);
      source.overrides.push_back("--counterfactual " + request.counterfactual);
    }
    return scenario;
  } catch (const scenario::ScenarioError& e) {
    throw bad(e.what());
  }
}

void check_branch_point(const national::NationalScenario& parent, const std::string& parent_id,
                        const national::NationalScenario& branch, std::int64_t hours) {
  if (hours >= parent.ticks) {
    throw bad(fmt::format("branch.hour: run {} has {} hours; a branch shares 1 to {} of them",
                          parent_id, parent.ticks, parent.ticks - 1));
  }
  if (branch.name != parent.name) {
    throw bad(
        fmt::format("a branch runs the scenario of the run it branches from ({} ran "
                    "\"{}\", this request \"{}\")",
                    parent_id, parent.name, branch.name));
  }
  const auto difference = national::first_difference(national::inputs_before(parent, hours),
                                                     national::inputs_before(branch, hours));
  if (difference) {
    const auto start = national::parse_local_time(parent.start_date);
    throw bad(fmt::format(
        "this run cannot branch from run {} at {}: it differs from that run before that "
        "hour ({}). A branch may differ only in what comes after the hour it branches from",
        parent_id, national::date_time_of_tick(*start, hours), *difference));
  }
}

json catalogue_json(const std::vector<ServedScenario>& served) {
  json out = json::array();
  for (const auto& s : served) {
    const auto& sc = s.scenario;
    const json effective = io::national_scenario_json(sc);
    json places = json::array();
    for (const auto& p : sc.places) {
      places.push_back(report::place_json(p.id, p.name, p.lat, p.lon, p.population));
    }
    json events = json::array();
    for (const auto& e : sc.events) {
      std::string where = e.national ? "national" : "";
      for (std::size_t i = 0; !e.national && i < e.places.size(); ++i) {
        if (i > 0) where += ", ";
        where += sc.places[static_cast<std::size_t>(e.places[i])].id;
      }
      events.push_back({{"id", e.id},
                        {"at", e.at},
                        {"kind", national::to_string(e.kind)},
                        {"where", where},
                        {"enabled", e.enabled},
                        {"text", e.text}});
    }
    json parameters = json::array();
    for (const auto& f : sc.free) {
      // "rules.arrest_rate" is /rules/arrest_rate in the effective scenario.
      std::string path = "/";
      for (char c : f.key) path += c == '.' ? '/' : c;
      const json::json_pointer pointer(path);
      parameters.push_back({{"key", f.key},
                            {"value", effective.value(pointer, json())},
                            {"low", f.low},
                            {"high", f.high},
                            {"log_scale", f.log_scale},
                            {"text", f.text}});
    }
    json counterfactuals = json::array();
    for (const auto& c : sc.counterfactuals) {
      counterfactuals.push_back({{"id", c.id}, {"description", c.description}});
    }
    out.push_back({{"path", s.source.path},
                   {"name", sc.name},
                   {"description", sc.description},
                   {"start", sc.start_date},
                   {"end", sc.end_date},
                   {"ticks", sc.ticks},
                   {"scale", sc.scale},
                   {"seed", sc.seed},
                   {"places", places},
                   {"events", events},
                   {"parameters", parameters},
                   {"counterfactuals", counterfactuals}});
  }
  return out;
}

}  // namespace unrest::serve
