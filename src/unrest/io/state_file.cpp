#include "unrest/io/state_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "unrest/engine/state_codec.hpp"
#include "unrest/io/content_hash.hpp"
#include "unrest/io/text_file.hpp"
#include "unrest/scenario/branch_point.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::io {
namespace {

using scenario::ScenarioError;

constexpr char kMagic[8] = {'U', 'N', 'R', 'S', 'T', 'A', 'T', 'E'};
constexpr std::size_t kHeaderBytes = sizeof kMagic + 4 + 8 + 8;

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace

std::string state_file_name(const national::NationalEngine& engine) {
  std::string time = national::date_time_of_tick(engine.start(), engine.tick());
  // "2022-01-05 00:00" -> "2022-01-05T00": a name without spaces or colons.
  return "state-" + time.substr(0, 10) + "T" + time.substr(11, 2) + ".bin";
}

void write_state_file(const std::filesystem::path& path, const national::NationalEngine& engine,
                      const std::string& state) {
  const auto inputs = national::inputs_before(engine.scenario(), engine.tick());
  engine::StateWriter body;
  body.put_text(UNREST_VERSION);
  body.put_text(engine.scenario().name);
  body.put(engine.tick());
  body.put_text(national::date_time_of_tick(engine.start(), engine.tick()));
  body.put<std::uint64_t>(inputs.size());
  for (const auto& line : inputs) body.put_text(line);
  body.put(fnv1a64(joined(inputs)));
  body.put_text(state);

  engine::StateWriter header;
  for (const char c : kMagic) header.put(c);
  header.put(kStateFormatVersion);
  header.put<std::uint64_t>(body.bytes().size());
  header.put(fnv1a64(body.bytes()));
  write_text_file(path, header.take() + body.bytes());
}

SavedState read_state_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code error;
  if (std::filesystem::exists(path, error) && !std::filesystem::is_regular_file(path, error)) {
    // A directory, a device or a pipe: never read (/dev/zero would never end).
    throw ScenarioError(name, 0, "", "not an unrest state file (not a regular file)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ScenarioError(name, 0, "",
                        fmt::format("cannot read the state file ({})", std::strerror(errno)));
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::string bytes = text.str();
  if (bytes.size() < kHeaderBytes || bytes.compare(0, sizeof kMagic, kMagic, sizeof kMagic) != 0) {
    throw ScenarioError(name, 0, "",
                        "not an unrest state file (written by `unrest run --save-at`)");
  }
  engine::StateReader header(std::string_view(bytes).substr(sizeof kMagic, kHeaderBytes));
  const auto version = header.get<std::uint32_t>("version");
  if (version != kStateFormatVersion) {
    throw ScenarioError(name, 0, "",
                        fmt::format("state file format {}, this unrest reads format {}: save "
                                    "the run again with this version",
                                    version, kStateFormatVersion));
  }
  const auto length = header.get<std::uint64_t>("length");
  const auto checksum = header.get<std::uint64_t>("checksum");
  const std::string_view body = std::string_view(bytes).substr(kHeaderBytes);
  if (body.size() != length) {
    throw ScenarioError(name, 0, "",
                        fmt::format("truncated or extended: {} bytes after the header, the header "
                                    "says {}",
                                    body.size(), length));
  }
  if (fnv1a64(body) != checksum) {
    throw ScenarioError(name, 0, "", "corrupt: its checksum does not match its contents");
  }
  SavedState saved;
  saved.path = path;
  try {
    engine::StateReader reader(body);
    saved.unrest_version = reader.get_text("version");
    saved.scenario = reader.get_text("scenario");
    saved.tick = reader.get<std::int64_t>("hour");
    saved.time = reader.get_text("hour");
    const auto lines = reader.get<std::uint64_t>("inputs");
    if (lines > reader.left()) throw engine::StateFormatError("impossible number of inputs");
    for (std::uint64_t i = 0; i < lines; ++i) saved.inputs.push_back(reader.get_text("inputs"));
    if (reader.get<std::uint64_t>("inputs' hash") != fnv1a64(joined(saved.inputs))) {
      throw engine::StateFormatError("its inputs do not match their hash");
    }
    saved.engine_state = reader.get_text("engine state");
    if (reader.left() != 0) throw engine::StateFormatError("bytes after the engine state");
  } catch (const engine::StateFormatError& e) {
    throw ScenarioError(name, 0, "", fmt::format("corrupt state file: {}", e.what()));
  }
  return saved;
}

void check_branch(const SavedState& saved, const national::NationalScenario& scenario) {
  const std::string name = saved.path.string();
  if (saved.tick >= scenario.ticks) {
    throw ScenarioError(name, 0, "",
                        fmt::format("saved at {}, the end of this run or after it: nothing is "
                                    "left to run",
                                    saved.time));
  }
  if (saved.scenario != scenario.name) {
    throw ScenarioError(name, 0, "",
                        fmt::format("saved from scenario \"{}\", this run is \"{}\": give the "
                                    "saved run's scenario before --from",
                                    saved.scenario, scenario.name));
  }
  const auto difference =
      national::first_difference(saved.inputs, national::inputs_before(scenario, saved.tick));
  if (difference) {
    throw ScenarioError(
        name, 0, "",
        fmt::format("this run cannot go on from the state saved at {}: it differs from the saved "
                    "run before that hour ({}). A branch may differ only in what comes after "
                    "the saved hour; run it whole instead",
                    saved.time, *difference));
  }
}

}  // namespace unrest::io
