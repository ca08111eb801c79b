// Writing files: a failure says the system's real reason (a full disk says so).
#include "unrest/io/text_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace unrest::io {
namespace {
namespace fs = std::filesystem;

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

// /dev/full refuses every write with ENOSPC, like a full disk.
TEST(TextFile, AFullDiskSaysSo) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  EXPECT_EQ(message_of([] { write_text_file("/dev/full", "a row\n"); }),
            "cannot write '/dev/full': No space left on device");
  const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(message_of([&] { write_all(fd, "1,2,3\n", "sweep.csv"); }),
            "cannot write 'sweep.csv': No space left on device");
  ::close(fd);
}

TEST(TextFile, WritesAndReplacesWholeFiles) {
  const fs::path dir =
      fs::temp_directory_path() / ("unrest-text-file-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  replace_text_file(dir / "a.txt", "first\n");
  replace_text_file(dir / "a.txt", "second\n");
  std::ifstream in(dir / "a.txt");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "second\n");
  EXPECT_FALSE(fs::exists(dir / "a.txt.partial"));
  EXPECT_NE(message_of([&] {
              write_text_file(dir / "no" / "such" / "b.txt", "x");
            }).find("No such file or directory"),
            std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace unrest::io
