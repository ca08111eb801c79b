#include "unrest/serve/run_manager.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "unrest/engine/memory_estimate.hpp"
#include "unrest/io/csv_table.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/serve/http_error.hpp"

namespace unrest::serve {

namespace fs = std::filesystem;

RunManager::RunManager(fs::path out, std::vector<ServedScenario> served, int max_running,
                       RequestLimits limits)
    : out_(std::move(out)),
      served_(std::move(served)),
      max_running_(std::max(1, max_running)),
      limits_(limits),
      threads_per_run_(std::max(
          1, static_cast<int>(std::thread::hardware_concurrency()) / std::max(1, max_running))) {
  fs::create_directories(out_);
  // Runs earlier sessions finished ("r12-kazakhstan-2022") are listed again, and numbering
  // goes on after them, so no result is ever replaced.
  for (const auto& entry : fs::directory_iterator(out_)) {
    const std::string name = entry.path().filename().string();
    int n = 0;
    const auto [end, ec] = std::from_chars(name.data() + std::min<std::size_t>(1, name.size()),
                                           name.data() + name.size(), n);
    if (!name.starts_with("r") || ec != std::errc() || *end != '-') continue;
    next_ = std::max(next_, n + 1);
    try {
      runs_[n] = LiveRun::from_folder(fmt::format("r{}", n), entry.path());
    } catch (const io::InputFileError& e) {
      skipped_.push_back(e.what());
    }
  }
}

RunManager::~RunManager() {
  {
    std::lock_guard lock(mutex_);
    for (auto& [n, run] : runs_) run->cancel();
  }
  for (auto& [n, t] : threads_) t.join();
}

void RunManager::tidy() {
  for (auto it = threads_.begin(); it != threads_.end();) {
    const auto run = runs_.find(it->first);
    if (run != runs_.end() && run->second->status() == RunStatus::running) {
      ++it;
      continue;
    }
    it->second.join();  // the run has ended: its thread is returning
    it = threads_.erase(it);
  }
  for (auto it = runs_.begin(); runs_.size() > kKeptRuns && it != runs_.end();) {
    if (it->second->status() != RunStatus::running && !threads_.count(it->first)) {
      it = runs_.erase(it);
    } else {
      ++it;
    }
  }
}

std::shared_ptr<LiveRun> RunManager::start(const std::string& body) {
  const RunRequest request = parse_run_request(body, served_, limits_);
  io::ScenarioSource source;
  auto scenario = request_scenario(request, served_, source, threads_per_run_);
  try {
    engine::check_memory(engine::estimate_memory(scenario, source.path), limits_.max_memory,
                         "the server's --max-memory");
  } catch (const scenario::ScenarioError& e) {
    throw HttpError(400, e.what());
  }
  std::lock_guard lock(mutex_);
  tidy();
  if (!request.branch_of.empty()) {
    const auto parent = find_locked(request.branch_of);
    if (!parent) throw HttpError(400, fmt::format("branch.run: no run '{}'", request.branch_of));
    if (parent->status() != RunStatus::finished) {
      throw HttpError(409, fmt::format("run {} is {}: only a finished run can be branched from",
                                       request.branch_of, to_string(parent->status())));
    }
    if (!parent->scenario()) {
      throw HttpError(400, fmt::format("run {} was finished by an earlier session, which "
                                       "kept only its outputs: run it again, then branch",
                                       request.branch_of));
    }
    check_branch_point(*parent->scenario(), request.branch_of, scenario, request.branch_hours);
  }
  const auto running = std::count_if(runs_.begin(), runs_.end(), [](const auto& r) {
    return r.second->status() == RunStatus::running;
  });
  if (running >= max_running_) {
    throw HttpError(429, fmt::format("{} runs are going, the most this server allows; wait for "
                                     "one to finish or cancel one",
                                     running));
  }
  const int n = next_++;
  const std::string id = fmt::format("r{}", n);
  auto run = std::make_shared<LiveRun>(
      id, std::move(scenario), std::move(source), nlohmann::json::parse(body),
      request.hours_per_second,
      out_ / fmt::format("{}-{}", id, served_[request.scenario].scenario.name),
      BranchOrigin{request.branch_of, request.branch_hours});
  try {
    threads_.emplace(n, std::thread([run] { run->execute(); }));
  } catch (const std::system_error& e) {
    throw HttpError(
        503, fmt::format("could not start the run's thread ({}); try again later", e.what()));
  }
  runs_[n] = run;
  return run;
}

std::shared_ptr<LiveRun> RunManager::find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  if (auto run = find_locked(id)) return run;
  throw HttpError(404, fmt::format("no run '{}'", id));
}

std::shared_ptr<LiveRun> RunManager::find_locked(const std::string& id) const {
  int n = 0;
  if (id.size() > 1 && id[0] == 'r') {
    const auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), n);
    if (ec == std::errc() && end == id.data() + id.size()) {
      const auto it = runs_.find(n);
      if (it != runs_.end()) return it->second;
    }
  }
  return nullptr;
}

nlohmann::json RunManager::list() const {
  std::vector<std::shared_ptr<LiveRun>> runs;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [n, run] : runs_) runs.push_back(run);
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& run : runs) out.push_back(run->summary_json());
  return out;
}

}  // namespace unrest::serve
