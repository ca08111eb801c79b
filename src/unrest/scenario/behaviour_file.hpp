#pragma once
// A national scenario may take its behaviour ([rules] and [mechanisms.*]: how people and states
// act, the same for every event) from a shared file, `[scenario] behaviour = "PATH"`, so that
// every event's scenario runs the same calibrated behaviour and a change to it reaches them
// all. PATH is relative to the scenario file (a file there on disk), else names a shipped one
// (scenarios/PATH). The scenario file then gives only its event's data: its own [rules] or
// [mechanisms] are refused, and --set still overrides any key.
#include <toml++/toml.h>

#include <string>

namespace unrest::scenario {

struct BehaviourFile {
  std::string path;  // as found ("scenarios/behaviour/..."); empty when the scenario names none
  std::string text;
};

// Puts the behaviour file's tables into `root` (the scenario's own, parsed from `source_name`);
// a ScenarioError names the file, line and key of whatever is wrong (a path outside the
// scenario's folder, a missing file, other tables in it, behaviour in both files).
BehaviourFile merge_behaviour(toml::table& root, const std::string& source_name);

}  // namespace unrest::scenario
