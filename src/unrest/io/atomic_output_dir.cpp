#include "unrest/io/atomic_output_dir.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace unrest::io {
namespace fs = std::filesystem;

namespace {
fs::path sibling(const fs::path& path, std::string_view tag) {
  return path.parent_path() /
         fmt::format(".{}.{}-{}", path.filename().string(), tag, static_cast<long>(::getpid()));
}
// Whether `inner` is `outer` or lies inside it (both made absolute and normal).
bool within(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(inner, ec);
  const fs::path b = fs::weakly_canonical(outer, ec);
  if (ec || b.empty()) return false;
  auto ai = a.begin();
  for (auto bi = b.begin(); bi != b.end(); ++bi, ++ai) {
    if (bi->empty()) continue;  // the trailing "" of "dir/"
    if (ai == a.end() || *ai != *bi) return false;
  }
  return true;
}

// The first existing ancestor of `path` that is not a directory.
std::optional<fs::path> file_in_the_way(const fs::path& path) {
  std::error_code ec;
  for (fs::path p = path.parent_path(); !p.empty(); p = p.parent_path()) {
    const auto status = fs::status(p, ec);
    if (fs::exists(status)) {
      if (!fs::is_directory(status)) return p;
      return std::nullopt;
    }
    if (p == p.parent_path()) break;
  }
  return std::nullopt;
}

// The process id of a staging or swap folder this class names (".NAME.partial-PID",
// ".NAME.old-PID"), or 0 for any other name.
long staging_pid(const std::string& name) {
  if (name.empty() || name[0] != '.') return 0;
  for (const std::string_view tag : {".partial-", ".old-"}) {
    const auto at = name.rfind(tag);
    if (at == std::string::npos || at == 0) continue;
    const std::string digits = name.substr(at + tag.size());
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    return std::stol(digits);
  }
  return 0;
}

// A report `unrest report` (or `run --report`) writes into a run's folder after its manifest.
bool is_report_file(const std::string& name) {
  return name == "report.html" || (name.rfind("report-vs-", 0) == 0 && name.size() > 15 &&
                                   name.compare(name.size() - 5, 5, ".html") == 0);
}

// Staging folders left in `parent` by runs that were killed: their process is gone.
void remove_abandoned_staging(const fs::path& parent) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent.empty() ? "." : parent, ec)) {
    const long pid = staging_pid(entry.path().filename().string());
    if (pid <= 0 || pid == static_cast<long>(::getpid())) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive, or unsure
    if (!entry.is_directory(ec) || entry.is_symlink(ec)) continue;
    fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

std::optional<std::string> why_not_replaceable(const fs::path& dir) {
  std::error_code ec;
  const auto status = fs::symlink_status(dir, ec);
  if (fs::is_symlink(status)) return "it is a symbolic link, not a folder an unrest run wrote";
  if (!fs::is_directory(status)) return "it is a file, not a folder an unrest run wrote";
  if (within(fs::current_path(ec), dir)) return "it is (or holds) the current directory";
  if (const char* home = std::getenv("HOME"); home && *home && within(home, dir)) {
    return "it is (or holds) the home directory";
  }
  std::ifstream in(dir / "manifest.json", std::ios::binary);
  if (!in) return "it has no manifest.json: not a folder an unrest run wrote";
  std::stringstream text;
  text << in.rdbuf();
  const auto manifest = nlohmann::json::parse(text.str(), nullptr, false);
  if (!manifest.is_object() || !manifest.contains("unrest_version") ||
      !manifest.contains("files") || !manifest["files"].is_array()) {
    return "its manifest.json is not an unrest run's manifest";
  }
  std::set<std::string> known;
  for (const auto& f : manifest["files"]) {
    if (f.is_string()) known.insert(f.get<std::string>());
  }
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool ours = known.count(name) > 0 || is_report_file(name);
    if (!ours || !entry.is_regular_file(ec) || entry.is_symlink(ec)) {
      return fmt::format("it holds '{}', which its manifest does not list", name);
    }
  }
  if (ec) return fmt::format("it cannot be read: {}", ec.message());
  return std::nullopt;
}

AtomicOutputDir::AtomicOutputDir(fs::path final_path, bool overwrite)
    : final_(std::move(final_path)), overwrite_(overwrite) {
  if (final_.filename().empty()) final_ = final_.parent_path();
  if (final_.empty()) final_ = ".";
  std::error_code ec;
  if (fs::exists(fs::symlink_status(final_, ec))) {
    if (!overwrite_) {
      throw OutputDirExists(fmt::format(
          "output directory '{}' already exists; choose another --out or pass --overwrite",
          final_.string()));
    }
    if (auto why = why_not_replaceable(final_)) {
      throw OutputDirExists(
          fmt::format("refusing to replace '{}' with --overwrite: {}; choose another --out",
                      final_.string(), *why));
    }
  }
  if (auto file = file_in_the_way(final_)) {
    throw OutputDirExists(fmt::format("cannot write '{}': '{}' is a file, not a directory",
                                      final_.string(), file->string()));
  }
  if (!final_.parent_path().empty()) fs::create_directories(final_.parent_path());
  remove_abandoned_staging(final_.parent_path());
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
    if (auto why = why_not_replaceable(final_)) {
      committed_ = true;  // keep the finished results where the message says they are
      throw OutputDirExists(fmt::format(
          "'{}' changed during the run and may not be replaced ({}); the results are kept in '{}'",
          final_.string(), *why, staging_.string()));
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
