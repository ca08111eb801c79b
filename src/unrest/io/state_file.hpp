#pragma once
// A national run's state at an hour, in a file another run can go on from (`unrest run
// --save-at`, `--from`):
//
//   8 bytes  "UNRSTATE"
//   4 bytes  format version (kStateFormatVersion)
//   8 bytes  length of the body
//   8 bytes  FNV-1a 64 checksum of the body
//   body     unrest's version, the scenario's name, the hour and its date, the inputs that act
//            before it (scenario/branch_point.hpp) and their hash, then the engine's state
//            (engine/run_state.cpp)
//
// Numbers are in this machine's byte order: a state file is for branching on the machine, or
// the kind of machine, that wrote it. Every way a file can be wrong (missing, truncated,
// altered, of another version, from a run that differs before its hour) is refused with a
// ScenarioError naming the file and what is wrong; nothing is run from it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "unrest/engine/national_engine.hpp"

namespace unrest::io {

// 2: citizens are stored only down to the run's lowest cut-off (the count of blocks stored).
// 3: each place's state carries its length (a process of a run spread over MPI processes
//    passes over the places it does not run).
inline constexpr std::uint32_t kStateFormatVersion = 3;

struct SavedState {
  std::filesystem::path path;
  std::string unrest_version;
  std::string scenario;  // its name
  std::int64_t tick = 0;
  std::string time;  // the hour's start on the scenario clock, "2022-01-05 00:00"
  std::vector<std::string> inputs;
  std::string engine_state;
};

// "state-2022-01-05T00.bin" for the hour that starts at 2022-01-05 00:00 on the scenario clock.
std::string state_file_name(const national::NationalEngine& engine);

// `state`: the engine's save() (of every place, gathered from every process).
void write_state_file(const std::filesystem::path& path, const national::NationalEngine& engine,
                      const std::string& state);

SavedState read_state_file(const std::filesystem::path& path);

// Throws unless `scenario` acts as the saved run did up to the saved hour, and runs past it.
void check_branch(const SavedState& saved, const national::NationalScenario& scenario);

}  // namespace unrest::io
