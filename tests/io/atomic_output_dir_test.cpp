// The output folder: what --overwrite may replace, and the clean-up of killed runs' leftovers.
#include "unrest/io/atomic_output_dir.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

namespace unrest::io {
namespace {
namespace fs = std::filesystem;

class OutputDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unrest-outdir-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
  // A finished run's folder: its manifest lists its files.
  void finished_run(const fs::path& p) {
    AtomicOutputDir out(p, false);
    write(out.file("a.csv"), "1\n");
    write(out.file("manifest.json"),
          R"({"unrest_version": "test", "files": ["a.csv", "manifest.json"]})");
    out.commit();
  }
  fs::path dir_;
};

TEST_F(OutputDir, ARunsOwnFolderIsReplaced) {
  finished_run(dir_ / "r");
  write(dir_ / "r" / "report.html", "<html>");  // `unrest report r` writes it there
  write(dir_ / "r" / "report-vs-s.html", "<html>");
  ASSERT_FALSE(why_not_replaceable(dir_ / "r"));
  AtomicOutputDir again(dir_ / "r", true);
  write(again.file("manifest.json"), R"({"unrest_version": "test", "files": ["manifest.json"]})");
  again.commit();
  EXPECT_FALSE(fs::exists(dir_ / "r" / "a.csv"));
}

TEST_F(OutputDir, AnythingElseIsRefusedAndKept) {
  finished_run(dir_ / "r");
  fs::create_directories(dir_ / "r" / "sub");
  EXPECT_NE(why_not_replaceable(dir_ / "r")->find("'sub'"), std::string::npos);
  EXPECT_THROW(AtomicOutputDir(dir_ / "r", true), OutputDirExists);
  EXPECT_TRUE(fs::exists(dir_ / "r" / "a.csv"));

  fs::create_directories(dir_ / "mine");
  write(dir_ / "mine" / "manifest.json", R"({"name": "my own manifest"})");
  EXPECT_NE(why_not_replaceable(dir_ / "mine")->find("not an unrest run's manifest"),
            std::string::npos);

  write(dir_ / "file", "x");
  EXPECT_NE(why_not_replaceable(dir_ / "file")->find("is a file"), std::string::npos);
  fs::create_directory_symlink(dir_ / "r", dir_ / "link");
  EXPECT_NE(why_not_replaceable(dir_ / "link")->find("symbolic link"), std::string::npos);
  EXPECT_NE(why_not_replaceable(fs::current_path())->find("current directory"), std::string::npos);
  EXPECT_NE(why_not_replaceable("/")->find("current directory"), std::string::npos);
}

// Leftovers of killed runs (".NAME.partial-PID" whose process is gone) are removed by the next
// run into the same parent; a live process's, and folders merely named alike, are kept.
TEST_F(OutputDir, KilledRunsLeftoversAreCleanedUp) {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);  // a process id that is gone
  const fs::path dead = dir_ / (".x.partial-" + std::to_string(child));
  const fs::path alive = dir_ / (".y.partial-" + std::to_string(::getppid()));
  const fs::path alike = dir_ / ".z.partial-notes";
  for (const auto& p : {dead, alive, alike}) fs::create_directories(p);
  write(dead / "half.csv", "1\n");
  AtomicOutputDir out(dir_ / "new", false);
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(alive));
  EXPECT_TRUE(fs::exists(alike));
}

TEST_F(OutputDir, APathUnderAFileIsRefused) {
  write(dir_ / "file", "x");
  try {
    AtomicOutputDir out(dir_ / "file" / "r", false);
    FAIL() << "accepted";
  } catch (const OutputDirExists& e) {
    EXPECT_NE(std::string(e.what()).find("is a file, not a directory"), std::string::npos);
  }
}

}  // namespace
}  // namespace unrest::io
