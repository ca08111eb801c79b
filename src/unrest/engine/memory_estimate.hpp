#pragma once
// What a run will need in memory, from its scenario alone, before anything is allocated: so a
// lattice of 32768 x 32768, a place of a billion people or a billion ticks is refused with the
// keys that drive it instead of ending in the out-of-memory killer or std::bad_alloc.
//
// The figures per site, agent and tick are upper bounds of the engines' storage, checked
// against measured peaks (docs/PERFORMANCE.md, "Memory estimates"; tests/engine/
// memory_estimate_test.cpp keeps every estimate above the measured peak).
#include <cstdint>
#include <string>

#include "unrest/scenario/national_scenario.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest::engine {

struct MemoryEstimate {
  std::uint64_t bytes = 0;
  std::string file;     // the scenario's file, for the error
  std::string key;      // the key that drives the estimate most
  std::string drivers;  // "model.width x model.height = 1,073,741,824 sites"
};

MemoryEstimate estimate_memory(const scenario::Scenario& scenario, const std::string& file);
MemoryEstimate estimate_memory(const national::NationalScenario& scenario, const std::string& file);

// The memory this machine can give a new process now (MemAvailable), or 0 when unknown.
std::uint64_t available_memory();

// Throws a ScenarioError (bad input: exit 2) when the estimate exceeds `limit` bytes, or, with
// no limit (0), what the machine has available. `limit_source` names where a limit came from
// ("--max-memory").
void check_memory(const MemoryEstimate& estimate, std::uint64_t limit,
                  const std::string& limit_source = "--max-memory");

// The most memory this process has held so far (VmHWM), or 0 when unknown. Reported by each
// run, so estimates can be checked against what runs really take.
std::uint64_t peak_resident_memory();

// "1.5 GB", "340 MB".
std::string bytes_text(std::uint64_t bytes);

}  // namespace unrest::engine
