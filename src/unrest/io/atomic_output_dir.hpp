#pragma once
// An output directory that appears complete or not at all.
//
// Files are written into a hidden sibling ".NAME.partial-PID"; commit() renames it into place.
// A run that fails or is interrupted leaves no directory at the final path, so nothing
// half-written can pass for a finished result. An existing result is never replaced unless
// the user asked for it, and then only once the new one is complete.
#include <filesystem>
#include <string>

namespace unrest::io {

class OutputDirExists : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class AtomicOutputDir {
 public:
  // Throws OutputDirExists if `final_path` exists and `overwrite` is false, before any work
  // is done, so a long run never ends in that error.
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
