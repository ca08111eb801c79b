// What the viewer may ask to run, and how a bad request is answered.
#include "unrest/serve/run_request.hpp"

#include <gtest/gtest.h>

#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/serve/http_error.hpp"

namespace {

using namespace unrest::serve;

std::vector<ServedScenario> served() {
  const auto b = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  return {
      {{b->path, b->text, true, {}}, unrest::national::parse_national_scenario(b->text, b->path)}};
}

// The 400 message a body gets, or "accepted".
std::string answer(const std::string& body, double max_scale = 1.0) {
  try {
    const auto all = served();
    const auto request = parse_run_request(body, all, {max_scale, 3});
    unrest::io::ScenarioSource source;
    (void)request_scenario(request, all, source, 1);
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    return e.what();
  }
  return "accepted";
}

constexpr const char* kScenario = R"("scenario": "scenarios/kazakhstan-2022.toml")";

std::string body(const std::string& rest = "") {
  return std::string("{") + kScenario + (rest.empty() ? "" : ", " + rest) + "}";
}

TEST(RunRequest, ReadsEveryFieldAndRecordsThemAsOverrides) {
  const auto all = served();
  const auto request = parse_run_request(
      body(R"("scale": 0.02, "seed": 7, "hours_per_second": 24, "counterfactual": "no-csto",
             "events": {"early-nationwide-concession": true, "lpg-price-doubles": false},
             "parameters": {"rules.arrest_rate": 0.005})"),
      all, {});
  EXPECT_EQ(request.scale, 0.02);
  EXPECT_EQ(request.seed, 7u);
  EXPECT_EQ(request.hours_per_second, 24.0);
  unrest::io::ScenarioSource source;
  const auto s = request_scenario(request, all, source, 2);
  EXPECT_EQ(s.scale, 0.02);
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(s.threads, 2);
  EXPECT_EQ(s.rules.arrest_rate, 0.005);
  EXPECT_EQ(s.counterfactual, "no-csto");
  for (const auto& e : s.events) {
    if (e.id == "early-nationwide-concession") {
      EXPECT_TRUE(e.enabled);
    }
    if (e.id == "lpg-price-doubles") {
      EXPECT_FALSE(e.enabled);
    }
  }
  const std::vector<std::string> expected = {"rules.arrest_rate=0.005",
                                             "event.early-nationwide-concession.enabled=true",
                                             "event.lpg-price-doubles.enabled=false",
                                             "--scale 0.02",
                                             "--seed 7",
                                             "--counterfactual no-csto"};
  EXPECT_EQ(source.overrides, expected);
}

TEST(RunRequest, DefaultsAreTheScenarioAtScaleOneHundredth) {
  EXPECT_EQ(answer(body()), "accepted");
  const auto request = parse_run_request(body(), served(), {});
  EXPECT_EQ(request.scale, 0.01);
  EXPECT_EQ(request.seed, 1u);
  EXPECT_EQ(request.hours_per_second, 0.0);
}

TEST(RunRequest, BadRequestsAreAnsweredWithWhatIsWrong) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{\"scenario\": ", "not valid JSON"},
      {"5555555555555e5050", "not valid JSON"},  // found by the fuzzer: a 500 before
      {body(R"("scale": 1e999)"), "not valid JSON"},
      {"[1, 2]", "must be a JSON object"},
      {"{}", "'scenario' (a string: the path of a served scenario) is required"},
      {R"({"scenario": "../../etc/passwd"})", "no served scenario '../../etc/passwd'"},
      {body(R"("colour": 1)"), "unknown field 'colour'"},
      {body(R"("scale": 0)"), "'scale' must be in [1e-06, 0.5] (got 0)"},
      {body(R"("scale": 0.9)"), "'scale' must be in [1e-06, 0.5] (got 0.9)"},
      {body(R"("scale": "big")"), "'scale' must be a number"},
      {body(R"("seed": -1)"), "'seed' must be an integer >= 0"},
      {body(R"("seed": 1.5)"), "'seed' must be an integer >= 0"},
      {body(R"("events": {"lpg-price-doubles": 0})"),
       "events.lpg-price-doubles must be true or false"},
      {body(R"("events": ["x"])"), "'events' must be an object"},
      {body(R"("events": {"no-such": false})"), "event.no-such: no entry has this id"},
      {body(R"("parameters": {"rules.arrest_rate": [1]})"),
       "must be a number, a boolean or a string"},
      {body(R"("parameters": {"rules.arrest_rate": 7})"), "rules.arrest_rate: must be in"},
      {body(R"("parameters": {"rules.nope": 1})"), "rules.nope"},
      {body(R"("counterfactual": "nope")"), "nope"},
      {body(R"("hours_per_second": -1)"), "'hours_per_second' must be in"},
      {body(R"("branch": "r1")"), "'branch' must be {\"run\": ID, \"hour\": N}"},
      {body(R"("branch": {"run": "r1"})"), "'branch' must be"},
      {body(R"("branch": {"run": "r1", "hour": 0})"), "'branch' must be"},
      {body(R"("branch": {"run": "r1", "hour": 2.5})"), "'branch' must be"},
      {body(R"("branch": {"run": 1, "hour": 2})"), "'branch' must be"},
      {body(R"("branch": {"run": "r1", "hour": 2, "x": 1})"), "'branch' must be"},
      {body(
           R"("parameters": {"rules.arrest_rate": 0.004, "rules.k": 2, "rules.threshold": 0.1, "rules.vision": 7})"),
       "at most 3 events and parameters"},
  };
  for (const auto& [text, expected] : cases) {
    const std::string got = answer(text, 0.5);
    EXPECT_NE(got.find(expected), std::string::npos) << text << "\n  answered: " << got;
  }
}

TEST(RunRequest, ABranchPointIsRefusedWhereTheRequestDiffersBeforeIt) {
  const auto all = served();
  auto scenario_of = [&](const std::string& text) {
    unrest::io::ScenarioSource source;
    return request_scenario(parse_run_request(body(text), all, {}), all, source, 1);
  };
  const auto parent = scenario_of(R"("scale": 0.01)");
  const auto request = parse_run_request(body(R"("branch": {"run": "r4", "hour": 192})"), all, {});
  EXPECT_EQ(request.branch_of, "r4");
  EXPECT_EQ(request.branch_hours, 192);
  auto refusal = [&](const std::string& text, std::int64_t hours) -> std::string {
    try {
      check_branch_point(parent, "r4", scenario_of(text), hours);
    } catch (const HttpError& e) {
      EXPECT_EQ(e.status(), 400);
      return e.what();
    }
    return "accepted";
  };
  // The operation of 6 January 06:00 (hour 222) is what no-shoot-to-kill removes first.
  EXPECT_EQ(refusal(R"("scale": 0.01, "counterfactual": "no-shoot-to-kill")", 192), "accepted");
  EXPECT_EQ(refusal(R"("scale": 0.01, "counterfactual": "no-shoot-to-kill")", 222), "accepted");
  EXPECT_NE(refusal(R"("scale": 0.01, "counterfactual": "no-shoot-to-kill")", 223)
                .find("cannot branch from run r4 at 2022-01-06 07:00"),
            std::string::npos);
  EXPECT_NE(refusal(R"("scale": 0.02)", 5).find("scale"), std::string::npos);
  EXPECT_EQ(refusal(R"("scale": 0.01)", 383), "accepted");
  EXPECT_NE(refusal(R"("scale": 0.01)", 384).find("shares 1 to 383"), std::string::npos);
}

TEST(RunRequest, TheCatalogueOffersTheFreeParametersAtTheirCurrentValues) {
  const auto all = served();
  const auto catalogue = catalogue_json(all);
  ASSERT_EQ(catalogue.size(), 1u);
  const auto& k = catalogue[0];
  EXPECT_EQ(k["places"].size(), 17u);
  EXPECT_EQ(k["events"].size(), all[0].scenario.events.size());
  ASSERT_EQ(k["parameters"].size(), all[0].scenario.free.size());
  EXPECT_EQ(k["parameters"][0]["key"], "rules.arrest_rate");
  EXPECT_EQ(k["parameters"][0]["value"], all[0].scenario.rules.arrest_rate);
  for (const auto& p : k["parameters"]) EXPECT_TRUE(p["value"].is_number()) << p.dump();
  EXPECT_EQ(k["counterfactuals"].size(), all[0].scenario.counterfactuals.size());
}

}  // namespace
