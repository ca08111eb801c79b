#include "unrest/experiments/parameter_sweep.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "unrest/scenario/scenario_error.hpp"

namespace unrest::experiments {
namespace {

namespace fs = std::filesystem;

TEST(ParameterSweep, ParsesRangesAndNamesTheOptionInErrors) {
  const auto r = parse_parameter_range("rules.arrest_rate=0.001:0.004:4");
  EXPECT_EQ(r.key, "rules.arrest_rate");
  EXPECT_EQ(r.low, 0.001);
  EXPECT_EQ(r.high, 0.004);
  EXPECT_EQ(r.steps, 4);
  EXPECT_FALSE(r.integer);
  EXPECT_TRUE(parse_parameter_range("rules.vision=10:30").integer);
  for (const char* bad :
       {"rules.k", "=1:2", "k=1", "k=a:2", "k=3:2", "k=1:2:0", "k=1:2:1.5", "k=1:2:3:4"}) {
    try {
      parse_parameter_range(bad);
      ADD_FAILURE() << bad;
    } catch (const scenario::ScenarioError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(std::string("--param ") + bad, 0), 0u) << e.what();
    }
  }
}

TEST(ParameterSweep, GridIsEveryCombinationWithEndpoints) {
  SweepSpec spec;
  spec.parameters = {parse_parameter_range("a=0.0:1:3"), parse_parameter_range("b=10.0:20:2")};
  const auto points = design_points(spec);
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points.front(), (std::vector<double>{0, 10}));
  EXPECT_EQ(points[1], (std::vector<double>{0, 20}));
  EXPECT_EQ(points.back(), (std::vector<double>{1, 20}));
  spec.seeds = 2;
  const auto runs = sweep_runs(spec);
  ASSERT_EQ(runs.size(), 12u);
  EXPECT_EQ(runs[5].id, 5u);
  EXPECT_EQ(runs[5].point, 2u);
  EXPECT_EQ(runs[5].seed_offset, 1);
  // Integer ranges give integer values and no repeats.
  spec.parameters = {parse_parameter_range("v=1:3:10")};
  EXPECT_EQ(design_points(spec).size(), 3u);
  EXPECT_EQ(assignment(spec.parameters[0], 2.0), "v=2");
}

TEST(ParameterSweep, LatinHypercubePutsOnePointInEachStratumOfEachAxis) {
  SweepSpec spec;
  spec.design = Design::lhs;
  spec.points = 16;
  spec.parameters = {parse_parameter_range("a=0.0:1"), parse_parameter_range("b=-8.0:8")};
  const auto points = design_points(spec);
  ASSERT_EQ(points.size(), 16u);
  for (std::size_t k = 0; k < 2; ++k) {
    std::set<int> strata;
    for (const auto& p : points) {
      const double u =
          (p[k] - spec.parameters[k].low) / (spec.parameters[k].high - spec.parameters[k].low);
      strata.insert(static_cast<int>(u * 16));
    }
    EXPECT_EQ(strata.size(), 16u) << k;
  }
  EXPECT_EQ(points, design_points(spec));  // deterministic
  spec.design_seed = 2;
  EXPECT_NE(points, design_points(spec));
}

TEST(ParameterSweep, TheLogKeepsCompleteRowsDropsATornLineAndRefusesAnotherSweep) {
  const fs::path dir = fs::temp_directory_path() / "unrest_sweep_log_test";
  fs::remove_all(dir);
  const fs::path file = dir / "sweep.csv";
  {
    SweepLog log(file, "run,x");
    EXPECT_TRUE(log.finished().empty());
    log.append("0,1.5");
    log.append("2,2.5");
  }
  { std::ofstream(file, std::ios::app) << "3,0."; }  // killed mid-write
  {
    SweepLog log(file, "run,x");
    EXPECT_EQ(log.finished(), (std::vector<std::size_t>{0, 2}));
    log.append("3,3.5");
  }
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "run,x\n0,1.5\n2,2.5\n3,3.5\n");
  EXPECT_THROW(SweepLog(file, "run,y"), scenario::ScenarioError);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace unrest::experiments
