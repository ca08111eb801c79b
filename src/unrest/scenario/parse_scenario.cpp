#include "unrest/scenario/parse_scenario.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "unrest/model/neighbourhood.hpp"
#include "unrest/scenario/classic_keys.hpp"
#include "unrest/scenario/overrides.hpp"
#include "unrest/scenario/scenario_kind.hpp"
#include "unrest/scenario/toml_reader.hpp"

namespace unrest::scenario {
namespace {

using namespace unrest::model;

template <typename E, std::size_t N>
void read_enum(TableReader& reader, std::string_view key, E& out, const std::array<E, N>& values) {
  std::vector<std::string> names;
  for (E v : values) names.emplace_back(to_string(v));
  std::size_t index = 0;
  if (reader.read_choice(key, names, index)) out = values[index];
}

void read_scenario_table(TableReader& root, const std::string& file, Scenario& s) {
  const toml::table* table = root.table("scenario");
  if (!table) return;  // required, checked once the rest is read (parse_scenario)
  TableReader reader(*table, file, "scenario");
  read_kind(reader, ScenarioKind::classic);
  reader.read("name", s.name);
  reader.read("description", s.description);
  reader.finish();
}

void read_run_table(TableReader& root, const std::string& file, Scenario& s) {
  const toml::table* table = root.table("run");
  if (!table) return;
  TableReader reader(*table, file, "run");
  read_declared(reader, classic_key("run", "ticks"), s.run.ticks);
  std::int64_t seed = 1;
  if (reader.read("seed", seed)) {
    reader.require(seed >= 0, "seed", fmt::format("must be >= 0 (got {})", seed));
    s.run.seed = static_cast<std::uint64_t>(seed);
  }
  read_enum(reader, "engine", s.run.engine,
            std::array{EngineKind::sequential, EngineKind::parallel});
  read_declared(reader, classic_key("run", "threads"), s.run.threads);
  reader.finish();
}

void read_max_jail_term(TableReader& reader, MaxJailTerm& out) {
  const toml::node* node = reader.take("max_jail_term");
  if (!node) return;
  const std::string message = "must be an integer >= 1 or \"infinite\"";
  if (auto text = node->value_exact<std::string>()) {
    reader.require(*text == "infinite", "max_jail_term",
                   fmt::format("{} (got \"{}\")", message, *text));
    out = std::nullopt;
  } else if (auto v = node->value_exact<std::int64_t>()) {
    reader.require(*v >= 1 && *v <= 1'000'000'000, "max_jail_term",
                   fmt::format("{} (got {})", message, *v));
    out = static_cast<std::uint32_t>(*v);
  } else {
    reader.fail("max_jail_term", message);
  }
}

void read_options(TableReader& reader, ClassicOptions& o) {
  read_enum(reader, "ratio", o.ratio,
            std::array{Ratio::floor, Ratio::round_half_even, Ratio::literal});
  read_enum(
      reader, "vision_shape", o.vision_shape,
      std::array{VisionShape::disc, VisionShape::diamond, VisionShape::square, VisionShape::cross});
  reader.read("vision_includes_own_site", o.vision_includes_own_site);
  read_enum(reader, "activation_order", o.activation_order,
            std::array{ActivationOrder::move_then_act, ActivationOrder::act_then_move});
  read_enum(reader, "cop_after_arrest", o.cop_after_arrest,
            std::array{CopAfterArrest::move_to_arrestee, CopAfterArrest::stay});
  read_enum(reader, "jail_term_range", o.jail_term_range,
            std::array{JailTermRange::exclusive, JailTermRange::inclusive});
  reader.read("jailed_block_site", o.jailed_block_site);
  read_enum(reader, "jail_countdown", o.jail_countdown,
            std::array{JailCountdown::end_of_tick, JailCountdown::own_activation});
  read_enum(reader, "placement", o.placement, std::array{Placement::exact, Placement::bernoulli});
  read_enum(reader, "movement_off_freezes", o.movement_off_freezes,
            std::array{MovementOffFreezes::citizens, MovementOffFreezes::all});
}

void read_model_table(TableReader& root, const std::string& file, Scenario& s) {
  const toml::table* table = root.table("model");
  if (!table) return;
  TableReader reader(*table, file, "model");
  ClassicParams& m = s.model;

  std::size_t preset_index = 0;
  if (reader.read_choice("preset", preset_names(), preset_index)) {
    s.preset = preset_names()[preset_index];
  }
  m.options = *preset_options(s.preset);
  read_options(reader, m.options);

  // The ranges are the declared ones (classic_keys.cpp); checks across keys follow below.
  read_declared(reader, classic_key("model", "width"), m.width);
  read_declared(reader, classic_key("model", "height"), m.height);
  read_declared(reader, classic_key("model", "citizen_density"), m.citizen_density);
  read_declared(reader, classic_key("model", "cop_density"), m.cop_density);
  if (reader.read("vision", m.vision)) {
    reader.require(m.vision > 0.0 && m.vision <= 100.0, "vision",
                   fmt::format("must be > 0 and <= 100 (got {})", m.vision));
  }
  read_declared(reader, classic_key("model", "legitimacy"), m.legitimacy);
  read_max_jail_term(reader, m.max_jail_term);
  reader.read("citizen_movement", m.citizen_movement);
  read_declared(reader, classic_key("model", "k"), m.k);
  read_declared(reader, classic_key("model", "threshold"), m.threshold);

  // Checks across keys, reported at the key most likely to be wrong.
  reader.require(
      static_cast<std::int64_t>(m.width) * m.height <= (std::int64_t{1} << 30), "width",
      fmt::format("width x height must be at most 2^30 sites (got {} x {})", m.width, m.height));
  reader.require(m.citizen_density + m.cop_density <= 1.0, "cop_density",
                 fmt::format("citizen_density + cop_density must be <= 1 (got {} + {})",
                             m.citizen_density, m.cop_density));
  const auto vision =
      Neighbourhood::make(m.options.vision_shape, m.vision, m.options.vision_includes_own_site);
  reader.require(vision.size() > 0, "vision",
                 fmt::format("sees no site at all (vision {} with shape {})", m.vision,
                             to_string(m.options.vision_shape)));
  const int min_side = 2 * vision.reach() + 1;
  reader.require(m.width >= min_side, "width",
                 fmt::format("must be >= {} for vision {}, or the neighbourhood wraps onto itself "
                             "(got {})",
                             min_side, m.vision, m.width));
  reader.require(m.height >= min_side, "height",
                 fmt::format("must be >= {} for vision {}, or the neighbourhood wraps onto itself "
                             "(got {})",
                             min_side, m.vision, m.height));
  reader.finish();
}

void read_analysis_table(TableReader& root, const std::string& file, Scenario& s) {
  const toml::table* table = root.table("analysis");
  if (!table) return;
  TableReader reader(*table, file, "analysis");
  read_declared(reader, classic_key("analysis", "outburst_threshold"),
                s.analysis.outburst_threshold);
  reader.finish();
}

ScheduleEvent read_event(TableReader& reader) {
  ScheduleEvent e;
  if (!reader.read("id", e.id)) reader.fail("id", "every schedule entry needs an id");
  reader.require(!e.id.empty(), "id", "must not be empty");
  read_declared(reader, classic_key("schedule", "tick"), e.tick);
  read_declared(reader, classic_key("schedule", "every"), e.every);
  std::int64_t times = 0;
  if (read_declared(reader, classic_key("schedule", "times"), times)) {
    reader.require(e.every > 0 || times == 1, "times", "needs 'every' to repeat");
    e.times = times;
  }
  if (e.every == 0) e.times = 1;

  int actions = 0;
  double value = 0;
  if (read_declared(reader, classic_key("schedule", "set_legitimacy"), value)) {
    e.action = ScheduleAction::set_legitimacy, e.value = value, ++actions;
  }
  if (read_declared(reader, classic_key("schedule", "change_legitimacy"), value)) {
    e.action = ScheduleAction::change_legitimacy, e.value = value, ++actions;
  }
  std::int64_t cops = 0;
  for (auto [key, action] : {std::pair{"remove_cops", ScheduleAction::remove_cops},
                             std::pair{"add_cops", ScheduleAction::add_cops}}) {
    if (read_declared(reader, classic_key("schedule", key), cops)) {
      e.action = action, e.value = static_cast<double>(cops), ++actions;
    }
  }
  reader.finish();
  reader.require(actions == 1, "id",
                 "needs exactly one of set_legitimacy, change_legitimacy, remove_cops, add_cops");
  return e;
}

}  // namespace

Scenario parse_scenario(std::string_view text, const std::string& source_name,
                        const std::vector<std::string>& overrides) {
  toml::table root = parse_toml(text, source_name);
  for (const auto& assignment : overrides) apply_override(root, assignment);

  Scenario s;
  s.name = std::filesystem::path(source_name).stem().string();
  TableReader reader(root, source_name, "");
  read_scenario_table(reader, source_name, s);
  read_run_table(reader, source_name, s);
  read_model_table(reader, source_name, s);
  read_analysis_table(reader, source_name, s);
  s.schedule = read_entries<ScheduleEvent>(
      reader, "schedule", [](TableReader& r, std::size_t) { return read_event(r); });
  reader.finish();
  // Last, so that a file with other errors hears of them first.
  if (!root.get("scenario")) reader.fail("scenario", kScenarioTableRequired);
  return s;
}

Scenario load_scenario_file(const std::string& path, const std::vector<std::string>& overrides) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw ScenarioError(path, 0, "", "is a directory, not a scenario file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ScenarioError(path, 0, "",
                        fmt::format("cannot open scenario file: {}", std::strerror(errno)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_scenario(text.str(), path, overrides);
}

}  // namespace unrest::scenario
