// The viewer's server in-process, over real HTTP on a free port: runs start, stream their
// hours, finish with their outputs, cancel, and bad requests get 4xx answers.
#include "unrest/serve/viewer_server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "unrest/io/csv_table.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/serve/http_error.hpp"
#include "unrest/web/web_assets.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace unrest::serve;

constexpr const char* kRun = R"({"scenario": "scenarios/kazakhstan-2022.toml", "scale": 0.005)";

class ViewerServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    out_ = fs::temp_directory_path() /
           ("unrest-serve-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(out_);
    const auto b = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
    std::vector<ServedScenario> served = {
        {{b->path, b->text, true, {}},
         unrest::national::parse_national_scenario(b->text, b->path)}};
    // A memory limit a scale-0.005 run keeps far below and a billion people do not.
    runs_ = std::make_unique<RunManager>(out_, std::move(served), 2,
                                         RequestLimits{1.0, 200, 4'000'000'000});
    ServerOptions options;
    options.port = 0;  // any free port
    options.log = [this](const std::string& line) {
      std::lock_guard lock(log_mutex_);
      log_.push_back(line);
    };
    server_ = std::make_unique<ViewerServer>(*runs_, options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
    server_.reset();
    runs_.reset();
    fs::remove_all(out_);
  }

  // As the page does: JSON, the server's token, no Origin or its own.
  std::pair<int, json> post(const std::string& path, const std::string& body) {
    auto res = client_->Post(path.c_str(), {{"X-Unrest-Token", server_->token()}}, body,
                             "application/json");
    if (!res) return {-1, json()};
    return {res->status, json::parse(res->body, nullptr, false)};
  }
  std::pair<int, json> get(const std::string& path) {
    auto res = client_->Get(path.c_str());
    if (!res) return {-1, json()};
    return {res->status, json::parse(res->body, nullptr, false)};
  }
  json wait_until_done(const std::string& id) {
    for (int i = 0; i < 600; ++i) {
      const auto [status, run] = get("/api/runs/" + id);
      if (run["status"] != "running") return run;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return json();
  }

  fs::path out_;
  std::unique_ptr<RunManager> runs_;
  std::unique_ptr<ViewerServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
};

TEST_F(ViewerServerTest, ARunStreamsEveryHourAndFinishesWithItsOutputs) {
  const auto [status, started] = post("/api/runs", std::string(kRun) + "}");
  ASSERT_EQ(status, 201) << started.dump();
  const std::string id = started["id"];
  EXPECT_EQ(started["places"].size(), 17u);
  const json done = wait_until_done(id);
  ASSERT_EQ(done["status"], "finished") << done.dump();
  // The folder by its name in the output folder, never a path of the machine.
  const std::string name = done["folder"].get<std::string>();
  EXPECT_EQ(name.find('/'), std::string::npos) << name;
  const fs::path folder = out_ / name;
  EXPECT_TRUE(fs::exists(folder / "manifest.json"));
  EXPECT_EQ(fs::exists(folder / "report.html"), unrest::web::available());

  const auto [fs1, frames] = get("/api/runs/" + id + "/frames?from=0");
  ASSERT_EQ(fs1, 200);
  ASSERT_EQ(frames["times"].size(), 384u);
  // The streamed hours are the written ones, in people.
  const auto csv = unrest::io::CsvTable::read(folder / "national.csv");
  for (std::size_t t : {0u, 150u, 200u, 383u}) {
    EXPECT_DOUBLE_EQ(frames["national"]["active"][t].get<double>(),
                     csv.number(t, csv.column("active")) / 0.005);
    EXPECT_DOUBLE_EQ(frames["national"]["arrests"][t].get<double>(),
                     csv.number(t, csv.column("arrests")) / 0.005);
  }
  EXPECT_EQ(frames["places"]["active"].size(), 17u);
  EXPECT_EQ(frames["events"][0]["id"], "lpg-price-doubles");
  const auto [fs2, tail] = get("/api/runs/" + id + "/frames?from=380");
  EXPECT_EQ(tail["times"].size(), 4u);
  EXPECT_EQ(tail["from"], 380);

  // Files by name only; the report once finished.
  EXPECT_EQ(get("/api/runs/" + id + "/files/summary.json").second["scenario"], "kazakhstan-2022");
  EXPECT_EQ(get("/api/runs/" + id + "/files/report.exe").first, 404);
  EXPECT_EQ(get("/api/runs/" + id + "/files/..%2Fmanifest.json").first, 404);
  EXPECT_EQ(get("/api/runs/" + id + "/report").first, unrest::web::available() ? 200 : 404);

  // The same request again gives the same hours: determinism reaches the viewer.
  const auto [s2, again] = post("/api/runs", std::string(kRun) + "}");
  ASSERT_EQ(s2, 201);
  ASSERT_EQ(wait_until_done(again["id"])["status"], "finished");
  const auto frames2 = get("/api/runs/" + again["id"].get<std::string>() + "/frames").second;
  EXPECT_EQ(frames2["national"], frames["national"]);
  EXPECT_EQ(get("/api/runs").second.size(), 2u);

  // A later session lists both as finished, with the same hours, read from their folders.
  RunManager later(out_, {}, 1, RequestLimits{});
  EXPECT_TRUE(later.skipped().empty());
  ASSERT_EQ(later.list().size(), 2u);
  const auto earlier = later.find(id);
  EXPECT_EQ(earlier->status(), RunStatus::finished);
  const json reread = earlier->frames_json(0);
  for (const char* key : {"active", "rioting", "arrests", "deaths", "injured"}) {
    EXPECT_TRUE(reread["national"][key] == frames["national"][key]) << key;
  }
  // The activity index is written with 6 significant digits.
  for (std::size_t t = 0; t < 384; ++t) {
    ASSERT_NEAR(reread["national"]["activity"][t].get<double>(),
                frames["national"]["activity"][t].get<double>(), 1e-5)
        << t;
  }
  EXPECT_TRUE(reread["places"] == frames["places"]);
  EXPECT_TRUE(reread["times"] == frames["times"]);
  EXPECT_EQ(earlier->detail_json()["places"].size(), 17u);
  EXPECT_EQ(earlier->detail_json()["request"]["earlier_session"], true);
}

TEST_F(ViewerServerTest, AWatchedPlaceGetsItsLatticeAndACancelledRunLeavesNoFolder) {
  const auto [status, started] =
      post("/api/runs", std::string(kRun) + R"(, "hours_per_second": 40})");
  ASSERT_EQ(status, 201);
  const std::string id = started["id"];
  json lattice;
  for (int i = 0; i < 100 && lattice.is_null(); ++i) {
    lattice = get("/api/runs/" + id + "/lattice?place=almaty-city").second["lattice"];
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  ASSERT_FALSE(lattice.is_null());
  const int side = lattice["side"];
  EXPECT_LE(side, 64);
  ASSERT_EQ(lattice["people"].size(), static_cast<std::size_t>(side * side));
  std::uint64_t people = 0;
  for (const auto& n : lattice["people"]) people += n.get<std::uint64_t>();
  // Almaty at scale 0.005: about 10,500 citizens, all free at the start.
  EXPECT_GT(people, 9'000u);
  EXPECT_LT(people, 11'000u);
  EXPECT_EQ(get("/api/runs/" + id + "/lattice?place=atlantis").first, 400);

  EXPECT_EQ(post("/api/runs/" + id + "/cancel", "").first, 202);
  const json done = wait_until_done(id);
  EXPECT_EQ(done["status"], "cancelled");
  EXPECT_LT(done["hour"].get<int>(), 384);
  EXPECT_EQ(post("/api/runs/" + id + "/cancel", "").first, 409);
  EXPECT_EQ(get("/api/runs/" + id + "/report").first, 409);
  for (const auto& entry : fs::directory_iterator(out_)) {
    ADD_FAILURE() << "a cancelled run left " << entry.path();
  }
}

// "Branch from this hour": a branch of a finished run shares its hours up to the branch hour,
// then goes on as its own request; it is the whole run of that request, byte for byte, and is
// refused where the request differs from the run before the hour.
TEST_F(ViewerServerTest, ABranchOfAFinishedRunSharesItsHoursAndDiffersOnlyAfter) {
  // Paced (under a second) so that it is still going when first asked for a branch.
  const auto [s1, parent] = post("/api/runs", std::string(kRun) + R"(, "hours_per_second": 500})");
  ASSERT_EQ(s1, 201);
  const std::string parent_id = parent["id"];
  // Not before it has finished.
  const std::string branch_body = std::string(kRun) +
                                  R"(, "counterfactual": "no-shoot-to-kill", "branch": {"run": ")" +
                                  parent_id + R"(", "hour": 192}})";
  const auto [early, early_body] = post("/api/runs", branch_body);
  EXPECT_EQ(early, 409) << early_body.dump();
  EXPECT_NE(early_body["error"].get<std::string>().find("only a finished run"), std::string::npos);
  ASSERT_EQ(wait_until_done(parent_id)["status"], "finished");

  const auto [s2, branch] = post("/api/runs", branch_body);
  ASSERT_EQ(s2, 201) << branch.dump();
  const std::string branch_id = branch["id"];
  EXPECT_EQ(branch["branch_of"]["run"], parent_id);
  EXPECT_EQ(branch["branch_of"]["hour"], 192);
  EXPECT_EQ(branch["branch_of"]["time"], "2022-01-05 00:00");
  ASSERT_EQ(wait_until_done(branch_id)["status"], "finished");
  const auto [s3, whole] =
      post("/api/runs", std::string(kRun) + R"(, "counterfactual": "no-shoot-to-kill"})");
  ASSERT_EQ(s3, 201);
  ASSERT_EQ(wait_until_done(whole["id"])["status"], "finished");

  const json a = get("/api/runs/" + parent_id + "/frames").second;
  const json b = get("/api/runs/" + branch_id + "/frames").second;
  const json w = get("/api/runs/" + whole["id"].get<std::string>() + "/frames").second;
  EXPECT_TRUE(b["national"] == w["national"]);
  EXPECT_TRUE(b["places"] == w["places"]);
  bool differs_after = false;
  for (const auto& [key, series] : a["national"].items()) {
    for (std::size_t t = 0; t < 384; ++t) {
      if (t < 192) {
        ASSERT_EQ(series[t], b["national"][key][t]) << key << " at hour " << t;
      } else {
        differs_after = differs_after || series[t] != b["national"][key][t];
      }
    }
  }
  EXPECT_TRUE(differs_after) << "the counterfactual changed nothing after 5 January";

  // Refused, with what is wrong: the request differs before the hour (the operation of
  // 6 January 06:00 is gone; another arrest rate acts from the first hour; another seed), the
  // hour is not inside the run, the run is unknown.
  const std::string run_only = std::string(kRun) + R"(, "branch": {"run": ")" + parent_id;
  const std::vector<std::pair<std::string, std::string>> refused = {
      {std::string(kRun) + R"(, "counterfactual": "no-shoot-to-kill", "branch": {"run": ")" +
           parent_id + R"(", "hour": 240}})",
       "counter-terrorist-operation"},
      {std::string(kRun) + R"(, "parameters": {"rules.arrest_rate": 0.005}, "branch": {"run": ")" +
           parent_id + R"(", "hour": 100}})",
       "before that hour"},
      {std::string(kRun) + R"(, "seed": 2, "branch": {"run": ")" + parent_id +
           R"(", "hour": 100}})",
       "seed"},
      {run_only + R"(", "hour": 384}})", "a branch shares 1 to 383 of them"},
      {std::string(kRun) + R"(, "branch": {"run": "r99", "hour": 5}})", "no run 'r99'"},
      {run_only + R"(", "hour": 0}})", "'branch' must be"},
  };
  for (const auto& [text, expected] : refused) {
    const auto [status, answer] = post("/api/runs", text);
    EXPECT_EQ(status, 400) << text;
    EXPECT_NE(answer["error"].get<std::string>().find(expected), std::string::npos)
        << text << "\n  answered: " << answer.dump();
  }

  // The shared hours are not watched: at one day a second, a branch from 5 January is past
  // that day within moments.
  const auto [s4, paced] =
      post("/api/runs", std::string(kRun) + R"(, "hours_per_second": 24, )" +
                            R"("branch": {"run": ")" + parent_id + R"(", "hour": 192}})");
  ASSERT_EQ(s4, 201);
  int hour = 0;
  for (int i = 0; i < 200 && hour < 192; ++i) {
    hour = get("/api/runs/" + paced["id"].get<std::string>()).second["hour"].get<int>();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GE(hour, 192);
  EXPECT_LT(hour, 300);
  EXPECT_EQ(post("/api/runs/" + paced["id"].get<std::string>() + "/cancel", "").first, 202);
  EXPECT_EQ(wait_until_done(paced["id"])["status"], "cancelled");

  // A run an earlier session finished kept only its outputs: it cannot be branched from.
  const auto b0 = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  RunManager later(out_,
                   {{{b0->path, b0->text, true, {}},
                     unrest::national::parse_national_scenario(b0->text, b0->path)}},
                   1, RequestLimits{});
  try {
    later.start(std::string(kRun) + R"(, "branch": {"run": ")" + parent_id + R"(", "hour": 10}})");
    ADD_FAILURE() << "an earlier session's run was branched from";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_NE(std::string(e.what()).find("earlier session"), std::string::npos) << e.what();
  }
}

TEST_F(ViewerServerTest, ASecondServerCannotTakeAPortInUse) {
  RunManager other(out_ / "other", {}, 1, RequestLimits{});
  ServerOptions same_port;
  same_port.port = port_;
  ViewerServer second(other, same_port);
  try {
    second.bind();
    ADD_FAILURE() << "a second server bound port " << port_;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(port_)),
              std::string::npos)
        << e.what();
  }
}

TEST_F(ViewerServerTest, LimitsAndBadRequestsGet4xxWithAMessage) {
  const std::string slow = std::string(kRun) + R"(, "hours_per_second": 5})";
  EXPECT_EQ(post("/api/runs", slow).first, 201);
  EXPECT_EQ(post("/api/runs", slow).first, 201);
  const auto [full, message] = post("/api/runs", slow);
  EXPECT_EQ(full, 429);
  EXPECT_NE(message["error"].get<std::string>().find("2 runs are going"), std::string::npos);

  EXPECT_EQ(post("/api/runs", "{not json").first, 400);
  EXPECT_EQ(post("/api/runs", std::string(100'000, ' ')).first, 413);
  const auto [nf, body] = get("/api/nothing");
  EXPECT_EQ(nf, 404);
  EXPECT_EQ(body["error"], "no such route: GET /api/nothing");
  EXPECT_EQ(get("/api/runs/r77").first, 404);
  EXPECT_EQ(get("/api/runs/r1/frames?from=-3").first, 400);
  EXPECT_EQ(get("/api/compare?a=r1").first, 400);
  EXPECT_EQ(get("/api/compare?a=r1&b=r2").first, 409);  // still running
  EXPECT_EQ(get("/").first, unrest::web::available() ? 200 : 503);
  std::lock_guard lock(log_mutex_);
  EXPECT_TRUE(std::any_of(log_.begin(), log_.end(), [](const std::string& l) {
    return l.find("GET /api/nothing 404") != std::string::npos;
  }));
}

// What a web page the user visits could try: a cross-site POST (no token, another origin, a
// form's content type) or a DNS-rebound Host. Each is refused and no run starts.
TEST_F(ViewerServerTest, CrossSiteRequestsAndForeignHostsAreRefused) {
  const std::string body = std::string(kRun) + "}";
  const std::string token = server_->token();
  auto post_with = [&](const httplib::Headers& headers, const std::string& type) {
    auto res = client_->Post("/api/runs", headers, body, type.c_str());
    return res ? res->status : -1;
  };
  EXPECT_EQ(post_with({{"Origin", "http://evil.example"}}, "text/plain"), 403);
  EXPECT_EQ(
      post_with({{"Origin", "http://evil.example"}, {"X-Unrest-Token", token}}, "application/json"),
      403);
  EXPECT_EQ(post_with({{"X-Unrest-Token", token}}, "text/plain"), 403);
  EXPECT_EQ(post_with({}, "application/json"), 403);  // no token
  EXPECT_EQ(post_with({{"X-Unrest-Token", "0" + token}}, "application/json"), 403);
  EXPECT_EQ(get("/api/runs").second.size(), 0u);
  const std::string own = "http://127.0.0.1:" + std::to_string(port_);
  EXPECT_EQ(post_with({{"Origin", own}, {"X-Unrest-Token", token}}, "application/json"), 201);

  // The page carries the token; /api/session gives it to command-line clients.
  EXPECT_EQ(get("/api/session").second["token"], token);
  if (unrest::web::available()) {
    EXPECT_NE(client_->Get("/")->body.find(token), std::string::npos);
  }
  const std::string port = std::to_string(port_);
  for (const std::string& host :
       std::vector<std::string>{"attacker.example", "attacker.example:" + port, "127.0.0.1:1",
                                "localhost.attacker.example:" + port}) {
    auto res = client_->Get("/api/runs", {{"Host", host}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 421) << host;
    EXPECT_EQ(res->body.find("kazakhstan"), std::string::npos);
  }
  EXPECT_EQ(client_->Get("/api/runs", {{"Host", "localhost:" + std::to_string(port_)}})->status,
            200);
}

TEST_F(ViewerServerTest, RunsBeyondTheMemoryLimitAreRefusedBeforeTheyStart) {
  const auto [status, body] =
      post("/api/runs", R"({"scenario": "scenarios/kazakhstan-2022.toml", "scale": 1,)"
                        R"( "parameters": {"place.almaty-city.population": 1e9}})");
  EXPECT_EQ(status, 400) << body.dump();
  EXPECT_NE(body["error"].get<std::string>().find("memory"), std::string::npos) << body.dump();
  EXPECT_EQ(get("/api/runs").second.size(), 0u);
}

// 200 clients that send a header line now and then hold a worker each; the others still get
// answers at once, and each slow client is dropped after read_timeout_s of silence.
TEST_F(ViewerServerTest, SlowClientsDoNotStallTheServer) {
  std::vector<int> sockets;
  for (int i = 0; i < 200; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    const std::string start = "GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    ASSERT_GT(::send(fd, start.data(), start.size(), MSG_NOSIGNAL), 0);
    sockets.push_back(fd);
  }
  for (int round = 0; round < 3; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    for (int fd : sockets) ::send(fd, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL);
    const auto before = std::chrono::steady_clock::now();
    httplib::Client fresh("127.0.0.1", port_);
    fresh.set_connection_timeout(2);
    fresh.set_read_timeout(2);
    const auto res = fresh.Get("/api/scenarios");
    const auto took = std::chrono::steady_clock::now() - before;
    ASSERT_TRUE(res) << "round " << round;
    EXPECT_EQ(res->status, 200);
    EXPECT_LT(took, std::chrono::seconds(1)) << "round " << round;
  }
  for (int fd : sockets) ::close(fd);
}

}  // namespace

namespace {

TEST(RunManagerTest, NumberingGoesOnFromFoldersAlreadyThere) {
  const fs::path out = fs::temp_directory_path() / "unrest-serve-numbering";
  fs::remove_all(out);
  fs::create_directories(out / "r7-kazakhstan-2022");
  fs::create_directories(out / "r12x");  // not a run's folder: ignored
  const auto b = unrest::scenario::find_builtin("scenarios/kazakhstan-2022.toml");
  {
    RunManager runs(out,
                    {{{b->path, b->text, true, {}},
                      unrest::national::parse_national_scenario(b->text, b->path)}},
                    1, RequestLimits{});
    const auto run = runs.start(std::string(kRun) + R"(, "hours_per_second": 1})");
    EXPECT_EQ(run->id(), "r8");
    ASSERT_EQ(runs.skipped().size(), 1u);  // r7 has no manifest: not listed, said why
    EXPECT_NE(runs.skipped()[0].find("no manifest.json"), std::string::npos);
    EXPECT_EQ(runs.find("r8"), run);
    EXPECT_THROW(runs.find("r7"), HttpError);
    EXPECT_THROW(runs.find("r8x"), HttpError);
  }  // the destructor cancels and joins the run: nothing is written
  EXPECT_FALSE(fs::exists(out / "r8-kazakhstan-2022"));
  EXPECT_TRUE(fs::exists(out / "r7-kazakhstan-2022"));
  fs::remove_all(out);
}

}  // namespace
