#include "unrest/engine/thread_pool.hpp"

#include <fmt/format.h>

namespace unrest::engine {
namespace {

// Thread `index` of `count` gets rows [first, end): blocks differ in size by at most one row.
std::pair<int, int> block_of(int rows, int count, int index) {
  const int base = rows / count;
  const int extra = rows % count;
  const int first = index * base + std::min(index, extra);
  return {first, first + base + (index < extra ? 1 : 0)};
}

}  // namespace

ThreadStartFailed::ThreadStartFailed(int started, int wanted, const std::system_error& why)
    : std::runtime_error(fmt::format(
          "could not start thread {} of {} ({}): the system's limits (ulimit -v, ulimit -u) do "
          "not allow that many; use fewer --threads",
          started + 1, wanted, why.what())) {}

ThreadPool::ThreadPool(int threads) {
  try {
    for (int i = 1; i < threads; ++i) workers_.emplace_back([this, i] { work(i); });
  } catch (const std::system_error& e) {
    stop();
    throw ThreadStartFailed(static_cast<int>(workers_.size()) + 1, threads, e);
  }
}

ThreadPool::~ThreadPool() { stop(); }

void ThreadPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& w : workers_) {
    if (w.joinable()) w.join();
  }
}

void ThreadPool::for_rows(int rows, const std::function<void(int, int)>& job) {
  for_blocks(rows, [&job](int, int first, int end) { job(first, end); });
}

void ThreadPool::for_blocks(int rows, const std::function<void(int, int, int)>& job) {
  if (workers_.empty()) {
    job(0, 0, rows);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    job_ = &job;
    rows_ = rows;
    pending_ = static_cast<int>(workers_.size());
    ++generation_;
  }
  wake_.notify_all();
  const auto [first, end] = block_of(rows, size(), 0);
  job(0, first, end);
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return pending_ == 0; });
  job_ = nullptr;
}

void ThreadPool::for_each_index(int count, const std::function<void(int, int)>& job) {
  std::atomic<int> next{0};
  for_blocks(size(), [&](int thread, int, int) {
    for (int i = next++; i < count; i = next++) job(thread, i);
  });
}

void ThreadPool::work(int index) {
  std::uint64_t seen = 0;
  while (true) {
    const std::function<void(int, int, int)>* job;
    int rows;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      job = job_;
      rows = rows_;
    }
    const auto [first, end] = block_of(rows, size(), index);
    (*job)(index, first, end);
    {
      std::lock_guard lock(mutex_);
      if (--pending_ == 0) done_.notify_one();
    }
  }
}

}  // namespace unrest::engine
