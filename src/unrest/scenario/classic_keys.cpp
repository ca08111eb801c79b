#include "unrest/scenario/classic_keys.hpp"

namespace unrest::scenario {

const std::vector<DeclaredKey>& classic_keys() {
  // clang-format off
  static const std::vector<DeclaredKey> table = [] {
    std::vector<DeclaredKey> keys = scenario_table_keys();
    keys.insert(keys.end(), {
      {"run", "ticks", "integer", 1, 1e9, kOptional, "ticks to run (--ticks overrides)"},
      {"run", "seed", "integer >= 0", 0, 0, kOptional, "random seed (--seed overrides)"},
      {"run", "engine", "sequential or parallel", 0, 0, kOptional, "the paper's asynchronous order, or the synchronous multithreaded engine"},
      {"run", "threads", "integer", 0, 1024, kOptional, "threads of the parallel engine; 0: one per hardware thread"},

      {"model", "preset", "netlogo or mesa", 0, 0, kOptional, "the reference implementation whose rule options are the defaults"},
      {"model", "width", "integer", 1, 65535, kOptional, "lattice width (torus); width x height at most 2^30"},
      {"model", "height", "integer", 1, 65535, kOptional, "lattice height"},
      {"model", "citizen_density", "number", 0, 1, kOptional, "citizens per site"},
      {"model", "cop_density", "number", 0, 1, kOptional, "cops per site; with citizen_density at most 1"},
      {"model", "vision", "number in (0, 100]", 0, 0, kOptional, "vision radius in sites; the lattice must be wider than its neighbourhood"},
      {"model", "legitimacy", "number", 0, 1, kOptional, "L: the government's legitimacy"},
      {"model", "max_jail_term", "integer >= 1 or \"infinite\"", 0, 0, kOptional, "Jmax: jail terms are drawn up to it"},
      {"model", "citizen_movement", "boolean", 0, 0, kOptional, "whether citizens move (cops always do)"},
      {"model", "k", "number", 0, kUnbounded, kOptional, "k in the estimated arrest probability P = 1 - exp(-k ratio(C, A))"},
      {"model", "threshold", "number", 0, 1, kOptional, "T: a citizen is active iff grievance - risk > T"},
      {"model", "ratio", "floor, round_half_even or literal", 0, 0, kOptional, "how C / A enters P"},
      {"model", "vision_shape", "disc, diamond, square or cross", 0, 0, kOptional, "the neighbourhood's shape"},
      {"model", "vision_includes_own_site", "boolean", 0, 0, kOptional, "whether an agent sees its own site"},
      {"model", "activation_order", "move_then_act or act_then_move", 0, 0, kOptional, "rule M before or after rule A / C"},
      {"model", "cop_after_arrest", "move_to_arrestee or stay", 0, 0, kOptional, "where a cop stands after an arrest"},
      {"model", "jail_term_range", "exclusive or inclusive", 0, 0, kOptional, "whether Jmax itself can be drawn"},
      {"model", "jailed_block_site", "boolean", 0, 0, kOptional, "whether a prisoner keeps its site"},
      {"model", "jail_countdown", "end_of_tick or own_activation", 0, 0, kOptional, "when jail terms count down"},
      {"model", "placement", "exact or bernoulli", 0, 0, kOptional, "exact counts on distinct sites, or a coin per site"},
      {"model", "movement_off_freezes", "citizens or all", 0, 0, kOptional, "who stops moving when citizen_movement is false"},

      {"analysis", "outburst_threshold", "number", 0, kUnbounded, kOptional, "an outburst is a run of ticks with more actives than this"},

      {"schedule", "id", "string", 0, 0, kRequired, "unique id"},
      {"schedule", "tick", "integer", 1, kUnbounded, kRequired, "the first tick it applies at"},
      {"schedule", "every", "integer", 1, kUnbounded, kOptional, "repeats every this many ticks"},
      {"schedule", "times", "integer", 1, kUnbounded, kOptional, "how many times, with every"},
      {"schedule", "set_legitimacy", "number", 0, 1, kOptional, "action: L becomes this"},
      {"schedule", "change_legitimacy", "number", -1, 1, kOptional, "action: L changes by this"},
      {"schedule", "remove_cops", "integer", 1, kUnbounded, kOptional, "action: this many cops leave (at most all)"},
      {"schedule", "add_cops", "integer", 1, kUnbounded, kOptional, "action: this many cops arrive (at most the empty sites)"},
    });
    return keys;
  }();
  // clang-format on
  return table;
}

const DeclaredKey& classic_key(std::string_view table, std::string_view key) {
  return find_declared(classic_keys(), table, key);
}

}  // namespace unrest::scenario
