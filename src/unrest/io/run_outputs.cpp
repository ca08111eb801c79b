#include "unrest/io/run_outputs.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "unrest/analysis/outbursts.hpp"
#include "unrest/io/content_hash.hpp"
#include "unrest/io/text_file.hpp"

namespace unrest::io {
namespace {

using nlohmann::json;

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json mean_sd_json(const analysis::MeanSd& m) {
  return {{"mean", optional_number(m.mean)}, {"sd", optional_number(m.sd)}};
}

}  // namespace

json scenario_to_json(const scenario::Scenario& s) {
  const model::ClassicParams& m = s.model;
  const model::ClassicOptions& o = m.options;
  json schedule = json::array();
  for (const auto& e : s.schedule) {
    json entry = {{"id", e.id}, {"tick", e.tick}, {std::string(to_string(e.action)), e.value}};
    if (e.every > 0) entry["every"] = e.every;
    if (e.times) entry["times"] = *e.times;
    schedule.push_back(entry);
  }
  return {
      {"scenario", {{"name", s.name}, {"description", s.description}}},
      {"run", {{"ticks", s.run.ticks}, {"seed", s.run.seed}, {"engine", to_string(s.run.engine)}}},
      {"model",
       {{"preset", s.preset},
        {"width", m.width},
        {"height", m.height},
        {"citizen_density", m.citizen_density},
        {"cop_density", m.cop_density},
        {"vision", m.vision},
        {"legitimacy", m.legitimacy},
        {"max_jail_term", m.max_jail_term ? json(*m.max_jail_term) : json("infinite")},
        {"citizen_movement", m.citizen_movement},
        {"k", m.k},
        {"threshold", m.threshold},
        {"ratio", to_string(o.ratio)},
        {"vision_shape", to_string(o.vision_shape)},
        {"vision_includes_own_site", o.vision_includes_own_site},
        {"activation_order", to_string(o.activation_order)},
        {"cop_after_arrest", to_string(o.cop_after_arrest)},
        {"jail_term_range", to_string(o.jail_term_range)},
        {"jailed_block_site", o.jailed_block_site},
        {"jail_countdown", to_string(o.jail_countdown)},
        {"placement", to_string(o.placement)},
        {"movement_off_freezes", to_string(o.movement_off_freezes)}}},
      {"analysis", {{"outburst_threshold", s.analysis.outburst_threshold}}},
      {"schedule", schedule},
  };
}

std::string timeseries_csv(const ClassicRun& run) {
  std::string text = "tick,quiet,active,jailed,cops,legitimacy,arrests\n";
  for (const auto& c : run.series) {
    text += fmt::format("{},{},{},{},{},{},{}\n", c.tick, c.quiet, c.active, c.jailed, c.cops,
                        c.legitimacy, c.arrests);
  }
  return text;
}

json summary_json(const ClassicRun& run) {
  std::vector<std::uint32_t> actives;
  std::uint64_t sum_active = 0;
  const engine::TickCounts* peak = &run.series.front();
  for (std::size_t i = 1; i < run.series.size(); ++i) {
    const auto& c = run.series[i];
    actives.push_back(c.active);
    sum_active += c.active;
    if (c.active > peak->active) peak = &c;
  }
  const std::int64_t threshold = run.scenario.analysis.outburst_threshold;
  const auto stats = analysis::outburst_statistics(actives, 1, threshold);
  const auto& last = run.series.back();
  json outbursts = json::array();
  for (const auto& o : stats.outbursts) {
    outbursts.push_back({{"first_tick", o.first_tick},
                         {"last_tick", o.last_tick},
                         {"total_activation", o.total_activation},
                         {"peak", o.peak}});
  }
  const double ticks = static_cast<double>(actives.size());
  return {
      {"scenario", run.scenario.name},
      {"seed", run.scenario.run.seed},
      {"ticks", run.scenario.run.ticks},
      {"final",
       {{"quiet", last.quiet},
        {"active", last.active},
        {"jailed", last.jailed},
        {"cops", last.cops},
        {"legitimacy", last.legitimacy}}},
      {"totals",
       {{"arrests", last.arrests},
        {"activations", run.activations},
        {"mean_active", ticks > 0 ? static_cast<double>(sum_active) / ticks : 0.0},
        {"peak_active", peak->active},
        {"peak_tick", peak->tick}}},
      {"outbursts",
       {{"threshold", threshold},
        {"definition", fmt::format("a maximal run of ticks with more than {} actives", threshold)},
        {"count", stats.outbursts.size()},
        {"waiting_time", mean_sd_json(stats.waiting_time)},
        {"waiting_time_definition",
         "calm ticks between the end of one outburst and the start of the next"},
        {"total_activation", mean_sd_json(stats.total_activation)},
        {"peak", mean_sd_json(stats.peak)},
        {"list", outbursts}}},
  };
}

json manifest_base(const ScenarioSource& source, const json& effective) {
  return {
      {"unrest_version", UNREST_VERSION},
      {"complete", true},
      {"scenario_source",
       {{"path", source.path},
        {"builtin", source.builtin},
        {"text_hash_fnv1a64", fnv1a64_hex(source.text)},
        {"overrides", source.overrides},
        // The text itself, so that the manifest reruns the run (manifest_replay.hpp).
        {"text", source.text}}},
      {"scenario_hash_fnv1a64", fnv1a64_hex(effective.dump())},
      {"effective", effective},
  };
}

json manifest_json(const ClassicRun& run, const ScenarioSource& source) {
  json manifest = manifest_base(source, scenario_to_json(run.scenario));
  manifest["seed"] = run.scenario.run.seed;
  manifest["files"] = {"timeseries.csv", "summary.json", "manifest.json"};
  return manifest;
}

void write_run_outputs(const AtomicOutputDir& dir, const ClassicRun& run,
                       const ScenarioSource& source) {
  write_text_file(dir.file("timeseries.csv"), timeseries_csv(run));
  write_text_file(dir.file("summary.json"), summary_json(run).dump(2) + "\n");
  // Last, so that a manifest only ever describes a complete set of files.
  write_text_file(dir.file("manifest.json"), manifest_json(run, source).dump(2) + "\n");
}

}  // namespace unrest::io
