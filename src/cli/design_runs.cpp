#include "cli/design_runs.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <set>
#include <sstream>

#include "cli/interrupt.hpp"
#include "cli/national_setup.hpp"
#include "unrest/experiments/design_runs.hpp"

namespace unrest::cli {

int run_design(const experiments::Simulation& sim, const experiments::SweepSpec& spec,
               std::uint64_t first_seed, const std::filesystem::path& out,
               const std::string& claim_file, const nlohmann::json& claim, const std::string& what,
               bool quiet, const Team& processes) {
  const auto runs = experiments::sweep_runs(spec);
  // Every design point is parsed before anything runs, so a bad key or value fails at once.
  experiments::check_design(sim, spec);
  const std::string header = experiments::design_header(sim, spec);
  // Rank 0 checks the directory and reads the finished runs; every rank learns them.
  std::optional<experiments::SweepLog> log;
  std::string finished_ids;
  processes.on_root([&] {
    claim_directory(out, claim_file, claim, what);
    log.emplace(out / "sweep.csv", header);
    for (std::size_t id : log->finished()) finished_ids += std::to_string(id) + " ";
  });
  processes.broadcast(finished_ids);
  std::set<std::size_t> finished;
  {
    std::istringstream in(finished_ids);
    for (std::size_t id = 0; in >> id;) finished.insert(id);
  }
  // A run of the design gives a row for each counterfactual; it is done when all are there.
  const std::size_t per_run = experiments::rows_per_run(spec);
  std::vector<experiments::SweepRun> todo;
  for (const auto& run : runs) {
    for (std::size_t k = 0; k < per_run; ++k) {
      if (!finished.count(experiments::row_id(spec, run, k))) {
        todo.push_back(run);
        break;
      }
    }
  }
  if (processes.owns_outputs() && !quiet) {
    fmt::print(stderr, "{}: {} runs ({} design points x {} seeds{}), {} already finished\n", what,
               runs.size(), runs.size() / static_cast<std::size_t>(spec.seeds), spec.seeds,
               per_run > 1 ? fmt::format(", each for {} counterfactuals", per_run) : "",
               runs.size() - todo.size());
  }
  if (processes.size == 1) watch_interrupts();
  const int threads = sim.threads();
  std::atomic<std::size_t> done{0};
  const auto start = std::chrono::steady_clock::now();
  const bool show_progress = processes.owns_outputs() && !quiet && ::isatty(STDERR_FILENO);
  const auto runner = processes.job_runner(std::max(1, threads));
  runner->run(
      todo.size(),
      [&](std::size_t i) {
        std::string rows;
        for (const auto& row : experiments::design_rows(sim, spec, todo[i], first_seed)) {
          rows += row + "\n";
        }
        return rows;
      },
      [&](std::size_t i, std::string rows) {
        // Only the rows not in the file yet: a run cut short between its rows is run again.
        std::istringstream lines(rows);
        std::size_t k = 0;
        for (std::string row; std::getline(lines, row); ++k) {
          if (!finished.count(experiments::row_id(spec, todo[i], k))) log->append(row);
        }
        const std::size_t n = ++done;
        if (show_progress) {
          const double s =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          fmt::print(stderr, "\r\033[K{}: {}/{} runs this session, {:.1f} s, ETA {:.1f} s", what, n,
                     todo.size(), s,
                     s / static_cast<double>(n) * static_cast<double>(todo.size() - n));
        }
      },
      false, [] { return interrupted(); });
  if (show_progress) fmt::print(stderr, "\r\033[K");
  if (!processes.owns_outputs()) return 0;
  const std::size_t total = runs.size() - todo.size() + done.load();
  if (interrupted() && total < runs.size()) {
    fmt::print(stderr,
               "unrest: interrupted with {} of {} runs in '{}'; run the same command to finish\n",
               total, runs.size(), (out / "sweep.csv").string());
    return kExitInterrupted;
  }
  return 0;
}

}  // namespace unrest::cli
