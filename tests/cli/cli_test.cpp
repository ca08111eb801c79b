// End-to-end: the real `unrest` binary, its files and its exit statuses.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "scenario/small_scenario.hpp"
#include "unrest/io/csv_table.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"

namespace {

// The classic scenario most of these tests run (the default is the national one).
#define R2 "scenarios/epstein-2002/run2.toml"
namespace fs = std::filesystem;

struct Result {
  int status;
  std::string output;  // stdout and stderr together
};

// A shell command's exit status and its output (add 2>&1 to have stderr too).
Result shell(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string output;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

Result unrest(const std::string& args) {
  return shell(std::string(UNREST_BINARY) + " " + args + " 2>&1");
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unrest-cli-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return path(name);
  }
  fs::path dir_;
};

TEST_F(Cli, OutputsListsEveryQuantityAndTheReadmeShowsTheSameTable) {
  const auto r = unrest("outputs --markdown");
  ASSERT_EQ(r.status, 0) << r.output;
  for (const char* q : {"`arrests`", "`people_injured`", "`legitimacy`", "`lethal`"}) {
    EXPECT_NE(r.output.find(q), std::string::npos) << q;
  }
  const std::string readme = read_file(fs::path(UNREST_SOURCE_DIR) / "README.md");
  EXPECT_NE(readme.find(r.output), std::string::npos)
      << "README.md's table of outputs differs from `unrest outputs --markdown`:\n"
      << r.output;
}

TEST_F(Cli, KeysListEveryParameterAndTheReadmeShowsTheSameDefaults) {
  const auto r = unrest("scenarios --toml");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("risk_multiplier = 1.0"), std::string::npos);
  const std::string readme = read_file(fs::path(UNREST_SOURCE_DIR) / "README.md");
  EXPECT_NE(readme.find(r.output), std::string::npos)
      << "README.md's [rules] and [mechanisms.*] block differs from `unrest scenarios --toml`";
  // The defaults are themselves a valid scenario's keys.
  const std::string file = write("keys.toml", unrest::testing::kSmallScenario + r.output);
  const auto v = unrest("validate " + file);
  EXPECT_EQ(v.status, 0) << v.output;
  const auto plain = unrest("scenarios --keys");
  EXPECT_NE(
      plain.output.find("mechanisms.curfew.risk_multiplier\n    number in [0, 1000]; default 1.0"),
      std::string::npos)
      << plain.output;
}

// A run's manifest is a scenario: running it reproduces the run, every file byte for byte.
TEST_F(Cli, AManifestRerunsItsRunByteForByte) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> runs = {
      {"run " R2 " --set model.legitimacy=0.85 --seed 4 --ticks 200 --engine parallel",
       {"timeseries.csv", "summary.json", "manifest.json"}},
      {"run --scale 0.02 --set rules.arrest_rate=0.004 --counterfactual no-csto --without "
       "internet-blackout --seed 3",
       {"places.csv", "national.csv", "events.csv", "summary.json", "manifest.json"}},
      // The second country: prices in the data's units, a half-hour clock, police spread by
      // population.
      {"run iran-2019 --scale 0.001 --counterfactual police-on-duty --seed 2",
       {"places.csv", "national.csv", "events.csv", "summary.json", "manifest.json"}}};
  int n = 0;
  for (const auto& [command, files] : runs) {
    const std::string first = path("first" + std::to_string(n));
    const std::string again = path("again" + std::to_string(n++));
    ASSERT_EQ(unrest(command + " --quiet --out " + first).status, 0) << command;
    const auto r = unrest("run " + first + "/manifest.json --quiet --out " + again);
    ASSERT_EQ(r.status, 0) << r.output;
    for (const auto& f : files) {
      EXPECT_EQ(read_file(fs::path(first) / f), read_file(fs::path(again) / f))
          << command << ": " << f;
    }
  }
  // An override given now applies on top of the recorded ones.
  const auto changed =
      unrest("run " + path("first0") + "/manifest.json --seed 5 --quiet --out " + path("seed5"));
  ASSERT_EQ(changed.status, 0) << changed.output;
  EXPECT_NE(read_file(dir_ / "first0" / "timeseries.csv"),
            read_file(dir_ / "seed5" / "timeseries.csv"));
}

TEST_F(Cli, AManifestIsNotReplayedOnceItsSharedBehaviourFileChanged) {
  // A copy of the shipped scenario beside its own copy of the shared behaviour file.
  fs::create_directories(dir_ / "behaviour");
  const auto shared = unrest::scenario::find_shared_file("scenarios/behaviour/national.toml");
  const auto scenario = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  ASSERT_TRUE(shared && scenario);
  write("behaviour/national.toml", shared->text);
  const std::string file = write("event.toml", scenario->text);
  ASSERT_EQ(unrest("run " + file + " --scale 0.005 --ticks 100 --quiet --out " + path("a")).status,
            0);
  const auto manifest = nlohmann::json::parse(read_file(dir_ / "a" / "manifest.json"));
  EXPECT_EQ(manifest["effective"]["scenario"]["behaviour"]["path"],
            (dir_ / "behaviour/national.toml").generic_string());
  // Unchanged, it reruns byte for byte; changed, it is refused rather than rerun differently.
  ASSERT_EQ(unrest("run " + path("a") + "/manifest.json --quiet --out " + path("b")).status, 0);
  EXPECT_EQ(read_file(dir_ / "a" / "places.csv"), read_file(dir_ / "b" / "places.csv"));
  write("behaviour/national.toml", shared->text + "\n# edited\n");
  const auto r = unrest("run " + path("a") + "/manifest.json --quiet --out " + path("c"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("has changed since this run"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir_ / "c"));
}

TEST_F(Cli, ABadManifestIsRefusedNamingTheKey) {
  ASSERT_EQ(unrest("run " R2 " --ticks 20 --quiet --out " + path("r")).status, 0);
  std::string manifest = read_file(dir_ / "r" / "manifest.json");
  // The scenario's text changed after the run: its hash no longer matches.
  std::string edited = manifest;
  const auto at = edited.find("legitimacy = 0.82");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, 17, "legitimacy = 0.12");
  auto r = unrest("run " + write("edited.json", edited) + " --quiet --out " + path("x"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("scenario_source.text: does not match its text_hash_fnv1a64"),
            std::string::npos)
      << r.output;
  r = unrest("run " + write("torn.json", manifest.substr(0, manifest.size() / 2)) +
             " --quiet --out " + path("x"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("is neither a TOML scenario nor a valid JSON manifest"),
            std::string::npos)
      << r.output;
  r = unrest("run " + write("other.json", "{\"seeds\": [1, 2]}") + " --quiet --out " + path("x"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("scenario_source: is missing"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(path("x")));
}

// The experiment tools on Epstein's model: a legitimacy sweep of run 2 with outburst statistics
// per row, and an ensemble whose files do not depend on the thread count.
TEST_F(Cli, ClassicScenariosCanBeSweptAndEnsembled) {
  auto r = unrest("sweep " R2
                  " --param model.legitimacy=0.7:0.9:3 --seeds 2 --set run.ticks=300 "
                  "--quiet --out " +
                  path("sweep"));
  ASSERT_EQ(r.status, 0) << r.output;
  std::istringstream csv(read_file(dir_ / "sweep" / "sweep.csv"));
  std::string header;
  std::getline(csv, header);
  EXPECT_EQ(header.rfind("run,point,seed,model.legitimacy,mean_active,", 0), 0u) << header;
  const auto column = [&](const std::string& name) {
    std::istringstream h(header);
    std::string field;
    for (int i = 0; std::getline(h, field, ','); ++i) {
      if (field == name) return i;
    }
    return -1;
  };
  const int legitimacy = column("model.legitimacy");
  const int outbursts = column("outbursts");
  ASSERT_GE(outbursts, 0);
  int rows = 0;
  for (std::string line; std::getline(csv, line); ++rows) {
    std::vector<std::string> f;
    std::istringstream l(line);
    for (std::string field; std::getline(l, field, ',');) f.push_back(field);
    const double l_value = std::stod(f[static_cast<std::size_t>(legitimacy)]);
    const double bursts = std::stod(f[static_cast<std::size_t>(outbursts)]);
    // At L = 0.9 nobody can ever be active (H (1 - L) <= T); at 0.7 outbursts come again and
    // again in 300 ticks.
    if (l_value > 0.85) {
      EXPECT_EQ(bursts, 0.0) << line;
    }
    if (l_value < 0.75) {
      EXPECT_GE(bursts, 3.0) << line;
    }
  }
  EXPECT_EQ(rows, 6);

  for (const char* threads : {"1", "2"}) {
    r = unrest(std::string("ensemble " R2 " --seeds 4 --set run.ticks=200 --threads ") + threads +
               " --quiet --out " + path(std::string("ens") + threads));
    ASSERT_EQ(r.status, 0) << r.output;
  }
  for (const char* f : {"quantiles.csv", "figures.csv", "summary.json"}) {
    EXPECT_EQ(read_file(dir_ / "ens1" / f), read_file(dir_ / "ens2" / f)) << f;
  }
  EXPECT_NE(read_file(dir_ / "ens1" / "quantiles.csv").find("200,200,lattice,active,"),
            std::string::npos);
  // A national-only option on a classic scenario is bad input.
  r = unrest("ensemble " R2 " --seeds 2 --scale 0.5 --quiet --out " + path("bad"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("apply to national scenarios only"), std::string::npos) << r.output;
}

TEST_F(Cli, MalformedTomlIsReportedAsSuchWhateverTheOptions) {
  const std::string bad = write("bad.toml", "[scenario]\nname = \"x\"\n[run\n");
  for (const char* options : {"", " --scale 0.1", " --without x", " --counterfactual y"}) {
    const auto r = unrest("run " + bad + options + " --quiet --out " + path("never"));
    EXPECT_EQ(r.status, 2) << options;
    EXPECT_NE(r.output.find("bad.toml:3: malformed TOML"), std::string::npos)
        << options << ": " << r.output;
  }
  EXPECT_FALSE(fs::exists(path("never")));
}

TEST_F(Cli, RunWritesTimeseriesSummaryAndManifest) {
  const auto r =
      unrest("run scenarios/epstein-2002/run2.toml --seed 7 --ticks 300 --out " + path("run2"));
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string csv = read_file(dir_ / "run2" / "timeseries.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "tick,quiet,active,jailed,cops,legitimacy,arrests");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 302);  // header + ticks 0..300
  const auto summary = nlohmann::json::parse(read_file(dir_ / "run2" / "summary.json"));
  EXPECT_EQ(summary["seed"], 7);
  EXPECT_EQ(summary["ticks"], 300);
  for (const char* key : {"count", "waiting_time", "total_activation", "peak"}) {
    EXPECT_TRUE(summary["outbursts"].contains(key)) << key;
  }
  EXPECT_TRUE(summary["outbursts"]["waiting_time"].contains("sd"));
  EXPECT_GT(summary["totals"]["peak_active"].get<int>(), 0);
  const auto manifest = nlohmann::json::parse(read_file(dir_ / "run2" / "manifest.json"));
  EXPECT_EQ(manifest["seed"], 7);
  EXPECT_EQ(manifest["complete"], true);
  EXPECT_EQ(manifest["effective"]["model"]["ratio"], "floor");
  EXPECT_EQ(manifest["effective"]["run"]["ticks"], 300);
  EXPECT_EQ(manifest["unrest_version"], UNREST_VERSION);
  EXPECT_EQ(manifest["scenario_hash_fnv1a64"].get<std::string>().size(), 16u);
  // No stray staging directory is left beside the result.
  for (const auto& entry : fs::directory_iterator(dir_)) EXPECT_EQ(entry.path().filename(), "run2");
}

TEST_F(Cli, SameSeedGivesByteIdenticalOutputsOtherSeedsDiffer) {
  for (const char* name : {"a", "b"}) {
    ASSERT_EQ(
        unrest(std::string("run " R2 " --seed 3 --ticks 500 --quiet --out ") + path(name)).status,
        0);
  }
  ASSERT_EQ(unrest("run " R2 " --seed 4 --ticks 500 --quiet --out " + path("c")).status, 0);
  for (const char* file : {"timeseries.csv", "summary.json", "manifest.json"}) {
    EXPECT_EQ(read_file(dir_ / "a" / file), read_file(dir_ / "b" / file)) << file;
  }
  EXPECT_NE(read_file(dir_ / "a" / "timeseries.csv"), read_file(dir_ / "c" / "timeseries.csv"));
}

TEST_F(Cli, ParallelEngineOutputsAreByteIdenticalForAnyThreadCount) {
  for (const char* threads : {"1", "2", "8"}) {
    const auto r =
        unrest(std::string("run " R2 " --engine parallel --ticks 300 --quiet --threads ") +
               threads + " --out " + path(std::string("t") + threads));
    ASSERT_EQ(r.status, 0) << r.output;
  }
  for (const char* file : {"timeseries.csv", "summary.json", "manifest.json"}) {
    EXPECT_EQ(read_file(dir_ / "t1" / file), read_file(dir_ / "t2" / file)) << file;
    EXPECT_EQ(read_file(dir_ / "t1" / file), read_file(dir_ / "t8" / file)) << file;
  }
  const auto manifest = nlohmann::json::parse(read_file(dir_ / "t1" / "manifest.json"));
  EXPECT_EQ(manifest["effective"]["run"]["engine"], "parallel");
}

TEST_F(Cli, DefaultRunIsKazakhstanAndStatesItsScale) {
  const auto r = unrest("run --scale 0.01 --ticks 48 --out " + path("default"));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto manifest = nlohmann::json::parse(read_file(dir_ / "default" / "manifest.json"));
  EXPECT_EQ(manifest["scenario_source"]["path"], "scenarios/kazakhstan-2022.toml");
  EXPECT_EQ(manifest["scale"], 0.01);
  EXPECT_NE(r.output.find("Simulated vs reported (scale 0.01)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Day by day"), std::string::npos);
  for (const char* file : {"places.csv", "national.csv", "events.csv", "summary.json"}) {
    EXPECT_TRUE(fs::exists(dir_ / "default" / file)) << file;
  }
}

TEST_F(Cli, NationalRunsAreByteIdenticalForAnyThreadCount) {
  for (const char* threads : {"1", "2"}) {
    const auto r = unrest(std::string("run --scale 0.01 --quiet --threads ") + threads + " --out " +
                          path(std::string("k") + threads));
    ASSERT_EQ(r.status, 0) << r.output;
  }
  for (const char* file : {"places.csv", "national.csv", "events.csv", "summary.json"}) {
    EXPECT_EQ(read_file(dir_ / "k1" / file), read_file(dir_ / "k2" / file)) << file;
  }
}

TEST_F(Cli, CounterfactualsAndWithoutChangeTheNationalRun) {
  const auto r =
      unrest("run --scale 0.01 --counterfactual no-csto --without shoot-to-kill-order --out " +
             path("cf"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("[counterfactual no-csto]"), std::string::npos) << r.output;
  const auto events = read_file(dir_ / "cf" / "events.csv");
  EXPECT_NE(events.find("not_applied,csto-arrive-almaty"), std::string::npos) << events;
  EXPECT_NE(events.find("not_applied,shoot-to-kill-order"), std::string::npos) << events;
  const auto manifest = nlohmann::json::parse(read_file(dir_ / "cf" / "manifest.json"));
  EXPECT_EQ(manifest["effective"]["counterfactual"], "no-csto");
  const auto bad = unrest("run --scale 0.01 --without shoot-to-kill-ordr --out " + path("never"));
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.output.find("did you mean \"shoot-to-kill-order\""), std::string::npos)
      << bad.output;
  EXPECT_FALSE(fs::exists(path("never")));
  const auto classic = unrest("run " R2 " --scale 0.5 --out " + path("never"));
  EXPECT_EQ(classic.status, 2);
  EXPECT_NE(classic.output.find("national scenarios only"), std::string::npos) << classic.output;
}

// `--save-at` then `--from`: a run that goes on from a saved state gives the whole run's files
// byte for byte, for every shipped counterfactual whose first difference from the default
// comes after the saved hour; the others are refused before anything runs. Which is which is
// read here from the counterfactuals' own events (the tests of io/state_file.hpp check the
// rule that decides it).
TEST_F(Cli, EveryShippedCounterfactualBranchesFromASavedStateOrIsRefused) {
  const auto base = unrest("run --scale 0.01 --save-at 2022-01-05T00:00 --out " + path("base"));
  ASSERT_EQ(base.status, 0) << base.output;
  const fs::path state = dir_ / "base" / "state-2022-01-05T00.bin";
  ASSERT_TRUE(fs::exists(state));
  const auto manifest = nlohmann::json::parse(read_file(dir_ / "base" / "manifest.json"));
  EXPECT_NE(manifest["files"].dump().find("state-2022-01-05T00.bin"), std::string::npos);

  const auto builtin = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  ASSERT_TRUE(builtin);
  const auto s = unrest::national::parse_national_scenario(builtin->text, builtin->path);
  const std::int64_t saved_hour = 8 * 24;  // 2022-01-05 00:00, from the start on 2021-12-28
  int branched = 0, refused = 0;
  for (const auto& cf : s.counterfactuals) {
    bool differs_before = false;
    for (const auto* ids : {&cf.without, &cf.enable}) {
      for (const auto& id : *ids) {
        const auto& ev = s.events[static_cast<std::size_t>(
            std::find_if(s.events.begin(), s.events.end(),
                         [&](const auto& e) { return e.id == id; }) -
            s.events.begin())];
        differs_before |= ev.when.has_value() || ev.tick < saved_hour;
      }
    }
    const auto r = unrest("run --scale 0.01 --counterfactual " + cf.id + " --from " +
                          state.string() + " --out " + path("branch-" + cf.id));
    if (differs_before) {
      ++refused;
      EXPECT_EQ(r.status, 2) << cf.id << ": " << r.output;
      EXPECT_NE(r.output.find("cannot go on from the state saved at 2022-01-05 00:00"),
                std::string::npos)
          << r.output;
      EXPECT_FALSE(fs::exists(path("branch-" + cf.id)));
      continue;
    }
    ++branched;
    ASSERT_EQ(r.status, 0) << cf.id << ": " << r.output;
    EXPECT_NE(r.output.find("going on from the state saved at 2022-01-05 00:00"),
              std::string::npos);
    const auto whole =
        unrest("run --scale 0.01 --counterfactual " + cf.id + " --out " + path("whole-" + cf.id));
    ASSERT_EQ(whole.status, 0) << whole.output;
    for (const char* file : {"places.csv", "national.csv", "events.csv", "summary.json"}) {
      EXPECT_EQ(read_file(dir_ / ("branch-" + cf.id) / file),
                read_file(dir_ / ("whole-" + cf.id) / file))
          << cf.id << " " << file;
    }
    const auto branch_manifest =
        nlohmann::json::parse(read_file(dir_ / ("branch-" + cf.id) / "manifest.json"));
    EXPECT_EQ(branch_manifest["branched_from"]["saved_at"], "2022-01-05 00:00");
  }
  EXPECT_GE(branched, 3);  // no-shoot-to-kill, no-csto and negotiate act from 5 January on
  EXPECT_GE(refused, 3);
  // Another seed differs from the first hour.
  const auto seed =
      unrest("run --scale 0.01 --seed 2 --from " + state.string() + " --out " + path("seed"));
  EXPECT_EQ(seed.status, 2);
  EXPECT_NE(seed.output.find("seed 2"), std::string::npos) << seed.output;
  // A folder with a state file is still a run's folder: --overwrite may replace it.
  const auto again = unrest("run --scale 0.01 --ticks 2 --overwrite --out " + path("base"));
  EXPECT_EQ(again.status, 0) << again.output;
  EXPECT_FALSE(fs::exists(state));
}

TEST_F(Cli, AnEnsembleOfCounterfactualsGivesEachOnesOwnEnsemble) {
  const auto both = unrest(
      "ensemble --seeds 2 --scale 0.01 --counterfactuals none,negotiate --out " + path("both"));
  ASSERT_EQ(both.status, 0) << both.output;
  EXPECT_NE(both.output.find("run once a seed"), std::string::npos) << both.output;
  const auto manifest = nlohmann::json::parse(read_file(dir_ / "both" / "manifest.json"));
  EXPECT_GT(manifest["shared_hours"].get<int>(), 0);
  for (const auto& [name, option] : {std::pair<std::string, std::string>{"none", ""},
                                     {"negotiate", " --counterfactual negotiate"}}) {
    const auto alone =
        unrest("ensemble --seeds 2 --scale 0.01" + option + " --out " + path("alone-" + name));
    ASSERT_EQ(alone.status, 0) << alone.output;
    EXPECT_EQ(read_file(dir_ / "both" / ("quantiles-" + name + ".csv")),
              read_file(dir_ / ("alone-" + name) / "quantiles.csv"))
        << name;
    EXPECT_EQ(read_file(dir_ / "both" / ("summary-" + name + ".json")),
              read_file(dir_ / ("alone-" + name) / "summary.json"))
        << name;
  }
}

// The rows of a sweep file, sorted (rows are appended in the order runs finish).
std::vector<std::string> sorted_rows(const std::string& text) {
  std::vector<std::string> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) rows.push_back(line);
  std::sort(rows.begin() + 1, rows.end());
  return rows;
}

TEST_F(Cli, AnInterruptedSweepResumesToTheSameRowsAsAnUninterruptedOne) {
  const std::string args =
      "sweep --scale 0.01 --param rules.arrest_rate=0.001:0.004 --design lhs --points 4 "
      "--seeds 2 --threads 2 --quiet --out ";
  ASSERT_EQ(unrest(args + path("whole")).status, 0);
  const auto whole = read_file(dir_ / "whole" / "sweep.csv");
  ASSERT_EQ(sorted_rows(whole).size(), 9u);
  // A sweep killed after three rows, in the middle of writing the fourth.
  fs::create_directories(dir_ / "cut");
  fs::copy_file(dir_ / "whole" / "sweep.json", dir_ / "cut" / "sweep.json");
  const auto rows = sorted_rows(whole);
  {
    std::ofstream cut(dir_ / "cut" / "sweep.csv");
    cut << rows[0] << "\n"
        << rows[1] << "\n"
        << rows[2] << "\n"
        << rows[3] << "\n"
        << rows[4].substr(0, 5);
  }
  ASSERT_EQ(unrest(args + path("cut")).status, 0);
  EXPECT_EQ(sorted_rows(read_file(dir_ / "cut" / "sweep.csv")), rows);
  // Another sweep into the same directory is refused.
  const auto other = unrest(
      "sweep --scale 0.01 --param rules.arrest_rate=0.001:0.005 --quiet --out " + path("cut"));
  EXPECT_EQ(other.status, 2);
  EXPECT_NE(other.output.find("different sweep"), std::string::npos) << other.output;
}

// A sweep's rows without their first column (the run id), each counterfactual's rows of a
// sweep over several without its fourth (the counterfactual's name) too.
std::vector<std::string> rows_without_ids(const std::string& text,
                                          const std::string& counterfactual = "") {
  std::vector<std::string> rows;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (!counterfactual.empty()) {
      if (cells.size() < 4 || cells[3] != counterfactual) continue;
      cells.erase(cells.begin() + 3);
    }
    cells.erase(cells.begin());
    std::string row;
    for (const auto& cell : cells) row += cell + ",";
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST_F(Cli, ASweepOverCounterfactualsGivesEachTheRowsOfItsOwnSweepAndResumes) {
  const std::string design =
      "sweep --scale 0.01 --param rules.arrest_rate=0.003:0.004:2 --seeds 2 --quiet";
  ASSERT_EQ(unrest(design + " --counterfactuals none,negotiate --out " + path("both")).status, 0);
  const auto both = read_file(dir_ / "both" / "sweep.csv");
  EXPECT_EQ(both.substr(0, both.find('\n')).rfind("run,point,seed,counterfactual,", 0), 0u);
  for (const auto& [name, option] : {std::pair<std::string, std::string>{"none", ""},
                                     {"negotiate", " --counterfactual negotiate"}}) {
    ASSERT_EQ(unrest(design + option + " --out " + path("alone-" + name)).status, 0);
    const auto mine = rows_without_ids(both, name);
    EXPECT_EQ(mine.size(), 4u) << name;
    EXPECT_EQ(mine, rows_without_ids(read_file(dir_ / ("alone-" + name) / "sweep.csv"))) << name;
  }
  // Killed after the first row of a run: the run goes again, and only its missing row is added.
  const auto rows = sorted_rows(both);
  fs::create_directories(dir_ / "cut");
  fs::copy_file(dir_ / "both" / "sweep.json", dir_ / "cut" / "sweep.json");
  {
    std::ofstream cut(dir_ / "cut" / "sweep.csv");
    cut << rows[0] << "\n" << rows[1] << "\n" << rows[2] << "\n" << rows[3] << "\n";
  }
  ASSERT_EQ(unrest(design + " --counterfactuals none,negotiate --out " + path("cut")).status, 0);
  EXPECT_EQ(sorted_rows(read_file(dir_ / "cut" / "sweep.csv")), rows);
}

// Global sensitivity of run 2: legitimacy drives the unrest far more than the cop density over
// these ranges (both methods say so), the indices do not depend on the thread count, and an
// analysis cut short resumes to the same indices.
TEST_F(Cli, SensitivityFindsLegitimacyDrivesRun2AndResumes) {
  const std::string params =
      " --param model.legitimacy=0.7:0.9 --param model.cop_density=0.03:0.05 --set run.ticks=300"
      " --quiet --out ";
  auto r = unrest("sensitivity " R2 " --samples 32 --threads 1" + params + path("s1"));
  ASSERT_EQ(r.status, 0) << r.output;
  r = unrest("sensitivity " R2 " --samples 32 --threads 2" + params + path("s2"));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto indices = read_file(dir_ / "s1" / "indices.csv");
  EXPECT_EQ(indices, read_file(dir_ / "s2" / "indices.csv"));
  const auto json = nlohmann::json::parse(read_file(dir_ / "s1" / "indices.json"));
  EXPECT_EQ(json["method"], "sobol");
  const auto& mean_active = json["figures"]["mean_active"];
  EXPECT_GT(mean_active["model.legitimacy"]["ST"].get<double>(), 0.5);
  EXPECT_LT(mean_active["model.cop_density"]["ST"].get<double>(),
            mean_active["model.legitimacy"]["ST"].get<double>() / 3);
  // 32 x (2 + 2) runs; cut to its first 50 rows and a torn line, it resumes to the same indices.
  const auto rows = sorted_rows(read_file(dir_ / "s1" / "sweep.csv"));
  ASSERT_EQ(rows.size(), 129u);
  fs::remove(dir_ / "s1" / "indices.csv");
  {
    std::ofstream cut(dir_ / "s1" / "sweep.csv");
    for (std::size_t i = 0; i < 51; ++i) cut << rows[i] << "\n";
    cut << rows[51].substr(0, 7);
  }
  r = unrest("sensitivity " R2 " --samples 32 --threads 1" + params + path("s1"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(read_file(dir_ / "s1" / "indices.csv"), indices);

  r = unrest("sensitivity " R2 " --method morris --samples 20" + params + path("m"));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto morris = nlohmann::json::parse(read_file(dir_ / "m" / "indices.json"));
  const auto& effects = morris["figures"]["mean_active"];
  EXPECT_GT(effects["model.legitimacy"]["mu_star"].get<double>(),
            3 * effects["model.cop_density"]["mu_star"].get<double>());
  EXPECT_LT(effects["model.legitimacy"]["mu"].get<double>(), 0.0);  // more legitimacy, calmer

  // Bad input: an unknown key, an odd number of Morris levels, a different analysis into the
  // same directory.
  r = unrest("sensitivity " R2 " --param model.legitimcy=0.7:0.9 --quiet --out " + path("bad"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("did you mean"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(path("bad")));
  r = unrest("sensitivity " R2
             " --method morris --levels 3 --param model.legitimacy=0.7:0.9 "
             "--quiet --out " +
             path("bad"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("--levels"), std::string::npos) << r.output;
  r = unrest("sensitivity " R2 " --samples 16" + params + path("s1"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("different"), std::string::npos) << r.output;
}

TEST_F(Cli, AnInterruptedCalibrationResumesToTheSamePosterior) {
  const std::string args =
      "calibrate --scale 0.01 --particles 6 --generations 2 --predictive 4 --threads 2 --quiet "
      "--out ";
  ASSERT_EQ(unrest(args + path("whole")).status, 0);
  const auto posterior = read_file(dir_ / "whole" / "posterior.csv");
  const auto summary = nlohmann::json::parse(read_file(dir_ / "whole" / "summary.json"));
  const auto kazakhstan = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  ASSERT_TRUE(kazakhstan);
  const auto free =
      unrest::national::parse_national_scenario(kazakhstan->text, kazakhstan->path).free;
  EXPECT_EQ(summary["parameters"].size(), free.size());
  EXPECT_GE(summary["simulations"].get<int>(), 2 * 6 + 4);
  EXPECT_TRUE(summary["posterior_predictive"].contains("detained-7-jan"));
  // Killed after eight simulations, in the middle of writing the ninth.
  fs::create_directories(dir_ / "cut");
  fs::copy_file(dir_ / "whole" / "calibration.json", dir_ / "cut" / "calibration.json");
  {
    std::istringstream in(read_file(dir_ / "whole" / "simulations.csv"));
    std::ofstream cut(dir_ / "cut" / "simulations.csv");
    std::string line;
    for (int i = 0; i < 9 && std::getline(in, line); ++i) cut << line << "\n";
    std::getline(in, line);
    cut << line.substr(0, 7);
  }
  ASSERT_EQ(unrest(args + path("cut")).status, 0);
  EXPECT_EQ(read_file(dir_ / "cut" / "posterior.csv"), posterior);
  const auto resumed = nlohmann::json::parse(read_file(dir_ / "cut" / "summary.json"));
  EXPECT_LT(resumed["simulations_this_session"], summary["simulations_this_session"]);
  const auto classic = unrest("calibrate " R2 " --quiet --out " + path("never"));
  EXPECT_EQ(classic.status, 2);
}

TEST_F(Cli, ACalibrationFitsOnlyWhatIsKnownByFitUntilAndPredictsTheRest) {
  const std::string args =
      "calibrate --scale 0.01 --particles 4 --generations 1 --predictive 3 --threads 2 --quiet ";
  const auto r = unrest(args + "--fit-until 2022-01-05 --out " + path("split"));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto summary = nlohmann::json::parse(read_file(dir_ / "split" / "summary.json"));
  EXPECT_EQ(summary["fit_until"], "2022-01-05");
  const auto& targets = summary["posterior_predictive"];
  EXPECT_TRUE(targets["detained-5-jan"]["fitted"].get<bool>());
  EXPECT_FALSE(targets["detained-6-jan"]["fitted"].get<bool>());
  EXPECT_FALSE(targets["detained-7-jan"]["fitted"].get<bool>());
  // Checks are fitted too (1: passed), by the last date they look at.
  const auto& checks = summary["posterior_predictive_checks"];
  EXPECT_TRUE(checks["regions-protesting-4-jan"]["fitted"].get<bool>());
  EXPECT_FALSE(checks["mangystau-peaceful"]["fitted"].get<bool>());
  // A check that bounds a number is fitted to its interval, and reports the number's band.
  EXPECT_EQ(checks["regions-protesting-4-jan"]["low"], 9);
  EXPECT_TRUE(checks["regions-protesting-4-jan"].contains("q50"));
  EXPECT_FALSE(checks["calm-before-shock"].contains("q50"));
  const double share = checks["calm-before-shock"]["pass_share"].get<double>();
  EXPECT_GE(share, 0.0);
  EXPECT_LE(share, 1.0);
  // The simulations file names every figure, fitted or not.
  EXPECT_NE(read_file(dir_ / "split" / "simulations.csv").find("check:mangystau-peaceful"),
            std::string::npos);
  const auto bad = unrest(args + "--fit-until 5-Jan --out " + path("bad"));
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.output.find("--fit-until: \"5-Jan\" is not a date YYYY-MM-DD"), std::string::npos)
      << bad.output;
  const auto early = unrest(args + "--fit-until 2021-01-01 --out " + path("early"));
  EXPECT_EQ(early.status, 2);
  EXPECT_NE(early.output.find("no target or check holds by 2021-01-01"), std::string::npos)
      << early.output;
}

TEST_F(Cli, EnsembleWritesQuantilesAndFigures) {
  const auto r = unrest("ensemble --seeds 3 --scale 0.01 --out " + path("ens"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("target:detained-7-jan"), std::string::npos) << r.output;
  const auto q = read_file(dir_ / "ens" / "quantiles.csv");
  EXPECT_EQ(q.rfind("tick,time,place,series,q05,q50,q95\n", 0), 0u);
  EXPECT_NE(q.find(",almaty-city,rioting,"), std::string::npos);
  const auto summary = nlohmann::json::parse(read_file(dir_ / "ens" / "summary.json"));
  EXPECT_EQ(summary["seeds"].size(), 3u);
  EXPECT_LE(summary["figures"]["peak_active"]["q05"], summary["figures"]["peak_active"]["q95"]);
}

TEST_F(Cli, TheExperimentToolsWorkOnTheSecondCountry) {
  auto r = unrest("ensemble iran-2019 --seeds 2 --scale 0.0005 --quiet --out " + path("iran"));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto q = read_file(dir_ / "iran" / "quantiles.csv");
  EXPECT_NE(q.find(",khuzestan,active,"), std::string::npos);
  const auto summary = nlohmann::json::parse(read_file(dir_ / "iran" / "summary.json"));
  EXPECT_TRUE(summary["figures"].contains("target:deaths-amnesty")) << summary.dump();
  r = unrest(
      "sweep iran-2019 --param mechanisms.hardship.per_burden=0:0.2:2 --seeds 1 "
      "--scale 0.0005 --quiet --out " +
      path("iran-sweep"));
  ASSERT_EQ(r.status, 0) << r.output;
  // Without a burden nobody protests; with the inherited one the provinces do.
  const auto sweep = unrest::io::CsvTable::read(dir_ / "iran-sweep" / "sweep.csv");
  const std::size_t burden = sweep.column("mechanisms.hardship.per_burden"),
                    places = sweep.column("places_protested");
  std::map<double, double> protested;
  for (std::size_t row = 0; row < sweep.rows(); ++row) {
    protested[sweep.number(row, burden)] = sweep.number(row, places);
  }
  ASSERT_EQ(protested.size(), 2u);
  EXPECT_EQ(protested[0.0], 0.0);
  EXPECT_GE(protested[0.2], 20.0);
}

TEST_F(Cli, SetOverridesReachTheRun) {
  ASSERT_EQ(unrest("run " R2
                   " --ticks 20 --quiet --set model.preset=mesa --set model.legitimacy=0.7 --out " +
                   path("m"))
                .status,
            0);
  const auto manifest = nlohmann::json::parse(read_file(dir_ / "m" / "manifest.json"));
  EXPECT_EQ(manifest["effective"]["model"]["ratio"], "round_half_even");
  EXPECT_EQ(manifest["effective"]["model"]["legitimacy"], 0.7);
}

TEST_F(Cli, ExistingResultsAreNeverReplacedUnasked) {
  ASSERT_EQ(unrest("run " R2 " --ticks 10 --quiet --out " + path("r")).status, 0);
  const std::string before = read_file(dir_ / "r" / "timeseries.csv");
  const auto again = unrest("run " R2 " --ticks 20 --quiet --out " + path("r"));
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
  EXPECT_EQ(read_file(dir_ / "r" / "timeseries.csv"), before);
  ASSERT_EQ(unrest("run " R2 " --ticks 20 --quiet --overwrite --out " + path("r")).status, 0);
  EXPECT_NE(read_file(dir_ / "r" / "timeseries.csv"), before);
}

// --overwrite replaces only a folder an unrest run wrote: a user's folder, the current
// directory, a file or a path under a file are refused with exit 2 and left as they were.
TEST_F(Cli, OverwriteNeverDeletesWhatUnrestDidNotWrite) {
  fs::create_directories(dir_ / "precious");
  write("precious/thesis.tex", "years of work");
  const auto precious =
      unrest("run " R2 " --ticks 5 --quiet --overwrite --out " + path("precious"));
  EXPECT_EQ(precious.status, 2);
  EXPECT_NE(precious.output.find("no manifest.json"), std::string::npos) << precious.output;
  EXPECT_EQ(read_file(dir_ / "precious" / "thesis.tex"), "years of work");

  // An unrest run's folder with a file of the user's added to it.
  ASSERT_EQ(unrest("run " R2 " --ticks 5 --quiet --out " + path("r")).status, 0);
  write("r/notes.txt", "mine");
  const auto added = unrest("run " R2 " --ticks 5 --quiet --overwrite --out " + path("r"));
  EXPECT_EQ(added.status, 2);
  EXPECT_NE(added.output.find("'notes.txt'"), std::string::npos) << added.output;
  EXPECT_EQ(read_file(dir_ / "r" / "notes.txt"), "mine");

  // The current directory, by name and as ".".
  const std::string in_dir = "cd " + dir_.string() + " && ";
  for (const std::string& out : {std::string("."), dir_.string()}) {
    const std::string command = "sh -c '" + in_dir + UNREST_BINARY + " run " +
                                (fs::path(UNREST_SOURCE_DIR) / R2).string() +
                                " --ticks 5 --quiet --overwrite --out " + out + "' 2>&1";
    const auto [status, output] = shell(command);
    EXPECT_EQ(status, 2) << out;
    EXPECT_NE(output.find("current directory"), std::string::npos) << output;
  }
  EXPECT_EQ(read_file(dir_ / "precious" / "thesis.tex"), "years of work");

  write("file.txt", "a file");
  const auto file = unrest("run " R2 " --ticks 5 --quiet --overwrite --out " + path("file.txt"));
  EXPECT_EQ(file.status, 2);
  EXPECT_EQ(read_file(dir_ / "file.txt"), "a file");
  const auto under = unrest("run " R2 " --ticks 5 --quiet --out " + path("file.txt/r"));
  EXPECT_EQ(under.status, 2);
  EXPECT_NE(under.output.find("is a file, not a directory"), std::string::npos) << under.output;
}

// A schedule asking for more cops than fit (or than there are), even beyond 2^31, adds as
// many as there are empty sites (removes every cop), on both engines, at once.
TEST_F(Cli, HugeCopCountsAreBoundedByTheLattice) {
  const std::string base = read_file(fs::path(UNREST_SOURCE_DIR) / R2);
  ASSERT_NE(base.find("[scenario]"), std::string::npos);
  for (const std::string engine : {"sequential", "parallel"}) {
    const std::string add = write(
        "add.toml", base + "\n[[schedule]]\nid = \"flood\"\ntick = 2\nadd_cops = 3000000000\n");
    const auto added = unrest("run " + add + " --engine " + engine + " --ticks 3 --quiet --out " +
                              path("add-" + engine));
    ASSERT_EQ(added.status, 0) << added.output;
    std::istringstream rows(read_file(dir_ / ("add-" + engine) / "timeseries.csv"));
    std::string line, last;
    while (std::getline(rows, line)) last = line;
    // tick,quiet,active,jailed,cops,...: the flood filled every site no citizen held, so at
    // least the 1600 - 1120 sites no citizen can hold have cops (40 x 40, density 0.7), and
    // a cop or a citizen at large stands on every site but those arrests emptied since.
    int tick = 0, quiet = 0, active = 0, jailed = 0, cops = 0;
    ASSERT_EQ(std::sscanf(last.c_str(), "%d,%d,%d,%d,%d", &tick, &quiet, &active, &jailed, &cops),
              5);
    EXPECT_GE(cops, 480) << engine << ": " << last;
    EXPECT_LE(quiet + active + cops, 1600) << engine << ": " << last;
    EXPECT_GE(quiet + active + cops, 1500) << engine << ": " << last;

    const std::string remove = write(
        "remove.toml", base + "\n[[schedule]]\nid = \"all\"\ntick = 2\nremove_cops = 3000000000\n");
    const auto removed = unrest("run " + remove + " --engine " + engine +
                                " --ticks 3 --quiet --out " + path("remove-" + engine));
    ASSERT_EQ(removed.status, 0) << removed.output;
    const std::string text = read_file(dir_ / ("remove-" + engine) / "timeseries.csv");
    last = text.substr(text.rfind('\n', text.size() - 2) + 1);
    ASSERT_EQ(std::sscanf(last.c_str(), "%d,%d,%d,%d,%d", &tick, &quiet, &active, &jailed, &cops),
              5);
    EXPECT_EQ(cops, 0) << engine << ": " << last;
  }
}

// A thread the system will not start ends the run at once with a clear error (exit 1), where
// it used to freeze. Address-space limits and AddressSanitizer's shadow memory do not mix.
TEST_F(Cli, AThreadThatCannotStartEndsTheRunWithAClearError) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "ulimit -v cannot be combined with AddressSanitizer";
#else
  const std::string command =
      "sh -c 'ulimit -v 2000000; exec timeout -s KILL 60 " + std::string(UNREST_BINARY) +
      " run --threads 300 --scale 0.01 --quiet --out " + path("r") + "' 2>&1";
  const auto [status, output] = shell(command);
  EXPECT_EQ(status, 1) << output;
  EXPECT_NE(output.find("could not start thread"), std::string::npos) << output;
  EXPECT_FALSE(fs::exists(dir_ / "r"));
#endif
}

// What used to be taken silently and give another result than asked for is refused.
TEST_F(Cli, NoSilentlyChangedInputs) {
  const auto seed =
      unrest("run " R2 " --ticks 5 --quiet --seed 18446744073709551615 --out " + path("s"));
  EXPECT_EQ(seed.status, 2);
  EXPECT_NE(seed.output.find("must be a whole number in [0, 9223372036854775807]"),
            std::string::npos)
      << seed.output;
  const auto sweep_seed =
      unrest("ensemble " R2 " --seeds 2 --quiet --seed 9223372036854775807 --out " + path("e"));
  EXPECT_EQ(sweep_seed.status, 2) << sweep_seed.output;
  EXPECT_EQ(
      unrest("run " R2 " --ticks 5 --quiet --seed 9223372036854775807 --out " + path("top")).status,
      0);
  EXPECT_FALSE(fs::exists(dir_ / "s"));

  const auto newline = unrest("run " R2 " --ticks 5 --quiet --out " + path("n") +
                              " --set \"$(printf 'model.legitimacy=0.8\\nmodel.vision=3')\"");
  EXPECT_EQ(newline.status, 2);
  EXPECT_NE(newline.output.find("line break"), std::string::npos) << newline.output;
  EXPECT_FALSE(fs::exists(dir_ / "n"));

  const auto empty = unrest("run " + write("empty.toml", "") + " --quiet --out " + path("e"));
  EXPECT_EQ(empty.status, 2);
  EXPECT_NE(empty.output.find("needs a [scenario] table"), std::string::npos) << empty.output;

  const auto unknown = unrest("rnu " R2);
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.output.find("unknown command 'rnu' (did you mean 'run'?)"), std::string::npos)
      << unknown.output;
}

TEST_F(Cli, BadInputExitsTwoWithFileLineAndKeyAndWritesNothing) {
  struct Case {
    std::string args;
    std::string message;
  };
  const std::string bad_key = write("bad_key.toml", "[model]\nvisoin = 7\n");
  const std::string bad_toml = write("bad_toml.toml", "[model\nvision = 7\n");
  const std::string bad_range = write("bad_range.toml", "[model]\nlegitimacy = 1.5\n");
  const std::string bad_type = write("bad_type.toml", "[run]\nticks = \"many\"\n");
  const std::vector<Case> cases = {
      {"run " + bad_key, bad_key + ":2: model.visoin: unknown key; did you mean 'model.vision'?"},
      {"run " + bad_toml, bad_toml + ":1"},
      {"run " + bad_range, bad_range + ":2: model.legitimacy: must be in [0, 1] (got 1.5)"},
      {"run " + bad_type, bad_type + ":2: run.ticks: expected an integer, got a string"},
      {"run " + path("missing.toml"), path("missing.toml") + ": cannot open scenario file"},
      {"run " R2 " --set model.vision=-1", "--set model.vision=-1: model.vision: must be > 0"},
      {"run " R2 " --set model.cop_density=0.5", "citizen_density + cop_density must be <= 1"},
      {"run " R2 " --set model.max_jail_term=-2", "model.max_jail_term: must be an integer >= 1"},
      {"run " R2 " --ticks 0", "--ticks"},
      {"run " R2 " --seed -5", "--seed"},
      {"run " R2 " --engine warp", "run.engine: \"warp\" is not one of: sequential, parallel"},
      {"run " R2 " --engine parallel --threads -1", "--threads"},
      {"run --bogus", "--bogus"},
      {"validate " + bad_key, "did you mean 'model.vision'?"},
  };
  for (const auto& c : cases) {
    const bool runs = c.args.rfind("run", 0) == 0;
    const auto r = unrest(c.args + (runs ? " --out " + path("never") : ""));
    EXPECT_EQ(r.status, 2) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find(c.message), std::string::npos) << c.args << "\n" << r.output;
    EXPECT_FALSE(fs::exists(path("never"))) << c.args;
  }
}

TEST_F(Cli, ValidateAcceptsGoodFiles) {
  const auto r =
      unrest(std::string("validate ") + UNREST_SOURCE_DIR + "/scenarios/epstein-2002/run3.toml");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("ok"), std::string::npos);
}

TEST_F(Cli, HelpAndVersion) {
  const auto help = unrest("--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.output.find("run"), std::string::npos);
  EXPECT_NE(help.output.find("validate"), std::string::npos);
  const auto run_help = unrest("run --help");
  EXPECT_EQ(run_help.status, 0);
  EXPECT_NE(run_help.output.find("--set"), std::string::npos);
  const auto version = unrest("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_NE(version.output.find(UNREST_VERSION), std::string::npos);
  EXPECT_EQ(unrest("").status, 2);  // a subcommand is required
}

}  // namespace

namespace {

TEST_F(Cli, ReportRefusesWhatIsNotAFinishedRun) {
  auto r = unrest("report " + path("missing"));
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("missing: no such folder"), std::string::npos) << r.output;
  std::ofstream(dir_ / "manifest.json") << "{\"complete\": true}";
  r = unrest("report " + dir_.string());
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("not an unrest output folder"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir_ / "report.html"));
}

TEST_F(Cli, RunReportWritesTheReportWithTheRun) {
  const auto r = unrest("run " R2 " --ticks 200 --report --quiet --out " + path("r"));
  if (r.status == 1 && r.output.find("without its web pages") != std::string::npos) {
    EXPECT_FALSE(fs::exists(dir_ / "r")) << "refused before running";
    GTEST_SKIP() << r.output;
  }
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string html = read_file(dir_ / "r" / "report.html");
  EXPECT_NE(html.find("\"scenario\":\"epstein-2002-run2\""), std::string::npos);
  EXPECT_NE(html.find(dir_.string() + "/r\""), std::string::npos) << "names the final folder";
  // `unrest report` makes the same page from the folder.
  const auto again = unrest("report --quiet " + path("r") + " -o " + path("again.html"));
  ASSERT_EQ(again.status, 0) << again.output;
  EXPECT_EQ(read_file(dir_ / "again.html"), html);
}

}  // namespace
