// Shared behaviour files: a national scenario takes its [rules] and [mechanisms.*] from the file
// `[scenario] behaviour` names, so every event runs the same behaviour, and gives only its
// event's data.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scenario/small_scenario.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::national {
namespace {

namespace fs = std::filesystem;
using unrest::testing::kSmallScenario;

std::string with_behaviour(const std::string& path) {
  std::string text = kSmallScenario;
  text.insert(text.find("\n\n[run]"), "\nbehaviour = \"" + path + "\"");
  return text;
}

class BehaviourFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unrest-behaviour-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "shared");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  std::string error_of(const std::string& scenario_text) const {
    return unrest::testing::national_error_of(scenario_text, (dir_ / "event.toml").string());
  }
  fs::path dir_;
};

TEST_F(BehaviourFile, TheKazakhstanScenarioTakesTheSharedBehaviour) {
  const auto shipped = scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  ASSERT_TRUE(shipped);
  EXPECT_EQ(shipped->text.find("\n[rules]"), std::string::npos);  // its own file holds none
  const auto s = parse_national_scenario(shipped->text, shipped->path);
  EXPECT_EQ(s.behaviour_file, "scenarios/behaviour/national.toml");
  const auto shared = scenario::find_shared_file(s.behaviour_file);
  ASSERT_TRUE(shared);
  EXPECT_EQ(s.behaviour_text, shared->text);
  EXPECT_DOUBLE_EQ(s.rules.arrest_rate, 0.00347);
  EXPECT_TRUE(s.mechanisms.political.participants_only);
  EXPECT_TRUE(s.mechanisms.legitimacy.enabled);
}

TEST_F(BehaviourFile, AChangeToTheSharedFileReachesEveryScenarioThatNamesIt) {
  write("shared/people.toml",
        "[rules]\narrest_rate = 0.002\n[mechanisms.curfew]\nenabled = true\n");
  const auto a = write("a.toml", with_behaviour("shared/people.toml"));
  const auto b = write("b.toml", with_behaviour("shared/people.toml"));
  const auto read = [](const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_DOUBLE_EQ(parse_national_scenario(read(a), a).rules.arrest_rate, 0.002);
  EXPECT_TRUE(parse_national_scenario(read(b), b).mechanisms.curfew.enabled);
  write("shared/people.toml", "[rules]\narrest_rate = 0.004\n");
  EXPECT_DOUBLE_EQ(parse_national_scenario(read(a), a).rules.arrest_rate, 0.004);
  EXPECT_DOUBLE_EQ(parse_national_scenario(read(b), b).rules.arrest_rate, 0.004);
  // --set still overrides a shared key, for one run.
  EXPECT_DOUBLE_EQ(
      parse_national_scenario(read(a), a, {"rules.arrest_rate=0.001"}).rules.arrest_rate, 0.001);
}

TEST_F(BehaviourFile, ACopyOfAShippedScenarioAnywhereTakesTheShippedBehaviour) {
  const auto shipped = scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  ASSERT_TRUE(shipped);
  const auto copy = write("my-variant.toml", shipped->text);
  const auto s = parse_national_scenario(shipped->text, copy);
  EXPECT_EQ(s.behaviour_file, "scenarios/behaviour/national.toml");
  // One beside it wins.
  write("shared/national.toml", "[rules]\narrest_rate = 0.002\n");
  fs::create_directories(dir_ / "behaviour");
  fs::copy_file(dir_ / "shared/national.toml", dir_ / "behaviour/national.toml");
  EXPECT_DOUBLE_EQ(parse_national_scenario(shipped->text, copy).rules.arrest_rate, 0.002);
}

TEST_F(BehaviourFile, BadPathsAreRefusedWithTheScenariosLineAndKey) {
  const std::string file = (dir_ / "event.toml").string();
  EXPECT_EQ(error_of(with_behaviour("/etc/people.toml")),
            file +
                ":3: scenario.behaviour: must be a .toml path inside the scenario's folder "
                "(no '..', not absolute)");
  EXPECT_NE(error_of(with_behaviour("../people.toml")).find("no '..'"), std::string::npos);
  EXPECT_NE(error_of(with_behaviour("people.txt")).find("must be a .toml path"), std::string::npos);
  EXPECT_EQ(error_of(with_behaviour("missing.toml")),
            file +
                ":3: scenario.behaviour: \"missing.toml\": no such file beside the scenario, "
                "nor shipped");
}

TEST_F(BehaviourFile, BehaviourInBothFilesIsRefused) {
  write("people.toml", "[rules]\narrest_rate = 0.002\n");
  const std::string text = with_behaviour("people.toml") + "\n[rules]\nk = 2.0\n";
  const std::string message = error_of(text);
  EXPECT_NE(message.find("event.toml:"), std::string::npos) << message;
  EXPECT_NE(message.find("rules: behaviour comes from"), std::string::npos) << message;
  EXPECT_NE(message.find("change it there, or with --set"), std::string::npos) << message;
}

TEST_F(BehaviourFile, ErrorsInsideTheSharedFileNameItsPathAndLine) {
  const std::string shared = write("people.toml", "[rules]\n\narrest_rate = 2.5\n");
  EXPECT_EQ(error_of(with_behaviour("people.toml")),
            shared + ":3: rules.arrest_rate: must be in [0, 1] (got 2.5)");
  write("people.toml", "[rules]\narrest_rate = 0.002\n\n[[place]]\nid = \"x\"\n");
  EXPECT_EQ(error_of(with_behaviour("people.toml")),
            shared + ":4: place: a behaviour file holds [rules] and [mechanisms.*] only");
  write("people.toml", "[rules]\narest_rate = 0.002\n");
  EXPECT_NE(
      error_of(with_behaviour("people.toml")).find(shared + ":2: rules.arest_rate: unknown key"),
      std::string::npos);
}

}  // namespace
}  // namespace unrest::national
