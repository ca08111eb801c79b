// Runs, ensembles and sweeps killed (SIGKILL) at random moments, with a fixed seed: nothing
// half-written may look complete, nothing finished may be lost, and a killed sweep resumes to
// exactly the rows of an uninterrupted one.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

extern char** environ;

namespace {
namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Starts `unrest ARGS` with stdout discarded, and stderr too unless `stderr_fd` is given.
pid_t start(std::vector<std::string> args, int stderr_fd = -1) {
  args.insert(args.begin(), UNREST_BINARY);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  if (stderr_fd < 0) {
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  } else {
    posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
  }
  pid_t pid = 0;
  EXPECT_EQ(::posix_spawn(&pid, UNREST_BINARY, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Runs to the end; the exit status.
int finish(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Kills after `seconds` unless it ended before; whether it was killed.
bool kill_after(pid_t pid, double seconds) {
  const auto due = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  int status = 0;
  while (std::chrono::steady_clock::now() < due) {
    if (::waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

// A folder at the target is complete: its manifest says so and every file it lists is there,
// whole (text files end with a newline).
void expect_complete(const fs::path& dir) {
  const auto manifest = nlohmann::json::parse(read_file(dir / "manifest.json"), nullptr, false);
  ASSERT_TRUE(manifest.is_object()) << dir;
  EXPECT_EQ(manifest.value("complete", false), true) << dir;
  for (const auto& f : manifest["files"]) {
    const std::string text = read_file(dir / f.get<std::string>());
    EXPECT_FALSE(text.empty()) << dir / f.get<std::string>();
    if (!text.empty()) {
      EXPECT_EQ(text.back(), '\n') << dir / f.get<std::string>();
    }
  }
}

class Durability : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder a test: CTest runs tests in parallel.
    work_ = fs::temp_directory_path() /
            ("unrest-durability-" + std::to_string(::getpid()) + "-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(work_);
    fs::create_directories(work_);
  }
  void TearDown() override { fs::remove_all(work_); }
  fs::path work_;
  std::mt19937 random_{2026};
};

TEST_F(Durability, KilledRunsAndEnsemblesLeaveAWholeFolderOrNone) {
  const std::vector<std::vector<std::string>> commands = {
      {"run", "--scale", "0.05", "--quiet"},
      {"ensemble", "--scale", "0.01", "--seeds", "4", "--quiet"},
      {"run", UNREST_SOURCE_DIR "/scenarios/epstein-2002/run2.toml", "--quiet"}};
  int killed = 0, finished = 0;
  for (const auto& command : commands) {
    // How long it takes whole, then kills at moments spread over that span and beyond.
    auto args = command;
    args.insert(args.end(), {"--out", (work_ / "whole").string()});
    const auto began = std::chrono::steady_clock::now();
    ASSERT_EQ(finish(start(args)), 0) << command[0];
    const double whole =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    expect_complete(work_ / "whole");
    fs::remove_all(work_ / "whole");
    std::uniform_real_distribution<double> moment(0.0, 1.3 * whole);
    for (int i = 0; i < 6; ++i) {
      const fs::path out = work_ / ("out-" + std::to_string(i));
      args = command;
      args.insert(args.end(), {"--out", out.string()});
      if (kill_after(start(args), moment(random_))) {
        ++killed;
      } else {
        ++finished;
      }
      if (fs::exists(out)) expect_complete(out);
      fs::remove_all(out);
    }
  }
  // The next run into the same parent removes the killed runs' hidden leftovers.
  ASSERT_EQ(
      finish(start({"run", "--scale", "0.002", "--quiet", "--out", (work_ / "last").string()})), 0);
  for (const auto& entry : fs::directory_iterator(work_)) {
    EXPECT_EQ(entry.path().filename(), "last") << "left behind: " << entry.path();
  }
  RecordProperty("killed", killed);
  RecordProperty("finished", finished);
  std::printf("killed %d runs at random moments, %d finished first\n", killed, finished);
}

// A sequential run 2 whose ticks take seconds each (about 5 here; building it, about 2.5).
std::vector<std::string> long_ticks(const fs::path& out) {
  return {"run",        UNREST_SOURCE_DIR "/scenarios/epstein-2002/run2.toml",
          "--engine",   "sequential",
          "--set",      "model.width=2500",
          "--set",      "model.height=2500",
          "--ticks",    "50",
          "--progress", "--out",
          out.string()};
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Ctrl-C is seen inside a tick, not only between ticks: one tick of this 2,500 x 2,500 lattice
// takes seconds (about 5 here), and the run used to finish it before it noticed. The signal
// comes a second into the second tick (the progress line says when the first has ended).
TEST_F(Durability, CtrlCInsideALongTickEndsTheRunAtOnceAndWritesNothing) {
  const fs::path out = work_ / "big";
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  ::fcntl(pipe_fds[0], F_SETFD, FD_CLOEXEC);
  const pid_t pid = start(long_ticks(out), pipe_fds[1]);
  ::close(pipe_fds[1]);
  std::string progress;
  char buffer[256];
  while (progress.find("tick 1/50") == std::string::npos) {
    const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
    ASSERT_GT(n, 0) << "the run ended before its first tick: " << progress;
    progress.append(buffer, static_cast<std::size_t>(n));
  }
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const auto asked = std::chrono::steady_clock::now();
  ::kill(pid, SIGINT);
  EXPECT_EQ(finish(pid), 130);
  const double waited = seconds_since(asked);
  ::close(pipe_fds[0]);
  EXPECT_LT(waited, 1.0) << "the run finished its tick before it saw Ctrl-C";
  EXPECT_FALSE(fs::exists(out));
}

// Building a lattice has no safe point to stop at (2,500 x 2,500 takes about 2.5 s here; one
// near the memory limit, minutes): a second Ctrl-C ends the process at once, nothing written.
TEST_F(Durability, ASecondCtrlCEndsTheRunAtOnceEvenWhileTheLatticeIsBuilt) {
  const fs::path out = work_ / "big";
  const pid_t pid = start(long_ticks(out));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::kill(pid, SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto asked = std::chrono::steady_clock::now();
  ::kill(pid, SIGINT);
  EXPECT_EQ(finish(pid), 130);
  EXPECT_LT(seconds_since(asked), 0.5);
  EXPECT_FALSE(fs::exists(out));
}

std::vector<std::string> sorted_rows(const std::string& text) {
  std::vector<std::string> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) rows.push_back(line);
  if (rows.size() > 1) std::sort(rows.begin() + 1, rows.end());
  return rows;
}

TEST_F(Durability, ASweepKilledAgainAndAgainResumesToTheUninterruptedRows) {
  const std::vector<std::string> sweep = {
      "sweep",    "--scale",   "0.01",     "--param", "rules.arrest_rate=0.001:0.004",
      "--design", "lhs",       "--points", "6",       "--seeds",
      "2",        "--threads", "2",        "--quiet"};
  auto args = sweep;
  args.insert(args.end(), {"--out", (work_ / "whole").string()});
  const auto began = std::chrono::steady_clock::now();
  ASSERT_EQ(finish(start(args)), 0);
  const double whole =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  const auto rows = sorted_rows(read_file(work_ / "whole" / "sweep.csv"));
  ASSERT_EQ(rows.size(), 13u);  // the header and 6 points x 2 seeds

  args = sweep;
  args.insert(args.end(), {"--out", (work_ / "cut").string()});
  std::uniform_real_distribution<double> moment(0.0, 0.6 * whole);
  for (int i = 0; i < 6; ++i) {
    kill_after(start(args), moment(random_));
    // Whatever is on disk is rows of the whole sweep, but for a torn last line (no newline
    // yet), which the resumed sweep drops.
    std::string text = read_file(work_ / "cut" / "sweep.csv");
    if (!text.empty() && text.back() != '\n') text.erase(text.rfind('\n') + 1);
    const auto now = sorted_rows(text);
    for (std::size_t r = 1; r < now.size(); ++r) {
      EXPECT_TRUE(std::binary_search(rows.begin() + 1, rows.end(), now[r]))
          << "kill " << i << ": a row no whole sweep has: " << now[r];
    }
  }
  ASSERT_EQ(finish(start(args)), 0);
  EXPECT_EQ(sorted_rows(read_file(work_ / "cut" / "sweep.csv")), rows);
}

}  // namespace
