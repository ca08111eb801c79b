#pragma once
// The processes this command runs on: this one alone, or (built with MPI and started by
// mpirun) the ranks of an MPI job. Rank 0 owns the outputs: it alone writes files and prints.
// main() makes one and hands it to each command; there is no global one.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "unrest/engine/national_engine.hpp"
#include "unrest/experiments/job_runner.hpp"

namespace unrest::cli {

struct Team {
  int rank = 0;
  int size = 1;
  std::function<std::unique_ptr<experiments::JobRunner>(int threads)> job_runner = [](int threads) {
    return std::make_unique<experiments::ThreadJobRunner>(threads);
  };
  std::function<national::PlacePartition(const national::NationalScenario&)> partition =
      [](const national::NationalScenario&) { return national::PlacePartition{}; };
  // Rank 0's `bytes` replace every other rank's.
  std::function<void(std::string& bytes)> broadcast = [](std::string&) {};
  // Every rank's `bytes`, in rank order, on rank 0; nothing on the others.
  std::function<std::vector<std::string>(const std::string& bytes)> gather =
      [](const std::string& bytes) { return std::vector<std::string>{bytes}; };
  // Seconds spent exchanging places' records in a distributed run (0 in one process).
  std::function<double()> exchange_seconds = [] { return 0.0; };

  bool owns_outputs() const { return rank == 0; }

  // Runs `action` on rank 0 only and makes every rank throw what it threw (as a ScenarioError
  // for bad input, else a runtime_error), so no rank waits for one that failed.
  void on_root(const std::function<void()>& action) const;
  // The first rank's non-empty `failure` (a message), on every rank; empty if none failed.
  std::string first_failure(const std::string& failure) const;
};

}  // namespace unrest::cli
