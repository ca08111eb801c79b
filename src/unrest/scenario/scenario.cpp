#include "unrest/scenario/scenario.hpp"

namespace unrest::scenario {

std::string_view to_string(EngineKind e) {
  return e == EngineKind::sequential ? "sequential" : "parallel";
}

std::string_view to_string(ScheduleAction action) {
  switch (action) {
    case ScheduleAction::set_legitimacy:
      return "set_legitimacy";
    case ScheduleAction::change_legitimacy:
      return "change_legitimacy";
    case ScheduleAction::remove_cops:
      return "remove_cops";
    case ScheduleAction::add_cops:
      return "add_cops";
  }
  return "?";
}

}  // namespace unrest::scenario
