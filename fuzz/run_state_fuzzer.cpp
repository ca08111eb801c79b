// A run's saved state altered at will, as `unrest run --from` would read it once a file passed
// its checksum: the engine must refuse it (engine::StateFormatError) or run on from it, never
// read or write out of bounds. The input is a list of edits of a real state (5 bytes each: a
// position and a byte; the first 4 bytes, if any, cut the state to a length), so that most
// inputs get past the first checks and reach the places.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "unrest/engine/national_engine.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"

namespace {

constexpr std::int64_t kSaved = 200;  // 5 January, 08:00: Almaty and the west protesting

unrest::national::NationalScenario small_default() {
  const auto b = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  // Short sight keeps the lattices small; building the places still costs most of an input
  // (about 50 ms with the fuzzer's instrumentation).
  auto s = unrest::national::parse_national_scenario(b->text, b->path,
                                                     {"rules.vision=4", "rules.cop_vision=4"});
  s.scale = 0.0005;
  s.threads = 1;
  s.ticks = kSaved + 6;
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using unrest::national::NationalEngine;
  static const auto scenario = small_default();
  static const std::string saved = [] {
    NationalEngine e(scenario, 1);
    while (e.tick() < kSaved) e.step();
    return e.save();
  }();
  std::string state = saved;
  std::size_t at = 0;
  if (size >= 4) {
    std::uint32_t length = 0;
    std::memcpy(&length, data, 4);
    if (length < state.size()) state.resize(length);
    at = 4;
  }
  for (; at + 5 <= size && !state.empty(); at += 5) {
    std::uint32_t position = 0;
    std::memcpy(&position, data + at, 4);
    state[position % state.size()] = static_cast<char>(data[at + 4]);
  }
  NationalEngine engine(scenario, 1);
  try {
    engine.restore(state);
  } catch (const unrest::engine::StateFormatError&) {
    return 0;
  }
  while (engine.step()) {
  }
  return 0;
}
