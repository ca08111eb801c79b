// State files (`unrest run --save-at`, `--from`): what is written reads back; a file that is
// missing, cut, altered, of another format or from a run that differs before its hour is
// refused with its name and what is wrong.
#include "unrest/io/state_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/tiny_world.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::io {
namespace {

namespace fs = std::filesystem;
using national::EventKind;
using national::NationalScenario;
using unrest::testing::event;
using unrest::testing::tiny_world;

NationalScenario protesting_world() {
  auto s = tiny_world(2, 1120, 16);
  s.rules.hardship_max = 0.4;
  s.mechanisms.hardship.enabled = true;
  s.events = {event(EventKind::price_shock, 2, 0.4, {0, 1}),
              event(EventKind::concession, 30, 1.0, {0, 1})};
  return s;
}

class StateFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unrest-state-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The file of `s` saved after `hours`.
  fs::path saved(const NationalScenario& s, std::int64_t hours) {
    national::NationalEngine e(s, 1);
    while (e.tick() < hours) e.step();
    const fs::path path = dir_ / state_file_name(e);
    write_state_file(path, e, e.save());
    return path;
  }
  std::string bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path rewrite(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  // The message of reading `path` and checking it against `s`, or "" when both pass.
  std::string refusal(const fs::path& path, const NationalScenario& s) {
    try {
      check_branch(read_state_file(path), s);
    } catch (const scenario::ScenarioError& e) {
      EXPECT_EQ(e.file(), path.string());
      return e.what();
    }
    return "";
  }
  fs::path dir_;
};

TEST_F(StateFile, IsNamedForItsHourAndReadsBackWhatWasSaved) {
  const auto s = protesting_world();
  const fs::path path = saved(s, 20);
  EXPECT_EQ(path.filename(), "state-2022-01-01T20.bin");
  const SavedState state = read_state_file(path);
  EXPECT_EQ(state.tick, 20);
  EXPECT_EQ(state.time, "2022-01-01 20:00");
  EXPECT_EQ(state.scenario, "tiny");
  EXPECT_EQ(state.unrest_version, UNREST_VERSION);
  national::NationalEngine e(s, 1);
  while (e.tick() < 20) e.step();
  EXPECT_EQ(state.engine_state, e.save());
  EXPECT_EQ(refusal(path, s), "");
}

TEST_F(StateFile, AMissingCutAlteredOrForeignFileIsRefusedWithItsName) {
  const auto s = protesting_world();
  const std::string good = bytes(saved(s, 20));
  EXPECT_NE(refusal(dir_ / "none.bin", s).find("cannot read the state file"), std::string::npos);
  EXPECT_NE(refusal(rewrite("empty.bin", ""), s).find("not an unrest state file"),
            std::string::npos);
  EXPECT_NE(refusal(rewrite("toml.bin", "[scenario]\nkind = \"national\"\n"), s)
                .find("not an unrest state file"),
            std::string::npos);
  EXPECT_NE(refusal(rewrite("cut.bin", good.substr(0, good.size() / 2)), s).find("truncated"),
            std::string::npos);
  EXPECT_NE(refusal(rewrite("longer.bin", good + "more"), s).find("truncated or extended"),
            std::string::npos);
  std::string altered = good;
  altered[good.size() - 100] ^= 0x10;
  EXPECT_NE(refusal(rewrite("altered.bin", altered), s).find("checksum"), std::string::npos);
  std::string newer = good;
  newer[8] = static_cast<char>(kStateFormatVersion + 1);  // the version follows the magic
  EXPECT_NE(refusal(rewrite("newer.bin", newer), s)
                .find("state file format " + std::to_string(kStateFormatVersion + 1)),
            std::string::npos);
}

TEST_F(StateFile, ABranchMayDifferOnlyAfterTheSavedHour) {
  const auto s = protesting_world();
  const fs::path path = saved(s, 20);
  // After the hour: another concession, a later one removed, a longer run.
  auto later = s;
  later.events.push_back(event(EventKind::lethal_force, 25, 0, {0}));
  later.events[1].enabled = false;
  later.ticks = 60;
  EXPECT_EQ(refusal(path, later), "");
  // Before it: the message names what differs.
  auto seed = s;
  seed.seed = 8;
  EXPECT_NE(refusal(path, seed).find("seed 8"), std::string::npos);
  auto behaviour = s;
  behaviour.mechanisms.riot.ratio = 4;
  EXPECT_NE(refusal(path, behaviour).find("mechanisms.riot.ratio"), std::string::npos);
  auto place = s;
  place.places[1].police = 20;
  EXPECT_NE(refusal(path, place).find("place p1"), std::string::npos);
  auto earlier = s;
  earlier.events[0].enabled = false;
  EXPECT_NE(
      refusal(path, earlier).find("the saved run has event e2-price_shock, this run does not"),
      std::string::npos);
  auto added = s;
  added.events.push_back(event(EventKind::legitimacy, 19, 0.1, {0}));
  EXPECT_NE(refusal(path, added).find("this run has event e19-legitimacy"), std::string::npos);
  // A condition could bring its event at any hour.
  auto triggered = s;
  national::Event concede = event(EventKind::concession, national::kNever, 1.0, {0});
  concede.id = "concede";
  concede.when.emplace();
  ASSERT_FALSE(national::parse_trigger("national.active > 5000", *concede.when));
  triggered.events.push_back(concede);
  EXPECT_NE(refusal(path, triggered).find("event concede"), std::string::npos);
  auto renamed = s;
  renamed.name = "other";
  EXPECT_NE(refusal(path, renamed).find("saved from scenario \"tiny\", this run is \"other\""),
            std::string::npos);
  auto ended = s;
  ended.ticks = 20;
  EXPECT_NE(refusal(path, ended).find("nothing is left to run"), std::string::npos);
}

}  // namespace
}  // namespace unrest::io
