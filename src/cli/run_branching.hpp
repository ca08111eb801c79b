#pragma once
// `unrest run --save-at TIME` and `--from FILE`: which hours a run saves its state at, and the
// saved state it goes on from, both checked before the run starts, so that a long run never
// ends in a refusal.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "unrest/io/state_file.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace unrest::cli {

struct Branching {
  std::optional<io::SavedState> from;
  std::vector<std::int64_t> save_ticks;  // hours done when each state is saved; ascending
};

// Throws ScenarioError for a time that is malformed, not on the hour, outside the run or not
// after the state it goes on from; for a state file that cannot be read or does not fit the
// scenario (io/state_file.hpp); and for either option in a run spread over processes.
Branching plan_branching(const std::string& from, const std::vector<std::string>& save_at,
                         const national::NationalScenario& scenario, int processes);

}  // namespace unrest::cli
