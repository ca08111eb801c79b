#pragma once
// A national run the viewer started: it runs on its own thread, records every hour as a frame
// the browser polls for, keeps a downsampled lattice of the place being watched, can be
// cancelled, and on finishing writes its outputs (with report.html) atomically. A branch of a
// finished run runs the hours it shares with that run without holding the pace, so that the
// viewer shows it from the branch hour on.
#include <atomic>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "unrest/io/run_outputs.hpp"
#include "unrest/scenario/national_scenario.hpp"
#include "unrest/serve/lattice_view.hpp"

namespace unrest::national {
class NationalEngine;
}

namespace unrest::serve {

enum class RunStatus { running, finished, cancelled, failed };
std::string_view to_string(RunStatus status);

// The finished run a run branches from, and how many of its first hours they share.
struct BranchOrigin {
  std::string run;  // empty: not a branch
  std::int64_t hours = 0;
};

class LiveRun {
 public:
  LiveRun(std::string id, national::NationalScenario scenario, io::ScenarioSource source,
          nlohmann::json request, double hours_per_second, std::filesystem::path out_dir,
          BranchOrigin branch = {});

  // A run an earlier session finished, read back from its folder (report::national_run_data)
  // so that it can be listed, compared and reported again. Throws io::InputFileError for a
  // folder that is not a complete national run.
  static std::shared_ptr<LiveRun> from_folder(std::string id, const std::filesystem::path& dir);

  // Runs to the end (or the cancel); call on the run's own thread. Never throws.
  void execute();
  void cancel() { cancel_ = true; }

  const std::string& id() const { return id_; }
  RunStatus status() const;
  // The scenario it runs; null for a run an earlier session finished (only its outputs are
  // known, so it cannot be branched from).
  const national::NationalScenario* scenario() const {
    return scenario_.places.empty() ? nullptr : &scenario_;
  }
  // Where the outputs are, once finished.
  const std::filesystem::path& out_dir() const { return out_dir_; }

  // Status, request, progress; and the places and events the run has.
  nlohmann::json summary_json() const;
  nlohmann::json detail_json() const;
  // The hours from `from` on: national series and per-place actives, in people.
  nlohmann::json frames_json(std::size_t from) const;
  // The watched place's lattice, as of the hour after the previous request: each request
  // asks the run for one snapshot, so a run costs one pass over a lattice per request, not
  // per hour. The first answer for a new place is null.
  nlohmann::json lattice_json(int place);

 private:
  void record(const national::NationalEngine& engine);

  const std::string id_;
  const national::NationalScenario scenario_;  // empty for a run read from its folder
  // What the run shows of itself, from the scenario or from the folder.
  std::string name_;
  std::string country_;  // [map] country: the outline the viewer draws
  std::int64_t hours_ = 0;
  double scale_ = 1.0;
  std::uint64_t seed_ = 0;
  nlohmann::json places_;  // [{id, name, lat, lon, population}]
  const io::ScenarioSource source_;
  const nlohmann::json request_;
  const double hours_per_second_;
  const std::filesystem::path out_dir_;
  const BranchOrigin branch_;
  std::atomic<bool> cancel_{false};
  std::atomic<int> watched_{-1};
  std::atomic<bool> lattice_wanted_{false};  // asked for since the last snapshot

  mutable std::mutex mutex_;  // guards everything below
  RunStatus status_ = RunStatus::running;
  std::string error_;
  std::vector<std::string> times_;
  std::vector<std::vector<double>> national_;  // [series][hour]
  std::vector<std::vector<double>> active_;    // [place][hour]
  std::vector<std::vector<double>> rioting_;   // [place][hour]
  std::vector<nlohmann::json> events_;         // applied so far
  std::optional<LatticeView> lattice_;
  int lattice_place_ = -1;
  double seconds_ = 0;
};

}  // namespace unrest::serve
