#include "unrest/distributed/mpi_team.hpp"

#include <mpi.h>

#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <type_traits>

#include "unrest/run_classic.hpp"

namespace unrest::distributed {
namespace {

enum Tag : int { kReady = 1, kResult = 2, kJob = 3, kDone = 4 };

double g_exchange_seconds = 0.0;
long g_exchanges = 0;

bool started_by_mpi_launcher() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(v)) return true;
  }
  return false;
}

void check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw std::runtime_error(std::string("MPI error in ") + what);
}

std::string receive(int source, int tag, MPI_Status& status) {
  check(MPI_Probe(source, tag, MPI_COMM_WORLD, &status), "MPI_Probe");
  int length = 0;
  MPI_Get_count(&status, MPI_BYTE, &length);
  std::string bytes(static_cast<std::size_t>(length), '\0');
  check(MPI_Recv(bytes.data(), length, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE),
        "MPI_Recv");
  return bytes;
}

void broadcast_bytes(std::string& bytes) {
  std::uint64_t length = bytes.size();
  check(MPI_Bcast(&length, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD), "MPI_Bcast");
  bytes.resize(length);
  if (length > 0) {
    check(MPI_Bcast(bytes.data(), static_cast<int>(length), MPI_BYTE, 0, MPI_COMM_WORLD),
          "MPI_Bcast");
  }
}

class MpiJobRunner : public experiments::JobRunner {
 public:
  MpiJobRunner(int rank, int size) : rank_(rank), size_(size) {}

  void run(std::size_t count, const experiments::Job& job, const experiments::JobDone& done,
           bool everyone, const std::function<bool()>& stop) override {
    std::vector<std::string> results(everyone ? count : 0);
    std::vector<char> have(everyone ? count : 0, 0);
    std::uint64_t stopped = 0;
    if (rank_ == 0) {
      std::uint64_t next = 0;
      int active = size_ - 1;
      while (active > 0) {
        MPI_Status status;
        std::string message = receive(MPI_ANY_SOURCE, MPI_ANY_TAG, status);
        if (status.MPI_TAG == kResult) {
          std::uint64_t index = 0;
          std::memcpy(&index, message.data(), sizeof index);
          std::string result = message.substr(sizeof index);
          if (everyone) {
            results[index] = result;
            have[index] = 1;
          }
          done(index, std::move(result));
        }
        if (next < count && !(stop && stop())) {
          check(MPI_Send(&next, 1, MPI_UINT64_T, status.MPI_SOURCE, kJob, MPI_COMM_WORLD),
                "MPI_Send");
          ++next;
        } else {
          stopped = stopped || next < count;
          check(MPI_Send(nullptr, 0, MPI_BYTE, status.MPI_SOURCE, kDone, MPI_COMM_WORLD),
                "MPI_Send");
          --active;
        }
      }
    } else {
      check(MPI_Send(nullptr, 0, MPI_BYTE, 0, kReady, MPI_COMM_WORLD), "MPI_Send");
      while (true) {
        MPI_Status status;
        std::string message = receive(0, MPI_ANY_TAG, status);
        if (status.MPI_TAG == kDone) break;
        std::uint64_t index = 0;
        std::memcpy(&index, message.data(), sizeof index);
        std::string reply(reinterpret_cast<const char*>(&index), sizeof index);
        reply += job(index);
        check(MPI_Send(reply.data(), static_cast<int>(reply.size()), MPI_BYTE, 0, kResult,
                       MPI_COMM_WORLD),
              "MPI_Send");
      }
    }
    if (!everyone) return;
    // Every rank goes on from the same results, in index order.
    check(MPI_Bcast(&stopped, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD), "MPI_Bcast");
    for (std::size_t i = 0; i < count; ++i) {
      std::uint64_t present = rank_ == 0 ? have[i] : 0;
      check(MPI_Bcast(&present, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD), "MPI_Bcast");
      if (!present) continue;
      broadcast_bytes(results[i]);
      if (rank_ != 0) done(i, std::move(results[i]));
    }
    if (stopped) throw RunCancelled();
  }
  bool owns_outputs() const override { return rank_ == 0; }
  int workers() const override { return size_ - 1; }

 private:
  int rank_;
  int size_;
};

}  // namespace

MpiTeam::MpiTeam(int* argc, char*** argv) {
  if (!started_by_mpi_launcher()) return;
  check(MPI_Init(argc, argv), "MPI_Init");
  initialised_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiTeam::~MpiTeam() {
  if (initialised_) MPI_Finalize();
}

double MpiTeam::exchange_seconds() const { return g_exchange_seconds; }
long MpiTeam::exchanges() const { return g_exchanges; }

void MpiTeam::broadcast(std::string& bytes) const {
  if (size_ > 1) broadcast_bytes(bytes);
}

std::vector<std::string> MpiTeam::gather(const std::string& bytes) const {
  if (size_ <= 1) return {bytes};
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw std::runtime_error("MPI gather: more than 2 GiB from one process");
  }
  const int length = static_cast<int>(bytes.size());
  std::vector<int> counts(rank_ == 0 ? static_cast<std::size_t>(size_) : 0);
  check(MPI_Gather(&length, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD),
        "MPI_Gather");
  std::vector<int> displacements(counts.size(), 0);
  std::int64_t total = 0;
  for (std::size_t r = 0; r < counts.size(); ++r) {
    if (total > std::numeric_limits<int>::max()) {
      throw std::runtime_error("MPI gather: more than 2 GiB in all");
    }
    displacements[r] = static_cast<int>(total);
    total += counts[r];
  }
  std::string all(static_cast<std::size_t>(total), '\0');
  check(MPI_Gatherv(bytes.data(), length, MPI_BYTE, all.data(), counts.data(), displacements.data(),
                    MPI_BYTE, 0, MPI_COMM_WORLD),
        "MPI_Gatherv");
  std::vector<std::string> out;
  for (std::size_t r = 0; r < counts.size(); ++r) {
    out.push_back(all.substr(static_cast<std::size_t>(displacements[r]),
                             static_cast<std::size_t>(counts[r])));
  }
  return out;
}

std::unique_ptr<experiments::JobRunner> MpiTeam::job_runner(int threads) const {
  if (size_ <= 1) return std::make_unique<experiments::ThreadJobRunner>(threads);
  return std::make_unique<MpiJobRunner>(rank_, size_);
}

national::PlacePartition MpiTeam::partition(const national::NationalScenario& scenario) const {
  national::PlacePartition part;
  if (size_ <= 1) return part;
  const auto owner = national::assign_places(scenario, size_);
  for (int o : owner) part.mine.push_back(o == rank_);
  static_assert(std::is_trivially_copyable_v<national::PlaceRecord>);
  part.exchange = [](std::vector<national::PlaceRecord>& row, const std::vector<bool>& mine) {
    const double started = MPI_Wtime();
    // Each rank contributes (place index, record) pairs for its places.
    struct Entry {
      std::uint64_t place;
      national::PlaceRecord record;
    };
    std::vector<Entry> own;
    for (std::size_t p = 0; p < row.size(); ++p) {
      if (mine[p]) own.push_back({p, row[p]});
    }
    int size = 0;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const int bytes = static_cast<int>(own.size() * sizeof(Entry));
    std::vector<int> counts(static_cast<std::size_t>(size));
    check(MPI_Allgather(&bytes, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD),
          "MPI_Allgather");
    std::vector<int> displacements(counts.size(), 0);
    for (std::size_t r = 1; r < counts.size(); ++r)
      displacements[r] = displacements[r - 1] + counts[r - 1];
    std::vector<Entry> all(static_cast<std::size_t>(displacements.back() + counts.back()) /
                           sizeof(Entry));
    check(MPI_Allgatherv(own.data(), bytes, MPI_BYTE, all.data(), counts.data(),
                         displacements.data(), MPI_BYTE, MPI_COMM_WORLD),
          "MPI_Allgatherv");
    for (const Entry& e : all) row[e.place] = e.record;
    g_exchange_seconds += MPI_Wtime() - started;
    ++g_exchanges;
  };
  return part;
}

}  // namespace unrest::distributed
