#pragma once
// An output directory that appears complete or not at all.
//
// Files are written into a hidden sibling ".NAME.partial-PID"; commit() renames it into place.
// A run that fails or is interrupted leaves no directory at the final path, so nothing
// half-written can pass for a finished result. An existing result is never replaced unless
// the user asked for it, and then only once the new one is complete, and only if it is a
// folder an unrest run wrote (its manifest.json lists every file in it): `--overwrite` never
// deletes anything else (a folder with other files, the current or the home directory, a file).
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace unrest::io {

class OutputDirExists : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What makes `dir` unsafe to replace with `--overwrite`, or nothing when it is an unrest run's
// folder holding only the files its manifest lists and the reports `unrest report` writes there.
std::optional<std::string> why_not_replaceable(const std::filesystem::path& dir);

class AtomicOutputDir {
 public:
  // Throws OutputDirExists if `final_path` exists and `overwrite` is false, or if it may not be
  // replaced (why_not_replaceable), or if a parent of it is not a directory, before any work is
  // done, so a long run never ends in that error.
  AtomicOutputDir(std::filesystem::path final_path, bool overwrite);
  ~AtomicOutputDir();
  AtomicOutputDir(const AtomicOutputDir&) = delete;
  AtomicOutputDir& operator=(const AtomicOutputDir&) = delete;

  // Where to write `name` before the commit.
  std::filesystem::path file(const std::string& name) const { return staging_ / name; }
  const std::filesystem::path& final_path() const { return final_; }

  void commit();

 private:
  std::filesystem::path final_;
  std::filesystem::path staging_;
  bool overwrite_;
  bool committed_ = false;
};

}  // namespace unrest::io
