#include "unrest/serve/live_run.hpp"

#include <chrono>
#include <cmath>
#include <thread>

#include "unrest/io/atomic_output_dir.hpp"
#include "unrest/io/national_outputs.hpp"
#include "unrest/report/html_report.hpp"
#include "unrest/report/report_data.hpp"
#include "unrest/run_classic.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/national_quantities.hpp"
#include "unrest/web/web_assets.hpp"

namespace unrest::serve {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// The national series a frame holds, in the order of LiveRun::national_: the charts declared
// with the output quantities.
const std::vector<national::Chart>& charts() { return national::national_charts(); }

// The index of a chart by its key.
std::size_t chart_index(std::string_view key) {
  for (std::size_t c = 0; c < charts().size(); ++c) {
    if (charts()[c].key == key) return c;
  }
  throw std::logic_error("no national chart " + std::string(key));
}

using report::people;

}  // namespace

std::string_view to_string(RunStatus status) {
  switch (status) {
    case RunStatus::running:
      return "running";
    case RunStatus::finished:
      return "finished";
    case RunStatus::cancelled:
      return "cancelled";
    case RunStatus::failed:
      return "failed";
  }
  return "unknown";
}

LiveRun::LiveRun(std::string id, national::NationalScenario scenario, io::ScenarioSource source,
                 json request, double hours_per_second, std::filesystem::path out_dir,
                 BranchOrigin branch)
    : id_(std::move(id)),
      scenario_(std::move(scenario)),
      source_(std::move(source)),
      request_(std::move(request)),
      hours_per_second_(hours_per_second),
      out_dir_(std::move(out_dir)),
      branch_(std::move(branch)),
      national_(charts().size()),
      active_(scenario_.places.size()),
      rioting_(scenario_.places.size()) {
  name_ = scenario_.name;
  country_ = scenario_.map_country;
  hours_ = scenario_.ticks;
  scale_ = scenario_.scale;
  seed_ = scenario_.seed;
  places_ = json::array();
  for (const auto& p : scenario_.places) {
    places_.push_back(report::place_json(p.id, p.name, p.lat, p.lon, p.population));
  }
}

std::shared_ptr<LiveRun> LiveRun::from_folder(std::string id, const std::filesystem::path& dir) {
  const json data = report::national_run_data(dir);
  json request = {{"scenario", data["scenario"]},
                  {"scale", data["scale"]},
                  {"seed", data["seed"]},
                  {"overrides", data["overrides"]},
                  {"earlier_session", true}};
  auto run = std::make_shared<LiveRun>(std::move(id), national::NationalScenario{},
                                       io::ScenarioSource{}, std::move(request), 0.0, dir);
  run->name_ = data["scenario"].get<std::string>();
  run->country_ = data.value("country", "");
  run->scale_ = data["scale"].get<double>();
  run->seed_ = data["seed"].get<std::uint64_t>();
  run->status_ = RunStatus::finished;
  run->times_ = data["times"].get<std::vector<std::string>>();
  run->hours_ = static_cast<std::int64_t>(run->times_.size());
  for (std::size_t s = 0; s < charts().size(); ++s) {
    run->national_[s] = data["national"][std::string(charts()[s].key)].get<std::vector<double>>();
  }
  run->places_ = json::array();
  for (const auto& p : data["places"]) {
    run->places_.push_back(
        report::place_json(p["id"], p["name"], p["lat"], p["lon"], p["population"]));
    run->active_.push_back(p["active"].get<std::vector<double>>());
    run->rioting_.push_back(p["rioting"].get<std::vector<double>>());
  }
  for (const auto& e : data["events"]) run->events_.push_back(e);
  return run;
}

RunStatus LiveRun::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

void LiveRun::record(const national::NationalEngine& engine) {
  const auto& row = engine.records().back();
  const double scale = scenario_.scale;
  std::vector<double> totals;
  for (const auto& chart : charts()) {
    double sum = 0;
    for (const auto name : chart.sum_of) {
      sum += national::national_value(*national::find_quantity(name), row, scenario_.places);
    }
    totals.push_back(national::counts_agents(chart) ? people(sum, scale) : sum);
  }
  // A snapshot costs a pass over the place's sites (tens of ms for Almaty at full scale), on
  // this run's thread: taken only when one was asked for since the last.
  std::optional<LatticeView> view;
  const int watched = watched_.load();
  if (watched >= 0 && engine.runs(watched) && lattice_wanted_.exchange(false)) {
    view = downsample(engine.world(watched), 64);
  }

  std::lock_guard lock(mutex_);
  times_.push_back(national::date_time_of_tick(engine.start(), engine.tick() - 1));
  for (std::size_t s = 0; s < totals.size(); ++s) national_[s].push_back(totals[s]);
  for (std::size_t p = 0; p < row.size(); ++p) {
    active_[p].push_back(people(static_cast<double>(row[p].counts.active), scale));
    rioting_[p].push_back(people(static_cast<double>(row[p].counts.rioting), scale));
  }
  events_.clear();
  for (const auto& e : engine.log()) {
    if (e.kind != "event") continue;
    events_.push_back({{"tick", e.tick},
                       {"time", national::date_time_of_tick(engine.start(), e.tick)},
                       {"id", e.id},
                       {"where", e.where},
                       {"text", e.text}});
  }
  if (view) {
    lattice_ = std::move(view);
    lattice_place_ = watched;
  }
}

void LiveRun::execute() {
  const auto start = Clock::now();
  auto paced_from = start;  // when the hours to watch began: after those a branch shares
  RunStatus status = RunStatus::finished;
  std::string error;
  try {
    io::AtomicOutputDir dir(out_dir_, false);
    const auto engine = run_national(scenario_, [&](const national::NationalEngine& e) {
      record(e);
      if (e.tick() <= branch_.hours) {
        paced_from = Clock::now();
      } else if (hours_per_second_ > 0) {
        // Hold the pace the viewer asked for, in slices short enough to notice a cancel.
        const auto due =
            paced_from + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                             static_cast<double>(e.tick() - branch_.hours) / hours_per_second_));
        while (!cancel_ && Clock::now() < due) {
          std::this_thread::sleep_for(
              std::min<Clock::duration>(due - Clock::now(), std::chrono::milliseconds(50)));
        }
      }
      return !cancel_.load();
    });
    io::write_national_outputs(dir, *engine, source_);
    if (web::available()) report::write_report_before_commit(dir);
    dir.commit();
  } catch (const RunCancelled&) {
    status = RunStatus::cancelled;
  } catch (const std::exception& e) {
    status = RunStatus::failed;
    error = e.what();
  }
  std::lock_guard lock(mutex_);
  status_ = status;
  error_ = error;
  seconds_ = std::chrono::duration<double>(Clock::now() - start).count();
}

json LiveRun::summary_json() const {
  std::lock_guard lock(mutex_);
  json out = {{"id", id_},
              {"scenario", name_},
              {"status", to_string(status_)},
              {"hour", times_.size()},
              {"hours", hours_},
              {"request", request_},
              {"seconds", seconds_}};
  if (!error_.empty()) out["error"] = error_;
  if (!branch_.run.empty()) {
    const auto start = national::parse_local_time(scenario_.start_date);
    out["branch_of"] = {{"run", branch_.run},
                        {"hour", branch_.hours},
                        {"time", national::date_time_of_tick(*start, branch_.hours)}};
  }
  if (!national_[0].empty()) {
    const auto& active = national_[chart_index("active")];
    out["peak_active"] = *std::max_element(active.begin(), active.end());
    out["arrests"] = national_[chart_index("arrests")].back();
    out["deaths"] = national_[chart_index("deaths")].back();
  }
  // The folder's name in the server's output folder: never a path of this machine.
  if (status_ == RunStatus::finished) out["folder"] = out_dir_.filename().string();
  return out;
}

json LiveRun::detail_json() const {
  json out = summary_json();
  out["places"] = places_;
  out["country"] = country_;
  json chart_list = json::array();
  for (const auto& chart : charts())
    chart_list.push_back({{"key", chart.key}, {"title", chart.title}});
  out["charts"] = chart_list;
  out["scale"] = scale_;
  out["seed"] = seed_;
  out["overrides"] = scenario_.places.empty() ? request_.value("overrides", json::array())
                                              : json(source_.overrides);
  return out;
}

json LiveRun::frames_json(std::size_t from) const {
  std::lock_guard lock(mutex_);
  const std::size_t n = times_.size();
  from = std::min(from, n);
  auto tail = [&](const std::vector<double>& v) {
    return json(std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(from), v.end()));
  };
  json national = json::object();
  for (std::size_t s = 0; s < charts().size(); ++s) {
    national[std::string(charts()[s].key)] = tail(national_[s]);
  }
  json active = json::array(), rioting = json::array();
  for (std::size_t p = 0; p < active_.size(); ++p) {
    active.push_back(tail(active_[p]));
    rioting.push_back(tail(rioting_[p]));
  }
  return {{"status", to_string(status_)},
          {"from", from},
          {"hours", hours_},
          {"times", std::vector<std::string>(times_.begin() + static_cast<std::ptrdiff_t>(from),
                                             times_.end())},
          {"national", national},
          {"places", {{"active", active}, {"rioting", rioting}}},
          {"events", events_}};
}

json LiveRun::lattice_json(int place) {
  watched_ = place;
  lattice_wanted_ = true;
  std::lock_guard lock(mutex_);
  json out = {{"place", places_.at(static_cast<std::size_t>(place))["id"]},
              {"hour", times_.size()}};
  out["lattice"] = lattice_ && lattice_place_ == place ? to_json(*lattice_) : json();
  return out;
}

}  // namespace unrest::serve
