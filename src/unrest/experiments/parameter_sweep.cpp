#include "unrest/experiments/parameter_sweep.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "unrest/io/text_file.hpp"
#include "unrest/rng/random_stream.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::experiments {
namespace {

using scenario::ScenarioError;

bool parse_number(const std::string& text, double& out, bool& integer) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  const auto r = std::from_chars(text.data(), end, out);
  if (r.ec != std::errc() || r.ptr != end || !std::isfinite(out)) return false;
  integer = text.find_first_of(".eE") == std::string::npos;
  return true;
}

}  // namespace

ParameterRange parse_parameter_range(const std::string& text) {
  const std::string origin = "--param " + text;
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw ScenarioError(origin, 0, "", "expected NAME=LO:HI or NAME=LO:HI:STEPS");
  }
  ParameterRange r;
  r.key = text.substr(0, eq);
  std::vector<std::string> parts;
  std::stringstream rest(text.substr(eq + 1));
  for (std::string part; std::getline(rest, part, ':');) parts.push_back(part);
  if (parts.size() < 2 || parts.size() > 3) {
    throw ScenarioError(origin, 0, r.key, "expected LO:HI or LO:HI:STEPS");
  }
  bool lo_int = false, hi_int = false;
  if (!parse_number(parts[0], r.low, lo_int) || !parse_number(parts[1], r.high, hi_int)) {
    throw ScenarioError(origin, 0, r.key, "LO and HI must be numbers");
  }
  if (r.low > r.high) throw ScenarioError(origin, 0, r.key, "LO must be <= HI");
  r.integer = lo_int && hi_int;
  if (parts.size() == 3) {
    double steps = 0;
    bool steps_int = false;
    if (!parse_number(parts[2], steps, steps_int) || !steps_int || steps < 1 || steps > 10000) {
      throw ScenarioError(origin, 0, r.key, "STEPS must be an integer in [1, 10000]");
    }
    r.steps = static_cast<int>(steps);
  }
  return r;
}

Design parse_design(const std::string& text) {
  if (text == "grid") return Design::grid;
  if (text == "lhs") return Design::lhs;
  if (text == "random") return Design::random;
  if (text == "sobol") return Design::sobol;
  if (text == "morris") return Design::morris;
  throw ScenarioError("--design " + text, 0, "", "must be grid, lhs, random, sobol or morris");
}

std::vector<std::vector<double>> design_points(const SweepSpec& spec) {
  const std::size_t n = spec.parameters.size();
  std::vector<std::vector<double>> points;
  auto finish = [&](const ParameterRange& r, double v) { return r.integer ? std::round(v) : v; };
  if (spec.design == Design::grid) {
    std::vector<std::vector<double>> axes;
    for (const auto& r : spec.parameters) {
      const int steps = r.steps > 0 ? r.steps : spec.points;
      std::vector<double> axis;
      for (int i = 0; i < steps; ++i) {
        const double v = steps == 1 ? r.low : r.low + (r.high - r.low) * i / (steps - 1);
        axis.push_back(finish(r, v));
      }
      axis.erase(std::unique(axis.begin(), axis.end()), axis.end());
      axes.push_back(axis);
    }
    std::vector<std::size_t> index(n, 0);
    while (true) {
      std::vector<double> p(n);
      for (std::size_t k = 0; k < n; ++k) p[k] = axes[k][index[k]];
      points.push_back(p);
      std::size_t k = n;
      while (k > 0 && ++index[k - 1] == axes[k - 1].size()) index[--k] = 0;
      if (k == 0) break;
    }
    return points;
  }
  // The sensitivity designs, on the unit cube, mapped onto the ranges.
  auto mapped = [&](const std::vector<double>& unit) {
    std::vector<double> p(n);
    for (std::size_t k = 0; k < n; ++k) {
      const auto& r = spec.parameters[k];
      p[k] = finish(r, r.low + (r.high - r.low) * unit[k]);
    }
    return p;
  };
  if (spec.design == Design::sobol) {
    const SaltelliDesign d = saltelli_design(spec);
    for (std::size_t row = 0; row < d.size(); ++row) points.push_back(mapped(d.point(row)));
    return points;
  }
  if (spec.design == Design::morris) {
    const MorrisDesign d = morris_design(spec);
    for (std::size_t row = 0; row < d.size(); ++row) points.push_back(mapped(d.point(row)));
    return points;
  }
  const auto count = static_cast<std::size_t>(spec.points);
  points.assign(count, std::vector<double>(n));
  rng::RandomStream draw(
      rng::combine(spec.design_seed, spec.design == Design::lhs ? 0x1a5 : 0x7a2));
  for (std::size_t k = 0; k < n; ++k) {
    const auto& r = spec.parameters[k];
    // Latin hypercube: one point in each of `count` equal strata, strata shuffled per axis.
    std::vector<std::size_t> strata(count);
    for (std::size_t i = 0; i < count; ++i) strata[i] = i;
    for (std::size_t i = count; i > 1; --i) std::swap(strata[i - 1], strata[draw.below(i)]);
    for (std::size_t i = 0; i < count; ++i) {
      const double u =
          spec.design == Design::lhs
              ? (static_cast<double>(strata[i]) + draw.uniform()) / static_cast<double>(count)
              : draw.uniform();
      points[i][k] = finish(r, r.low + (r.high - r.low) * u);
    }
  }
  return points;
}

SaltelliDesign saltelli_design(const SweepSpec& spec) {
  return {spec.parameters.size(), static_cast<std::size_t>(spec.points),
          rng::combine(spec.design_seed, 0x50b0)};
}

MorrisDesign morris_design(const SweepSpec& spec) {
  return {spec.parameters.size(), static_cast<std::size_t>(spec.points), spec.levels,
          rng::combine(spec.design_seed, 0x3a11)};
}

std::vector<SweepRun> sweep_runs(const SweepSpec& spec) {
  std::vector<SweepRun> runs;
  const auto points = design_points(spec);
  for (std::size_t p = 0; p < points.size(); ++p) {
    for (int s = 0; s < spec.seeds; ++s) {
      runs.push_back({p * static_cast<std::size_t>(spec.seeds) + static_cast<std::size_t>(s), p, s,
                      points[p]});
    }
  }
  return runs;
}

std::string assignment(const ParameterRange& range, double value) {
  return range.integer ? fmt::format("{}={}", range.key, static_cast<long long>(value))
                       : fmt::format("{}={:.17g}", range.key, value);
}

SweepLog::SweepLog(std::filesystem::path path, const std::string& header) : path_(std::move(path)) {
  std::error_code ec;
  if (std::filesystem::exists(path_, ec)) {
    std::ifstream in(path_, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A torn last line (the process was killed while writing it) is dropped.
    const auto complete = text.rfind('\n');
    const std::size_t keep = complete == std::string::npos ? 0 : complete + 1;
    if (keep != text.size()) std::filesystem::resize_file(path_, keep);
    text.resize(keep);
    std::istringstream lines(text);
    std::string line;
    if (!std::getline(lines, line) || line != header) {
      throw ScenarioError(path_.string(), 1, "",
                          "this file holds another sweep (its header differs); use another --out");
    }
    while (std::getline(lines, line)) {
      std::size_t id = 0;
      const auto r = std::from_chars(line.data(), line.data() + line.size(), id);
      if (r.ec == std::errc()) finished_.push_back(id);
    }
  } else {
    std::filesystem::create_directories(path_.parent_path().empty() ? "." : path_.parent_path());
    io::replace_text_file(path_, header + "\n");
  }
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) {
    throw std::runtime_error(
        fmt::format("cannot open '{}': {}", path_.string(), std::strerror(errno)));
  }
}

SweepLog::~SweepLog() {
  if (fd_ >= 0) ::close(fd_);
}

void SweepLog::append(const std::string& row) {
  const std::string line = row + "\n";
  std::lock_guard lock(mutex_);
  // The whole line, then fsync: a crash leaves at most a torn last line, which the reader
  // drops.
  io::write_all(fd_, line, path_);
  if (::fsync(fd_) != 0) {
    throw std::runtime_error(
        fmt::format("cannot append to '{}': {}", path_.string(), std::strerror(errno)));
  }
}

}  // namespace unrest::experiments
