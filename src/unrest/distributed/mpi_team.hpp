#pragma once
// The processes of an MPI job (Open MPI), for the command-line tool: a job runner that hands
// runs out from rank 0 to the other ranks as they become free (dynamic distribution), and the
// all-gather that lets one national run span ranks. Built only when MPI is found; the core
// library never depends on it.
#include <memory>
#include <string>
#include <vector>

#include "unrest/engine/national_engine.hpp"
#include "unrest/experiments/job_runner.hpp"

namespace unrest::distributed {

class MpiTeam {
 public:
  // Initialises MPI only when the process was started by mpirun (or another MPI launcher);
  // otherwise the team is this process alone.
  MpiTeam(int* argc, char*** argv);
  ~MpiTeam();
  MpiTeam(const MpiTeam&) = delete;
  MpiTeam& operator=(const MpiTeam&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }

  // With one process: `threads` threads. With more: rank 0 hands out runs and collects
  // results, every other rank runs them one at a time.
  std::unique_ptr<experiments::JobRunner> job_runner(int threads) const;

  // This rank's share of the places and the all-gather of their records each hour.
  national::PlacePartition partition(const national::NationalScenario& scenario) const;

  // Rank 0's bytes replace every other rank's.
  void broadcast(std::string& bytes) const;
  // Every rank's `bytes`, in rank order, on rank 0; nothing on the others.
  std::vector<std::string> gather(const std::string& bytes) const;

  // Seconds this rank has spent in the hourly all-gather of a distributed run, and how many.
  double exchange_seconds() const;
  long exchanges() const;

 private:
  bool initialised_ = false;
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace unrest::distributed
