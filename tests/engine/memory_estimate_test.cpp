// The memory estimate a run is checked against before it allocates: above what runs really
// take (measured as the peak resident memory of the real binary), and not wildly so.
#include "unrest/engine/memory_estimate.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <filesystem>

#include "scenario/small_scenario.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_scenario.hpp"

extern char** environ;

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
// Peak resident bytes of `unrest run ARGS`.
std::uint64_t peak_of(std::vector<std::string> args) {
  const fs::path out = fs::temp_directory_path() / "unrest-memory-estimate";
  fs::remove_all(out);
  args.insert(args.begin(), {UNREST_BINARY, "run"});
  for (const char* extra : {"--quiet", "--out"}) args.emplace_back(extra);
  args.push_back(out.string());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  EXPECT_EQ(::posix_spawn(&pid, UNREST_BINARY, nullptr, nullptr, argv.data(), environ), 0);
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  fs::remove_all(out);
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
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

// Many small places cost the news weights between every pair: 10,000 places of 100 people
// took 1.9 GB, which the estimate now foresees.
TEST(MemoryEstimate, ManySmallPlacesCountTheirPairs) {
  national::NationalScenario s;
  s.ticks = 24;
  s.places.resize(10'000);
  for (std::size_t p = 0; p < s.places.size(); ++p) {
    s.places[p].id = fmt::format("p{}", p);
    s.places[p].population = 100;
    s.places[p].police = 1;
  }
  const auto e = estimate_memory(s, "many.toml");
  EXPECT_GE(e.bytes, 10'000ull * 10'000ull * 8ull);
  EXPECT_EQ(e.key, "place");
}

}  // namespace
}  // namespace unrest::engine
