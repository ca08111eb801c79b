#pragma once
// Runs independent jobs on a team of threads, each job on one thread, handing out job indices
// from a shared counter. Jobs must write only their own results: then which thread ran a job,
// and in which order jobs finished, changes no result.
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "unrest/engine/thread_pool.hpp"

namespace unrest::experiments {

// Calls job(i) for i in [0, count) on `threads` threads (>= 1) and waits for all. The first
// exception a job throws is rethrown here once every thread has stopped; jobs not yet started
// are then skipped. `stop` (optional) is polled between jobs: when it returns true, no more
// jobs start.
inline void run_many(std::size_t count, int threads, const std::function<void(std::size_t)>& job,
                     const std::function<bool()>& stop = {}) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    while (!failed.load() && !(stop && stop())) {
      const std::size_t i = next++;
      if (i >= count) return;
      try {
        job(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> team;
  try {
    for (int t = 1; t < threads; ++t) team.emplace_back(work);
  } catch (const std::system_error& e) {
    failed = true;
    for (auto& t : team) t.join();
    throw engine::ThreadStartFailed(static_cast<int>(team.size()) + 1, threads, e);
  }
  work();
  for (auto& t : team) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace unrest::experiments
