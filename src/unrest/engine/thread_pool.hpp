#pragma once
// A fixed team of threads that runs one job at a time over a range of rows, each thread a
// contiguous block. The calling thread takes part as thread 0. Which rows a thread gets
// depends only on the row count and the team size, and the engines write only what a row
// owns (or use order-independent atomics), so results never depend on scheduling.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

namespace unrest::engine {

// A thread the system would not start (an address-space or process limit): the run cannot go
// on as asked, and says so at once instead of hanging.
class ThreadStartFailed : public std::runtime_error {
 public:
  ThreadStartFailed(int started, int wanted, const std::system_error& why);
};

class ThreadPool {
 public:
  // `threads` >= 1; 1 runs everything on the calling thread. Throws ThreadStartFailed, with
  // the threads it started joined, when the system refuses one.
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Calls job(first_row, end_row) for each thread's block of [0, rows) and waits for all.
  void for_rows(int rows, const std::function<void(int first_row, int end_row)>& job);
  // The same, telling each call its thread's index in [0, size()), for per-thread scratch.
  // Thread t gets the same block in every call with the same `rows`.
  void for_blocks(int rows, const std::function<void(int thread, int first_row, int end_row)>& job);
  // Calls job(thread, i) for each i in [0, count), handing the indices out one at a time from
  // a shared counter, and waits for all: for work items of uneven cost. Which thread takes an
  // item varies from run to run, so a job must write only what its item owns.
  void for_each_index(int count, const std::function<void(int thread, int index)>& job);

 private:
  void work(int index);
  void stop();

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const std::function<void(int, int, int)>* job_ = nullptr;
  int rows_ = 0;
  std::uint64_t generation_ = 0;
  int pending_ = 0;
  bool stopping_ = false;
};

}  // namespace unrest::engine
