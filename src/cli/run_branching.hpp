#pragma once
// `unrest run --save-at TIME` and `--from FILE`: which hours a run saves its state at, and the
// saved state it goes on from, both checked before the run starts, so that a long run never
// ends in a refusal; and, for a run spread over MPI processes, the state gathered from every
// process and restored on every one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/team.hpp"
#include "unrest/io/state_file.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace unrest::cli {

struct Branching {
  std::optional<io::SavedState> from;
  std::vector<std::int64_t> save_ticks;  // hours done when each state is saved; ascending
};

// Throws ScenarioError for a time that is malformed, not on the hour, outside the run or not
// after the state it goes on from, and for a state file that cannot be read or does not fit
// the scenario (io/state_file.hpp). Every process reads the file and checks it alike.
Branching plan_branching(const std::string& from, const std::vector<std::string>& save_at,
                         const national::NationalScenario& scenario);

// The engine's state of every place, on rank 0 (call on every rank; "" on the others).
std::string gathered_state(const Team& team, const national::NationalEngine& engine);

// Restores the saved state on every rank, each its own places; a place's state found corrupt
// by the rank that runs it is a ScenarioError naming the file on every rank, so none waits.
void restore_everywhere(const Team& team, national::NationalEngine& engine,
                        const io::SavedState& saved);

}  // namespace unrest::cli
