#pragma once
// The viewer's runs: started on their own threads up to a limit, found by id, cancelled, and
// all cancelled and joined when the server stops. Outputs go to OUT/<id>-<scenario>/; the
// runs found there at start-up (earlier sessions') are listed as finished. A finished run's
// thread is joined at the next start, and only the latest kKeptRuns runs are kept in memory
// (older ones stay on disk and are listed again by the next session).
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "unrest/serve/live_run.hpp"
#include "unrest/serve/run_request.hpp"

namespace unrest::serve {

class RunManager {
 public:
  static constexpr std::size_t kKeptRuns = 100;

  RunManager(std::filesystem::path out, std::vector<ServedScenario> served, int max_running,
             RequestLimits limits);
  ~RunManager();  // cancels and joins every run still going
  RunManager(const RunManager&) = delete;
  RunManager& operator=(const RunManager&) = delete;

  // Checks the request (HttpError 400), refuses it when its estimated memory exceeds the limit
  // (400) or max_running runs are going (429), and starts it (503 when no thread can start).
  // A branch (RunRequest::branch_of) needs a finished run of this session to branch from
  // (400 for an unknown or earlier session's run, 409 for one not finished) that it equals up
  // to the branch hour (400 saying what differs).
  std::shared_ptr<LiveRun> start(const std::string& body);
  // HttpError 404 for an unknown id.
  std::shared_ptr<LiveRun> find(const std::string& id) const;
  nlohmann::json list() const;
  const std::vector<ServedScenario>& served() const { return served_; }
  const std::filesystem::path& out() const { return out_; }
  // Folders of earlier runs that could not be read back, with the reason.
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  std::filesystem::path out_;
  std::vector<ServedScenario> served_;
  int max_running_;
  RequestLimits limits_;
  int threads_per_run_;
  mutable std::mutex mutex_;
  int next_ = 1;
  std::map<int, std::shared_ptr<LiveRun>> runs_;  // by number, so listed in start order
  std::map<int, std::thread> threads_;            // of runs not yet joined, by number
  std::vector<std::string> skipped_;

  // With the lock held: the run with this id, or null.
  std::shared_ptr<LiveRun> find_locked(const std::string& id) const;
  // With the lock held: joins the threads of runs that ended, drops the oldest ended runs
  // beyond kKeptRuns.
  void tidy();
};

}  // namespace unrest::serve
