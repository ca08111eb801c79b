#include "unrest/io/atomic_output_dir.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace unrest::io {
namespace fs = std::filesystem;

namespace {
fs::path sibling(const fs::path& path, std::string_view tag) {
  return path.parent_path() /
         fmt::format(".{}.{}-{}", path.filename().string(), tag, static_cast<long>(::getpid()));
}
}  // namespace

AtomicOutputDir::AtomicOutputDir(fs::path final_path, bool overwrite)
    : final_(std::move(final_path)), overwrite_(overwrite) {
  if (final_.filename().empty()) final_ = final_.parent_path();
  if (fs::exists(final_) && !overwrite_) {
    throw OutputDirExists(fmt::format(
        "output directory '{}' already exists; choose another --out or pass --overwrite",
        final_.string()));
  }
  if (!final_.parent_path().empty()) fs::create_directories(final_.parent_path());
  staging_ = sibling(final_, "partial");
  fs::remove_all(staging_);
  fs::create_directory(staging_);
}

AtomicOutputDir::~AtomicOutputDir() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void AtomicOutputDir::commit() {
  if (fs::exists(final_)) {
    if (!overwrite_) {
      committed_ = true;  // keep the finished results where the message says they are
      throw OutputDirExists(
          fmt::format("output directory '{}' appeared during the run; "
                      "the results are kept in '{}'",
                      final_.string(), staging_.string()));
    }
    // Swap in the new result first, then drop the old one: at every moment one complete
    // result is on disk.
    const fs::path old = sibling(final_, "old");
    fs::remove_all(old);
    fs::rename(final_, old);
    fs::rename(staging_, final_);
    fs::remove_all(old);
  } else {
    fs::rename(staging_, final_);
  }
  committed_ = true;
}

}  // namespace unrest::io
