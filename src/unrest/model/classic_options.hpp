#pragma once
// The parameters of Epstein's classic Model I and the semantic details in which the reference
// implementations (NetLogo "Rebellion", Mesa's epstein_civil_violence) differ. Each detail is a
// named option so that no behaviour is a silent choice (docs/MODEL-CARD.md, "The classic model as
// implemented").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unrest::model {

// How the cop-to-active ratio enters P = 1 - exp(-k * ratio(C, A)).
enum class Ratio { floor, round_half_even, literal };
enum class VisionShape { disc, diamond, square, cross };
enum class ActivationOrder { move_then_act, act_then_move };
enum class CopAfterArrest { move_to_arrestee, stay };
// Which integers a jail term is drawn from: {0..Jmax-1} or {0..Jmax}.
enum class JailTermRange { exclusive, inclusive };
enum class JailCountdown { end_of_tick, own_activation };
enum class Placement { exact, bernoulli };
enum class MovementOffFreezes { citizens, all };

// A value that is absent stands for an infinite jail term (runs 3-5 of the paper).
using MaxJailTerm = std::optional<std::uint32_t>;

struct ClassicOptions {
  Ratio ratio = Ratio::floor;
  VisionShape vision_shape = VisionShape::disc;
  // NetLogo counts the own site as part of the vision (so an active citizen counts itself in
  // A = 1 + actives twice); Mesa's neighbourhood excludes it (A = 1 + other actives).
  bool vision_includes_own_site = true;
  ActivationOrder activation_order = ActivationOrder::move_then_act;
  CopAfterArrest cop_after_arrest = CopAfterArrest::move_to_arrestee;
  JailTermRange jail_term_range = JailTermRange::exclusive;
  bool jailed_block_site = false;
  JailCountdown jail_countdown = JailCountdown::end_of_tick;
  Placement placement = Placement::exact;
  MovementOffFreezes movement_off_freezes = MovementOffFreezes::citizens;
};

struct ClassicParams {
  int width = 40;
  int height = 40;
  double citizen_density = 0.7;
  double cop_density = 0.04;
  double vision = 7.0;
  double legitimacy = 0.82;
  MaxJailTerm max_jail_term = 30;
  bool citizen_movement = true;
  double k = 2.3;
  double threshold = 0.1;
  ClassicOptions options;
};

// Named presets of the semantic options.
std::optional<ClassicOptions> preset_options(std::string_view preset_name);
const std::vector<std::string>& preset_names();

// Spelling of each enum value as it appears in scenario files, and back.
std::string_view to_string(Ratio);
std::string_view to_string(VisionShape);
std::string_view to_string(ActivationOrder);
std::string_view to_string(CopAfterArrest);
std::string_view to_string(JailTermRange);
std::string_view to_string(JailCountdown);
std::string_view to_string(Placement);
std::string_view to_string(MovementOffFreezes);

}  // namespace unrest::model
