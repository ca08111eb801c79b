// The report's data, read back from real output folders: what it holds and how bad folders
// are refused.
#include "unrest/report/report_data.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_scenarios.hpp"
#include "unrest/io/csv_table.hpp"
#include "unrest/io/national_outputs.hpp"
#include "unrest/io/run_outputs.hpp"
#include "unrest/report/html_report.hpp"
#include "unrest/run_classic.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/web/web_assets.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using unrest::io::InputFileError;
using namespace unrest::report;

// Per process: CTest runs these tests in parallel, each in its own process, and each writes
// the shared "base" run; a folder replaced under another process's feet failed it now and then.
fs::path scratch(const std::string& name) {
  return fs::temp_directory_path() /
         ("unrest-report-test-" + std::to_string(::getpid()) + "-" + name);
}

// A national run of the shipped scenario at scale 0.01, written as `unrest run` writes it.
fs::path national_folder(const std::string& name, const std::vector<std::string>& sets = {}) {
  const auto builtin = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  std::vector<std::string> all = {"run.scale=0.01", "run.threads=1"};
  all.insert(all.end(), sets.begin(), sets.end());
  const auto scenario =
      unrest::national::parse_national_scenario(builtin->text, builtin->path, all);
  const auto engine = unrest::run_national(scenario);
  const fs::path dir = scratch(name);
  unrest::io::AtomicOutputDir out(dir, true);
  unrest::io::write_national_outputs(out, *engine, {builtin->path, builtin->text, true, all});
  out.commit();
  return dir;
}

fs::path classic_folder(const std::string& name) {
  const auto scenario = unrest::testing::run_n(2, {"run.ticks=300"});
  const auto run = unrest::run_classic(scenario);
  const fs::path dir = scratch(name);
  unrest::io::AtomicOutputDir out(dir, true);
  unrest::io::write_run_outputs(out, run, {"run2.toml", "", true, {}});
  out.commit();
  return dir;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputFileError& e) {
    return e.what();
  }
  return "no error";
}

class ReportData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { base_ = new fs::path(national_folder("base")); }
  static void TearDownTestSuite() {
    fs::remove_all(*base_);
    delete base_;
  }
  static fs::path* base_;
};
fs::path* ReportData::base_ = nullptr;

TEST_F(ReportData, NationalRunHoldsPlacesSeriesEventsAndTargetsInPeople) {
  const json run = national_run_data(*base_);
  EXPECT_EQ(run["scenario"], "kazakhstan-2022");
  EXPECT_EQ(run["scale"], 0.01);
  ASSERT_EQ(run["places"].size(), 17u);
  for (const auto& p : run["places"]) {
    EXPECT_GT(p["lat"].get<double>(), 40.0);  // Kazakhstan lies between 40 and 56 N
    EXPECT_LT(p["lat"].get<double>(), 56.0);
    EXPECT_GT(p["population"].get<double>(), 0.0);
    EXPECT_EQ(p["active"].size(), run["times"].size());
  }
  ASSERT_EQ(run["times"].size(), 384u);
  EXPECT_EQ(run["times"][0], "2021-12-28 00:00");
  // People are agents / scale: compare with national.csv directly.
  const auto csv = unrest::io::CsvTable::read(*base_ / "national.csv");
  const std::size_t peak = run["peak_tick"].get<std::size_t>();
  EXPECT_DOUBLE_EQ(run["national"]["active"][peak].get<double>(),
                   csv.number(peak, csv.column("active")) * 100.0);
  EXPECT_GT(run["national"]["active"][peak].get<double>(), 10'000.0);
  double sum = 0;
  for (const auto& p : run["places"]) sum += p["active"][peak].get<double>();
  EXPECT_NEAR(sum, run["national"]["active"][peak].get<double>(), 1e-6);
  // The charts come with the data, each with its series; deaths sum both sides' killed.
  ASSERT_EQ(run["charts"].size(), run["national"].size());
  for (const auto& chart : run["charts"]) {
    EXPECT_EQ(run["national"][chart["key"].get<std::string>()].size(), run["times"].size());
  }
  const std::size_t last = run["times"].size() - 1;
  EXPECT_DOUBLE_EQ(run["national"]["deaths"][last].get<double>(),
                   (csv.number(last, csv.column("citizens_killed")) +
                    csv.number(last, csv.column("cops_killed"))) *
                       100.0);
  EXPECT_EQ(run["events"][0]["id"], "lpg-price-doubles");
  const auto kazakhstan = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  ASSERT_TRUE(kazakhstan);
  const auto shipped =
      unrest::national::parse_national_scenario(kazakhstan->text, kazakhstan->path);
  EXPECT_EQ(run["targets"].size(), shipped.targets.size());
  EXPECT_EQ(run["checks"].size(), shipped.checks.size());
  EXPECT_TRUE(run["bands"].is_null());
}

TEST_F(ReportData, TwoRunsOverlayAndEnsembleBandsMustMatchTheScenario) {
  const fs::path calm = national_folder("calm", {"run.seed=2"});
  const json data = report_data({*base_, calm}, std::nullopt);
  EXPECT_EQ(data["kind"], "national");
  ASSERT_EQ(data["runs"].size(), 2u);
  EXPECT_NE(data["runs"][0]["label"], data["runs"][1]["label"]);
  // A second run as if it were an ensemble: refused, it has no quantiles.
  EXPECT_NE(error_of([&] { report_data({*base_}, calm); }).find("not an ensemble folder"),
            std::string::npos);
  fs::remove_all(calm);
}

TEST_F(ReportData, ClassicRunHoldsItsSeriesAndOutbursts) {
  const fs::path dir = classic_folder("classic");
  const json data = report_data({dir}, std::nullopt);
  EXPECT_EQ(data["kind"], "classic");
  const json& run = data["runs"][0];
  EXPECT_EQ(run["ticks"].size(), 301u);
  EXPECT_GT(run["outbursts"].size(), 2u);
  EXPECT_NE(error_of([&] {
              report_data({*base_, dir}, std::nullopt);
            }).find("a classic run cannot be overlaid on a national run"),
            std::string::npos);
  fs::remove_all(dir);
}

TEST_F(ReportData, BadFoldersAreRefusedNamingTheFile) {
  EXPECT_NE(error_of([] { folder_kind("/nonexistent/unrest"); }).find("no such folder"),
            std::string::npos);
  const fs::path dir = scratch("bad");
  fs::remove_all(dir);
  fs::create_directories(dir);
  EXPECT_NE(error_of([&] { folder_kind(dir); }).find("no manifest.json"), std::string::npos);
  fs::copy(*base_, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  // Corrupt JSON, an incomplete run, a truncated CSV: each names the file.
  std::ofstream(dir / "summary.json") << "{\"scale\": ";

  EXPECT_NE(error_of([&] { national_run_data(dir); }).find("summary.json: not valid JSON"),
            std::string::npos);
  fs::copy_file(*base_ / "summary.json", dir / "summary.json",
                fs::copy_options::overwrite_existing);
  { std::ofstream(dir / "national.csv", std::ios::app) << "999,2022-01-13 00:00,1\n"; }
  EXPECT_NE(error_of([&] { national_run_data(dir); }).find("national.csv:386: 3 fields"),
            std::string::npos);
  std::ofstream(dir / "manifest.json") << R"({"complete": false})";
  EXPECT_NE(error_of([&] { national_run_data(dir); }).find("marked incomplete"), std::string::npos);
  fs::remove_all(dir);
}

TEST(HtmlReport, DataCannotEndTheScriptElement) {
  const json data = {{"text", "</script><script>alert(1)</script><!--"}};
  const std::string text = json_for_script(data);
  EXPECT_EQ(text.find('<'), std::string::npos);
  EXPECT_EQ(json::parse(text), data);
}

TEST(HtmlReport, EmbedsTheDataInTheBundledPage) {
  if (!unrest::web::available()) GTEST_SKIP() << unrest::web::kUnavailable;
  const json data = {{"kind", "national"}, {"runs", json::array()}, {"marker", "x</p>y"}};
  const std::string html = render_report_html(data);
  EXPECT_EQ(html.find("/*UNREST:DATA*/"), std::string::npos);
  const std::string open = R"(<script type="application/json" id="unrest-data">)";
  const std::size_t from = html.find(open) + open.size();
  const std::size_t to = html.find("</script>", from);
  EXPECT_EQ(json::parse(html.substr(from, to - from)), data);
}

}  // namespace
