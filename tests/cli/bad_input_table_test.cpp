// The table of bad inputs (tests/cli/bad_inputs.table): each case runs the real binary and must
// exit with its status, say its fragment, and write nothing. The table grows with every bug
// found; this file only reads and runs it.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace {
namespace fs = std::filesystem;

struct Case {
  int line = 0;
  std::string name;
  std::vector<std::string> args;
  int status = 0;
  std::string fragment;
};

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(' ');
  const auto b = s.find_last_not_of(' ');
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::vector<std::string> split(const std::string& s, const std::string& by) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t next; (next = s.find(by, at)) != std::string::npos; at = next + by.size()) {
    out.push_back(s.substr(at, next - at));
  }
  out.push_back(s.substr(at));
  return out;
}

std::vector<Case> read_table(const fs::path& work) {
  const fs::path source(UNREST_SOURCE_DIR);
  std::ifstream in(source / "tests" / "cli" / "bad_inputs.table");
  std::vector<Case> cases;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    const auto cells = split(line, " | ");
    EXPECT_EQ(cells.size(), 4u) << "bad_inputs.table:" << n;
    if (cells.size() != 4) continue;
    Case c{n, trim(cells[0]), {}, std::stoi(cells[2]), trim(cells[3])};
    std::istringstream words(trim(cells[1]));
    const std::vector<std::pair<std::string, std::string>> placeholders = {
        {"{C}", (source / "scenarios/epstein-2002/run2.toml").string()},
        {"{DIR}", (work / "a-folder").string()},
        {"{FILE}", (work / "a-file").string()},
        {"{USER}", (work / "users-folder").string()},
        {"{F:", (source / "tests/cli/bad_inputs").string() + "/"}};
    for (std::string w; words >> w;) {
      for (const auto& [from, to] : placeholders) {
        const auto at = w.find(from);
        if (at == std::string::npos) continue;
        w.replace(at, from.size(), to);
        // {F:name} names tests/cli/bad_inputs/name.toml.
        if (from == "{F:") w.replace(w.find('}', at), 1, ".toml");
      }
      if (w == "{NEWLINE}") w = "model.legitimacy=0.8\nmodel.vision=3";
      c.args.push_back(w);
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// Runs the binary in `dir` with its output to a file; returns the exit status and the output.
std::pair<int, std::string> run(const std::vector<std::string>& args, const fs::path& dir) {
  std::vector<std::string> all = {UNREST_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const fs::path log = dir / "output.log";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, UNREST_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return {-1, "could not start the binary"};
  int status = 0;
  ::waitpid(pid, &status, 0);
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  fs::remove(log);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

TEST(BadInputTable, EveryCaseIsRefusedClearlyAndWritesNothing) {
  const fs::path work =
      fs::temp_directory_path() / ("unrest-bad-input-table-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work / "a-folder");
  fs::create_directories(work / "users-folder");
  std::ofstream(work / "users-folder" / "thesis.tex") << "years of work";
  std::ofstream(work / "a-file") << "a file";
  const auto cases = read_table(work);
  ASSERT_GE(cases.size(), 100u);
  for (const auto& c : cases) {
    // Each case runs in an empty folder of its own: whatever it writes there is a failure.
    const fs::path dir = work / ("case-" + c.name);
    fs::create_directories(dir);
    const auto [status, output] = run(c.args, dir);
    const std::string where = "bad_inputs.table:" + std::to_string(c.line) + " " + c.name;
    EXPECT_EQ(status, c.status) << where << "\n" << output;
    EXPECT_NE(output.find(c.fragment), std::string::npos)
        << where << ": expected \"" << c.fragment << "\" in\n"
        << output;
    EXPECT_TRUE(fs::is_empty(dir)) << where << ": wrote " << fs::directory_iterator(dir)->path();
    fs::remove_all(dir);
  }
  // The inputs the cases point at are as they were.
  std::ifstream thesis(work / "users-folder" / "thesis.tex");
  std::string text;
  std::getline(thesis, text);
  EXPECT_EQ(text, "years of work");
  EXPECT_EQ(std::distance(fs::directory_iterator(work), fs::directory_iterator()), 3);
  fs::remove_all(work);
}

}  // namespace
