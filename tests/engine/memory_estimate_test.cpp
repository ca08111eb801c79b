// The memory estimate a run is checked against before it allocates: above what runs really
// take (measured as the peak resident memory of the real binary), and not wildly so.
#include "unrest/engine/memory_estimate.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "scenario/small_scenario.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_scenario.hpp"

namespace unrest::engine {
namespace {
namespace fs = std::filesystem;

scenario::Scenario classic(const std::string& engine, int side, int ticks, int vision = 7) {
  const auto run2 = scenario::find_builtin("scenarios/epstein-2002/run2.toml");
  return scenario::parse_scenario(
      run2->text, "run2.toml",
      {"run.engine=" + engine, "model.width=" + std::to_string(side),
       "model.height=" + std::to_string(side), "run.ticks=" + std::to_string(ticks),
       "model.vision=" + std::to_string(vision)});
}

#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer's shadow memory is not the engines'
// The peak memory `unrest run ARGS` reports for itself (VmHWM: the process's own pages; the
// rusage of a child would count this test process's pages, shared until exec).
std::uint64_t peak_of(std::vector<std::string> args) {
  const fs::path out =
      fs::temp_directory_path() / ("unrest-memory-estimate-" + std::to_string(::getpid()));
  fs::remove_all(out);
  std::string command = UNREST_BINARY " run";
  for (const auto& a : args) command += " " + a;
  command += " --out " + out.string() + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string output;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  EXPECT_EQ(::pclose(pipe), 0) << command;
  fs::remove_all(out);
  const auto at = output.find("peak memory ");
  EXPECT_NE(at, std::string::npos) << output;
  if (at == std::string::npos) return 0;
  double value = 0;
  char unit[3] = {};
  std::sscanf(output.c_str() + at, "peak memory %lf %2s", &value, unit);
  return static_cast<std::uint64_t>(value * (std::string(unit) == "GB" ? 1e9 : 1e6));
}

void expect_bounds(const MemoryEstimate& e, std::uint64_t peak, const std::string& what) {
  EXPECT_GE(e.bytes, peak) << what << ": estimate " << bytes_text(e.bytes) << ", peak "
                           << bytes_text(peak);
  EXPECT_LE(e.bytes, 4 * peak + 64'000'000)
      << what << ": estimate " << bytes_text(e.bytes) << ", peak " << bytes_text(peak);
}

#endif

TEST(MemoryEstimate, IsAboveTheMeasuredPeakOfEachKindOfRun) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer's shadow memory is not the engines'";
#else
  for (const std::string engine : {"sequential", "parallel"}) {
    const auto big = classic(engine, 1024, 2);
    expect_bounds(estimate_memory(big, "run2.toml"),
                  peak_of({"scenarios/epstein-2002/run2.toml", "--engine", engine, "--set",
                           "model.width=1024", "--set", "model.height=1024", "--ticks", "2"}),
                  engine + " 1024 x 1024");
  }
  // A long run of a tiny lattice: the series dominate.
  expect_bounds(estimate_memory(classic("sequential", 8, 400000, 2), "run2.toml"),
                peak_of({"scenarios/epstein-2002/run2.toml", "--set", "model.width=8", "--set",
                         "model.height=8", "--set", "model.vision=2", "--ticks", "400000"}),
                "400,000 ticks");
  const auto kz = scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  const auto national =
      national::parse_national_scenario(kz->text, "kazakhstan-2022.toml", {"run.scale=0.05"});
  expect_bounds(estimate_memory(national, "kazakhstan-2022.toml"), peak_of({"--scale", "0.05"}),
                "national at scale 0.05");
#endif
}

TEST(MemoryEstimate, ARunBeyondTheLimitIsRefusedNamingItsKey) {
  const auto huge = classic("sequential", 32768, 10);
  try {
    check_memory(estimate_memory(huge, "run2.toml"), 4'000'000'000);
    FAIL() << "accepted";
  } catch (const scenario::ScenarioError& e) {
    EXPECT_EQ(e.key(), "model.width");
    EXPECT_NE(std::string(e.what()).find("--max-memory allows 4.0 GB"), std::string::npos)
        << e.what();
  }
  EXPECT_NO_THROW(
      check_memory(estimate_memory(classic("sequential", 40, 100), "r.toml"), 4'000'000'000));
  auto many = national::parse_national_scenario(testing::kSmallScenario, "s.toml",
                                                {"place.aktau.population=1e9"});
  try {
    check_memory(estimate_memory(many, "s.toml"), 4'000'000'000);
    FAIL() << "accepted";
  } catch (const scenario::ScenarioError& e) {
    EXPECT_EQ(e.key(), "place.aktau.population");
  }
}

// Many small places: each place costs its own agents and hours, not every pair of places. The
// news weights between every pair took 800 MB for 10,000 places of 100 people, and each place
// its own copy of the vision disc (45 KB); the estimate once charged 8 bytes a pair for it.
[[maybe_unused]] std::string many_places(int places, const std::string& end) {  // not under ASan
  std::string text =
      fmt::format("[scenario]\nkind = \"national\"\n\n[run]\nstart = 2022-01-01\nend = {}\n", end);
  for (int p = 0; p < places; ++p) {
    text += fmt::format(
        "\n[[place]]\nid = \"p{}\"\npopulation = 100\npolice = 1\nlat = {:.3f}\n"
        "lon = {:.3f}\nutc_offset = 6\n",
        p, 40.0 + 0.0015 * p, 50.0 + 0.0035 * p);
  }
  text +=
      "\n[[event]]\nid = \"shock\"\nkind = \"price_shock\"\n"
      "at = 2022-01-01T06:00:00\nwhere = \"national\"\nsize = 0.02\n";
  return text;
}

TEST(MemoryEstimate, ManySmallPlacesCostTheirAgentsAndHoursNotEveryPair) {
  national::NationalScenario s;
  s.ticks = 24;
  s.places.resize(10'000);
  for (std::size_t p = 0; p < s.places.size(); ++p) {
    s.places[p].id = fmt::format("p{}", p);
    s.places[p].population = 100;
    s.places[p].police = 1;
  }
  const auto e = estimate_memory(s, "many.toml");
  EXPECT_LT(e.bytes, 10'000ull * 10'000ull * 8ull / 2);
#if !defined(__SANITIZE_ADDRESS__)
  const fs::path file =
      fs::temp_directory_path() / fmt::format("unrest-many-places-{}.toml", ::getpid());
  const auto two_thousand = many_places(2'000, "2022-01-02");
  { std::ofstream(file) << two_thousand; }
  expect_bounds(
      estimate_memory(national::parse_national_scenario(two_thousand, "m.toml", {}), "m.toml"),
      peak_of({file.string()}), "2,000 places of 100 people");
  fs::remove(file);
#endif
}

}  // namespace
}  // namespace unrest::engine
