#include "unrest/experiments/branched_runs.hpp"

#include <algorithm>

#include "unrest/run_national.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::experiments {

std::vector<national::NationalScenario> counterfactual_variants(
    const national::NationalScenario& base, const std::vector<std::string>& names,
    const std::string& option) {
  std::vector<national::NationalScenario> variants;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), name) !=
        names.begin() + static_cast<std::ptrdiff_t>(i)) {
      throw scenario::ScenarioError(option, 0, "", "\"" + name + "\" given twice");
    }
    national::NationalScenario v = base;
    if (name != "none") {
      try {
        national::apply_counterfactual(v, name);
      } catch (const scenario::ScenarioError& e) {
        throw scenario::ScenarioError(option, 0, "", e.message());
      }
    }
    variants.push_back(std::move(v));
  }
  return variants;
}

void run_branches(const std::vector<national::NationalScenario>& variants, std::int64_t shared,
                  const std::function<void(const national::NationalEngine&)>& each) {
  std::string state;
  if (shared > 0 && !variants.empty()) {
    national::NationalScenario first = variants.front();
    first.threads = 1;
    national::NationalEngine trunk(first, 1);
    while (trunk.tick() < shared) trunk.step();
    state = trunk.save();
  }
  for (const auto& v : variants) {
    national::NationalScenario s = v;
    s.threads = 1;
    each(*run_national(s, {}, {}, [&](national::NationalEngine& e) {
      if (shared > 0) e.restore(state);
    }));
  }
}

}  // namespace unrest::experiments
