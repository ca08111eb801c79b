#include "unrest/experiments/seed_ensemble.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cmath>
#include <mutex>

#include "unrest/analysis/classic_figures.hpp"
#include "unrest/analysis/national_analysis.hpp"
#include "unrest/experiments/branched_runs.hpp"
#include "unrest/experiments/byte_codec.hpp"
#include "unrest/experiments/quantiles.hpp"
#include "unrest/experiments/run_many.hpp"
#include "unrest/run_classic.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/branch_point.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/national_quantities.hpp"
#include "unrest/scenario/reported_figure.hpp"

namespace unrest::experiments {
namespace {

const std::vector<const national::Quantity*>& series_quantities() {
  static const auto all = national::national_quantities();
  return all;
}

// One run's (seed, series, figures) read back from its job's bytes.
EnsembleRun decode_run(ByteReader& r, const std::vector<std::string>& figure_names) {
  EnsembleRun run;
  run.seed = r.u64();
  run.series = r.doubles();
  const auto values = r.doubles();
  for (std::size_t f = 0; f < values.size(); ++f)
    run.figures.emplace_back(figure_names[f], values[f]);
  return run;
}

// Runs `count` jobs on `runner` and hands each one's bytes to `file` with its index, whatever
// order they finish in; `progress` may stop them (RunCancelled).
void run_jobs(JobRunner& runner, std::size_t count,
              const std::function<std::string(std::size_t)>& job,
              const std::function<void(std::size_t, ByteReader&)>& file,
              const EnsembleProgress& progress) {
  int finished = 0;
  bool cancelled = false;
  runner.run(
      count, job,
      [&](std::size_t i, std::string bytes) {
        ByteReader r(bytes);
        file(i, r);
        ++finished;
        if (progress && !progress(finished)) cancelled = true;
      },
      false, [&] { return cancelled; });
  if (cancelled) throw RunCancelled();
}

// Runs the ensemble's seeds on `runner`, each job returning (seed, series, figures) as bytes,
// and files them in seed order.
void collect_runs(Ensemble& out, JobRunner& runner,
                  const std::function<std::string(std::size_t)>& job,
                  const std::vector<std::string>& figure_names, const EnsembleProgress& progress) {
  run_jobs(
      runner, out.runs.size(), job,
      [&](std::size_t i, ByteReader& r) { out.runs[i] = decode_run(r, figure_names); }, progress);
}

}  // namespace

const std::vector<std::string>& ensemble_series_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto* q : series_quantities()) out.emplace_back(q->name);
    return out;
  }();
  return names;
}

Ensemble run_ensemble(const national::NationalScenario& scenario, int seeds, int threads,
                      const EnsembleProgress& progress) {
  ThreadJobRunner runner(std::min(threads, seeds));
  return run_ensemble(scenario, seeds, runner, progress);
}

namespace {

// An empty national ensemble of `scenario` for `seeds` runs: its names, places and times.
Ensemble national_frame(const national::NationalScenario& scenario, int seeds) {
  if (seeds < 1) throw std::invalid_argument("an ensemble needs at least one seed");
  Ensemble out;
  out.name = scenario.name;
  out.counterfactual = scenario.counterfactual;
  out.scale = scenario.scale;
  out.targets = scenario.targets;
  out.series_names = ensemble_series_names();
  out.place_ids.push_back("national");
  for (const auto& p : scenario.places) out.place_ids.push_back(p.id);
  const auto start = *national::parse_local_time(scenario.start_date);
  for (std::int64_t t = 0; t < scenario.ticks; ++t) {
    out.times.push_back(national::date_time_of_tick(start, t));
  }
  out.runs.resize(static_cast<std::size_t>(seeds));
  return out;
}

// A finished national run as (seed, series, figures), appended to `w`.
void encode_run(const national::NationalEngine& engine, ByteWriter& w) {
  const auto& scenario = engine.scenario();
  const std::size_t kSeries = ensemble_series_names().size();
  const std::size_t places = scenario.places.size();
  std::vector<double> series(engine.records().size() * (places + 1) * kSeries, 0.0);
  for (std::size_t t = 0; t < engine.records().size(); ++t) {
    const auto& row = engine.records()[t];
    double* national = &series[(t * (places + 1)) * kSeries];
    for (std::size_t k = 0; k < kSeries; ++k) {
      const national::Quantity& q = *series_quantities()[k];
      national[k] = national::national_value(q, row, scenario.places);
      for (std::size_t p = 0; p < places; ++p) {
        series[(t * (places + 1) + p + 1) * kSeries + k] = q.of(row[p]);
      }
    }
  }
  std::vector<double> figures;
  for (const auto& [name, value] : national::summary_figures(engine)) figures.push_back(value);
  w.u64(scenario.seed);
  w.doubles(series);
  w.doubles(figures);
}

}  // namespace

Ensemble run_ensemble(const national::NationalScenario& scenario, int seeds, JobRunner& runner,
                      const EnsembleProgress& progress) {
  Ensemble out = national_frame(scenario, seeds);
  // A job runs one seed and sends back its series and figures.
  auto job = [&](std::size_t i) {
    national::NationalScenario s = scenario;
    s.seed = scenario.seed + i;
    s.threads = 1;
    ByteWriter w;
    encode_run(*run_national(s), w);
    return w.take();
  };
  collect_runs(out, runner, job, national::summary_figure_names(scenario), progress);
  return out;
}

std::vector<Ensemble> run_branched_ensembles(
    const std::vector<national::NationalScenario>& variants, int seeds, JobRunner& runner,
    const EnsembleProgress& progress) {
  if (variants.empty()) throw std::invalid_argument("no scenario to run");
  const std::int64_t shared = national::shared_hours(variants);
  // One job a seed: the hours every variant shares once, then each variant from there. The
  // variants' runs travel together and are filed into their ensembles in seed order.
  std::vector<Ensemble> out;
  for (const auto& v : variants) out.push_back(national_frame(v, seeds));
  auto job = [&](std::size_t i) {
    const auto seeded = [&](const national::NationalScenario& v) {
      national::NationalScenario s = v;
      s.seed = v.seed + i;
      s.threads = 1;
      return s;
    };
    std::vector<national::NationalScenario> seeded_variants;
    for (const auto& v : variants) seeded_variants.push_back(seeded(v));
    ByteWriter w;
    run_branches(seeded_variants, shared,
                 [&](const national::NationalEngine& e) { encode_run(e, w); });
    return w.take();
  };
  std::vector<std::vector<std::string>> names;
  for (const auto& v : variants) names.push_back(national::summary_figure_names(v));
  run_jobs(
      runner, static_cast<std::size_t>(seeds), job,
      [&](std::size_t i, ByteReader& r) {
        for (std::size_t v = 0; v < variants.size(); ++v) out[v].runs[i] = decode_run(r, names[v]);
      },
      progress);
  return out;
}

const std::vector<std::string>& classic_series_names() {
  static const std::vector<std::string> names = {"quiet", "active",  "jailed",
                                                 "cops",  "arrests", "legitimacy"};
  return names;
}

Ensemble run_classic_ensemble(const scenario::Scenario& scenario, int seeds, JobRunner& runner,
                              const EnsembleProgress& progress) {
  if (seeds < 1) throw std::invalid_argument("an ensemble needs at least one seed");
  Ensemble out;
  out.name = scenario.name;
  out.series_names = classic_series_names();
  out.place_ids.push_back("lattice");
  // Tick 0 (the initial state) to the last tick, as in timeseries.csv.
  for (std::int64_t t = 0; t <= scenario.run.ticks; ++t) out.times.push_back(std::to_string(t));
  out.runs.resize(static_cast<std::size_t>(seeds));
  auto job = [&](std::size_t i) {
    scenario::Scenario s = scenario;
    s.run.seed = scenario.run.seed + i;
    s.run.threads = 1;
    const ClassicRun run = run_classic(s);
    std::vector<double> series;
    for (const auto& c : run.series) {
      for (double v : {static_cast<double>(c.quiet), static_cast<double>(c.active),
                       static_cast<double>(c.jailed), static_cast<double>(c.cops),
                       static_cast<double>(c.arrests), c.legitimacy}) {
        series.push_back(v);
      }
    }
    std::vector<double> figures;
    for (const auto& [name, value] : analysis::classic_figures(run)) figures.push_back(value);
    ByteWriter w;
    w.u64(s.run.seed);
    w.doubles(series);
    w.doubles(figures);
    return w.take();
  };
  collect_runs(out, runner, job, analysis::classic_figure_names(), progress);
  return out;
}

std::string ensemble_quantiles_csv(const Ensemble& e) {
  const auto& names = e.series_names;
  const std::size_t kSeries = names.size();
  const std::size_t slots = e.place_ids.size();
  std::string out = "tick,time,place,series,q05,q50,q95\n";
  std::vector<double> sample(e.runs.size());
  for (std::size_t t = 0; t < e.times.size(); ++t) {
    for (std::size_t p = 0; p < slots; ++p) {
      for (std::size_t k = 0; k < kSeries; ++k) {
        for (std::size_t r = 0; r < e.runs.size(); ++r) {
          sample[r] = e.runs[r].series[(t * slots + p) * kSeries + k];
        }
        out += fmt::format("{},{},{},{},{:.6g},{:.6g},{:.6g}\n", t, e.times[t], e.place_ids[p],
                           names[k], quantile(sample, 0.05), quantile(sample, 0.5),
                           quantile(sample, 0.95));
      }
    }
  }
  return out;
}

std::string ensemble_figures_csv(const Ensemble& e) {
  std::string out = "seed";
  if (e.runs.empty()) return out + "\n";
  for (const auto& [name, value] : e.runs.front().figures) out += "," + name;
  out += "\n";
  for (const auto& run : e.runs) {
    out += fmt::format("{}", run.seed);
    for (const auto& [name, value] : run.figures) out += fmt::format(",{:.10g}", value);
    out += "\n";
  }
  return out;
}

nlohmann::json ensemble_summary_json(const Ensemble& e) {
  using nlohmann::json;
  json figures = json::object();
  if (e.runs.empty()) return figures;
  const auto& first = e.runs.front().figures;
  for (std::size_t f = 0; f < first.size(); ++f) {
    std::vector<double> v;
    for (const auto& run : e.runs) {
      if (!std::isnan(run.figures[f].second)) v.push_back(run.figures[f].second);
    }
    json entry = {{"n", v.size()}};
    if (!v.empty()) {
      double mean = 0;
      for (double x : v) mean += x;
      mean /= static_cast<double>(v.size());
      double ss = 0;
      for (double x : v) ss += (x - mean) * (x - mean);
      entry["mean"] = mean;
      entry["sd"] =
          v.size() > 1 ? json(std::sqrt(ss / static_cast<double>(v.size() - 1))) : json(nullptr);
      entry["min"] = quantile(v, 0.0);
      entry["q05"] = quantile(v, 0.05);
      entry["q50"] = quantile(v, 0.5);
      entry["q95"] = quantile(v, 0.95);
      entry["max"] = quantile(v, 1.0);
    }
    const std::string& name = first[f].first;
    if (name.rfind("target:", 0) == 0) {
      for (const auto& t : e.targets) {
        if ("target:" + t.id != name) continue;
        std::size_t within = 0;
        for (double x : v) within += national::agrees(t, x) ? 1 : 0;
        entry["reported"] = t.value;
        entry["kind"] = national::to_string(t.kind);
        entry["reporter"] = t.reporter;
        entry["factor"] = t.factor;
        entry["share_within_factor"] =
            v.empty() ? 0.0 : static_cast<double>(within) / static_cast<double>(v.size());
      }
    }
    figures[name] = entry;
  }
  json seeds = json::array();
  for (const auto& run : e.runs) seeds.push_back(run.seed);
  return {
      {"scenario", e.name},
      {"counterfactual", e.counterfactual},
      {"scale", e.scale},
      {"seeds", seeds},
      {"note",
       "figures in people (agents divided by scale); quantiles by linear interpolation (type 7)"},
      {"figures", figures}};
}

}  // namespace unrest::experiments
