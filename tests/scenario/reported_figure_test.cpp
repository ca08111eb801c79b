// A reported figure's kind decides what agrees with it and what a calibration aims at: a count
// within its factor, "more than X" from X up to factor times X, a range between its ends.
#include "unrest/scenario/reported_figure.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "scenario/small_scenario.hpp"

namespace unrest::national {
namespace {

Target parsed_target(const std::string& body) {
  const auto s = parse_national_scenario(unrest::testing::kSmallScenario +
                                             "\n[[target]]\nid = \"t\"\nquantity = \"arrests\"\n"
                                             "date = 2022-01-02\n" +
                                             body,
                                         "t.toml");
  return s.targets.at(0);
}

TEST(ReportedFigure, ACountAgreesWithinItsFactorAndIsAimedAtExactly) {
  const Target t = parsed_target("value = 100\nfactor = 1.5\n");
  EXPECT_EQ(t.kind, TargetKind::factor);
  EXPECT_TRUE(agrees(t, 67));
  EXPECT_TRUE(agrees(t, 150));
  EXPECT_FALSE(agrees(t, 66));
  EXPECT_FALSE(agrees(t, 151));
  EXPECT_DOUBLE_EQ(aim_interval(t).low, 100);
  EXPECT_DOUBLE_EQ(aim_interval(t).high, 100);
  EXPECT_EQ(reported_text(t), "100");
}

TEST(ReportedFigure, ALowerBoundAgreesFromTheBoundToItsFactor) {
  const Target t = parsed_target("kind = \"lower_bound\"\nvalue = 200\nfactor = 3\n");
  EXPECT_EQ(t.kind, TargetKind::lower_bound);
  EXPECT_FALSE(agrees(t, 199));
  EXPECT_TRUE(agrees(t, 200));
  EXPECT_TRUE(agrees(t, 600));
  EXPECT_FALSE(agrees(t, 601));
  // Anything within the bound is as good as anything else; below it, the log error to it.
  EXPECT_DOUBLE_EQ(log_error_to(aim_interval(t), 450), 0.0);
  EXPECT_NEAR(log_error_to(aim_interval(t), 99.5), std::log(100.5 / 201.0), 1e-12);
  EXPECT_EQ(reported_text(t), "> 200");
}

TEST(ReportedFigure, ARangeAgreesBetweenItsEnds) {
  const Target t = parsed_target("kind = \"range\"\nlow = 37000\nhigh = 38000\n");
  EXPECT_EQ(t.kind, TargetKind::range);
  EXPECT_TRUE(agrees(t, 37000));
  EXPECT_TRUE(agrees(t, 38000));
  EXPECT_FALSE(agrees(t, 36999));
  EXPECT_FALSE(agrees(t, 38001));
  EXPECT_NEAR(t.value, std::sqrt(37000.0 * 38000.0), 1e-6);
  EXPECT_EQ(reported_text(t), "37000-38000");
}

TEST(ReportedFigure, EachKindRefusesTheKeysOfAnother) {
  auto error = [](const std::string& body) {
    return unrest::testing::national_error_of(
        unrest::testing::kSmallScenario +
            "\n[[target]]\nid = \"t\"\nquantity = \"arrests\"\ndate = 2022-01-02\n" + body,
        "t.toml");
  };
  EXPECT_NE(error("kind = \"range\"\nlow = 5\n").find("target[0].low: low and high are required"),
            std::string::npos);
  EXPECT_NE(error("kind = \"range\"\nlow = 5\nhigh = 4\n").find("target[0].high: must be >= low"),
            std::string::npos);
  EXPECT_NE(error("kind = \"range\"\nlow = 5\nhigh = 6\nvalue = 5\n")
                .find("target[0].value: is not used by kind \"range\""),
            std::string::npos);
  EXPECT_NE(error("value = 5\nlow = 4\n").find("target[0].low: is used only by kind \"range\""),
            std::string::npos);
  EXPECT_NE(error("kind = \"upper_bound\"\nvalue = 5\n").find("target[0].kind:"),
            std::string::npos);
}

}  // namespace
}  // namespace unrest::national
