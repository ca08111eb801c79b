#include "unrest/io/manifest_replay.hpp"

#include <nlohmann/json.hpp>

#include "unrest/io/content_hash.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::io {
namespace {

using scenario::ScenarioError;

std::int64_t whole_number(const std::string& path, const std::string& option,
                          const std::string& value) {
  std::size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value.size()) {
    throw ScenarioError(path, 0, "scenario_source.overrides",
                        "\"" + option + " " + value + "\" is not a whole number");
  }
  return n;
}

}  // namespace

bool looks_like_manifest(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && text[first] == '{';
}

RecordedRun read_manifest(const std::string& path, const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    throw ScenarioError(path, 0, "", "is neither a TOML scenario nor a valid JSON manifest");
  }
  const auto source = j.find("scenario_source");
  if (source == j.end() || !source->is_object()) {
    throw ScenarioError(path, 0, "scenario_source",
                        "is missing: this JSON is not a run's manifest");
  }
  if (j.contains("applied_during_run")) {
    throw ScenarioError(path, 0, "applied_during_run",
                        "this run had events brought in while it went (from Python); its "
                        "scenario and overrides alone do not give it, so it cannot be replayed");
  }
  const auto text_of = source->find("text");
  if (text_of == source->end() || !text_of->is_string()) {
    throw ScenarioError(
        path, 0, "scenario_source.text",
        "is missing: this manifest was written by an unrest that did not keep the "
        "scenario's text; run its scenario_source.path with the overrides it lists");
  }
  RecordedRun run;
  run.source.text = text_of->get<std::string>();
  run.source.path = source->value("path", path);
  run.source.builtin = source->value("builtin", false);
  if (source->value("text_hash_fnv1a64", std::string()) != fnv1a64_hex(run.source.text)) {
    throw ScenarioError(path, 0, "scenario_source.text",
                        "does not match its text_hash_fnv1a64: the manifest was changed or is "
                        "corrupt");
  }
  const nlohmann::json* behaviour = nullptr;
  if (const auto effective = j.find("effective"); effective != j.end() && effective->is_object()) {
    if (const auto sc = effective->find("scenario"); sc != effective->end() && sc->is_object()) {
      if (const auto b = sc->find("behaviour"); b != sc->end() && b->is_object()) behaviour = &*b;
    }
  }
  if (behaviour) {
    run.behaviour_file = behaviour->value("path", std::string());
    run.behaviour_hash = behaviour->value("text_hash_fnv1a64", std::string());
  }
  const auto overrides = source->find("overrides");
  if (overrides != source->end()) {
    if (!overrides->is_array()) {
      throw ScenarioError(path, 0, "scenario_source.overrides", "must be an array of strings");
    }
    for (const auto& o : *overrides) {
      if (!o.is_string()) {
        throw ScenarioError(path, 0, "scenario_source.overrides", "must be an array of strings");
      }
      const std::string s = o.get<std::string>();
      // Command-line options are recorded as "--name value"; --set overrides as KEY=VALUE.
      if (s.rfind("--", 0) != 0) {
        run.sets.push_back(s);
        continue;
      }
      const auto space = s.find(' ');
      const std::string option = s.substr(0, space);
      const std::string value = space == std::string::npos ? "" : s.substr(space + 1);
      if (option == "--seed") {
        run.seed = whole_number(path, option, value);
      } else if (option == "--ticks") {
        run.ticks = whole_number(path, option, value);
      } else if (option == "--scale") {
        try {
          run.scale = std::stod(value);
        } catch (const std::exception&) {
          throw ScenarioError(path, 0, "scenario_source.overrides",
                              "\"" + s + "\" is not a number");
        }
      } else if (option == "--engine") {
        run.engine = value;
      } else if (option == "--counterfactual") {
        run.counterfactual = value;
      } else if (option == "--without") {
        run.without.push_back(value);
      } else {
        throw ScenarioError(path, 0, "scenario_source.overrides",
                            "\"" + s + "\" is not an option a run records");
      }
    }
  }
  return run;
}

void check_behaviour(const std::string& manifest_path, const RecordedRun& run,
                     const national::NationalScenario& scenario) {
  if (run.behaviour_hash.empty()) return;
  if (fnv1a64_hex(scenario.behaviour_text) != run.behaviour_hash) {
    throw ScenarioError(manifest_path, 0, "effective.scenario.behaviour",
                        "the behaviour file " + run.behaviour_file +
                            " has changed since this run (its text's hash differs), so the run "
                            "cannot be replayed as it was");
  }
}

}  // namespace unrest::io
