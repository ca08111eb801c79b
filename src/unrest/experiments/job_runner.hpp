#pragma once
// Where the runs of an ensemble, a sweep or a calibration execute: threads of this process, or
// (in the command-line tool, when built with MPI) the processes of an MPI job. A job turns its
// index into a result string; results come back through `done`, one call at a time, in the
// order jobs finish; jobs are pure, so where and in which order they ran changes no result.
#include <cstddef>
#include <functional>
#include <string>

#include "unrest/experiments/run_many.hpp"

namespace unrest::experiments {

using Job = std::function<std::string(std::size_t index)>;
using JobDone = std::function<void(std::size_t index, std::string result)>;

class JobRunner {
 public:
  virtual ~JobRunner() = default;
  // Runs job(i) for i in [0, count). `done` is called for every result on the process that
  // owns the outputs; with `everyone`, afterwards also on every other process (in index
  // order), so that all processes can go on from the same state. `stop` (polled between jobs
  // on the owning process) ends the hand-out early.
  virtual void run(std::size_t count, const Job& job, const JobDone& done, bool everyone,
                   const std::function<bool()>& stop) = 0;
  // Whether this process writes outputs and prints (rank 0, or the only process).
  virtual bool owns_outputs() const { return true; }
  virtual int workers() const = 0;
};

// Jobs on `threads` threads of this process.
class ThreadJobRunner : public JobRunner {
 public:
  explicit ThreadJobRunner(int threads) : threads_(threads < 1 ? 1 : threads) {}
  void run(std::size_t count, const Job& job, const JobDone& done, bool /*everyone*/,
           const std::function<bool()>& stop) override {
    std::mutex mutex;
    run_many(
        count, threads_,
        [&](std::size_t i) {
          std::string result = job(i);
          std::lock_guard lock(mutex);
          done(i, std::move(result));
        },
        stop);
  }
  int workers() const override { return threads_; }

 private:
  int threads_;
};

}  // namespace unrest::experiments
