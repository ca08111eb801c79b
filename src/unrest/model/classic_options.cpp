#include "unrest/model/classic_options.hpp"

namespace unrest::model {

std::optional<ClassicOptions> preset_options(std::string_view preset_name) {
  if (preset_name == "netlogo") return ClassicOptions{};
  if (preset_name == "mesa") {
    return ClassicOptions{
        .ratio = Ratio::round_half_even,
        .vision_shape = VisionShape::diamond,
        .vision_includes_own_site = false,
        .activation_order = ActivationOrder::act_then_move,
        .cop_after_arrest = CopAfterArrest::stay,
        .jail_term_range = JailTermRange::inclusive,
        .jailed_block_site = true,
        .jail_countdown = JailCountdown::own_activation,
        .placement = Placement::bernoulli,
        .movement_off_freezes = MovementOffFreezes::all,
    };
  }
  return std::nullopt;
}

const std::vector<std::string>& preset_names() {
  static const std::vector<std::string> names = {"netlogo", "mesa"};
  return names;
}

std::string_view to_string(Ratio v) {
  switch (v) {
    case Ratio::floor:
      return "floor";
    case Ratio::round_half_even:
      return "round_half_even";
    case Ratio::literal:
      return "literal";
  }
  return "?";
}
std::string_view to_string(VisionShape v) {
  switch (v) {
    case VisionShape::disc:
      return "disc";
    case VisionShape::diamond:
      return "diamond";
    case VisionShape::square:
      return "square";
    case VisionShape::cross:
      return "cross";
  }
  return "?";
}
std::string_view to_string(ActivationOrder v) {
  return v == ActivationOrder::move_then_act ? "move_then_act" : "act_then_move";
}
std::string_view to_string(CopAfterArrest v) {
  return v == CopAfterArrest::move_to_arrestee ? "move_to_arrestee" : "stay";
}
std::string_view to_string(JailTermRange v) {
  return v == JailTermRange::exclusive ? "exclusive" : "inclusive";
}
std::string_view to_string(JailCountdown v) {
  return v == JailCountdown::end_of_tick ? "end_of_tick" : "own_activation";
}
std::string_view to_string(Placement v) { return v == Placement::exact ? "exact" : "bernoulli"; }
std::string_view to_string(MovementOffFreezes v) {
  return v == MovementOffFreezes::citizens ? "citizens" : "all";
}

}  // namespace unrest::model
