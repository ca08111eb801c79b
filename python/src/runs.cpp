// Whole runs, and what a scenario holds: the calls behind unrest.load, Scenario.keys and
// unrest.run. A run's outputs come back as the texts of the files the command line writes,
// made by the same writers, so a result is the CLI's byte for byte.
#include <pybind11/stl.h>

#include <variant>

#include "binding.hpp"
#include "unrest/io/classic_options.hpp"
#include "unrest/io/manifest_replay.hpp"
#include "unrest/io/national_outputs.hpp"
#include "unrest/io/scenario_source.hpp"
#include "unrest/run_classic.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/classic_keys.hpp"
#include "unrest/scenario/national_parameters.hpp"
#include "unrest/scenario/national_quantities.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/parse_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/scenario/scenario_kind.hpp"

namespace unrest::python {
namespace {

bool is_national(const io::ScenarioSource& source) {
  return scenario::scenario_kind(source.text, source.path) == scenario::ScenarioKind::national;
}

// A scenario's source; for a run's manifest, the recorded source and what the run was given
// (as `unrest run MANIFEST` reads them).
py::dict resolve(const std::string& name) {
  io::ScenarioSource s = io::resolve_source(name);
  py::dict out;
  if (io::looks_like_manifest(s.text)) {
    const auto recorded = io::read_manifest(s.path, s.text);
    if (recorded.ticks || !recorded.engine.empty()) {
      throw scenario::ScenarioError(s.path, 0, "scenario_source.overrides",
                                    "this run was given --ticks or --engine, which the Python "
                                    "module does not take; replay it with `unrest run`");
    }
    s = recorded.source;
    if (is_national(s)) {
      io::ScenarioSource copy = s;
      io::check_behaviour(name, recorded, io::load_national({}, copy));
    }
    py::dict given;
    given["sets"] = recorded.sets;
    given["seed"] = recorded.seed ? py::cast(*recorded.seed) : py::none();
    given["scale"] = recorded.scale ? py::cast(*recorded.scale) : py::none();
    given["counterfactual"] = recorded.counterfactual;
    given["without"] = recorded.without;
    out["recorded"] = given;
  }
  out["path"] = s.path;
  out["text"] = s.text;
  out["builtin"] = s.builtin;
  return out;
}

// The classic parser takes the seed as an override; the national options go to national runs.
scenario::Scenario classic_scenario(Request& r) {
  if (r.options.scale || !r.options.without.empty() || !r.options.counterfactual.empty()) {
    throw scenario::ScenarioError(r.source.path, 0, "",
                                  "scale, without and counterfactual apply to national "
                                  "scenarios only");
  }
  return io::load_classic({r.options.sets, "", r.options.threads, r.options.seed, {}}, r.source);
}

py::list names_of(const auto& entries) {
  py::list out;
  for (const auto& e : entries) out.append(e.id);
  return out;
}

// What a Scenario shows of itself; parsing it is also its validation (ScenarioError).
py::dict describe(const py::dict& scenario) {
  Request r = request_from(scenario);
  py::dict out;
  if (!is_national(r.source)) {
    const auto s = classic_scenario(r);
    out["kind"] = "classic";
    out["name"] = s.name;
    out["description"] = s.description;
    out["seed"] = s.run.seed;
    out["ticks"] = s.run.ticks;
    return out;
  }
  const auto s = io::load_national(r.options, r.source);
  out["kind"] = "national";
  out["name"] = s.name;
  out["description"] = s.description;
  out["seed"] = s.seed;
  out["scale"] = s.scale;
  out["start"] = s.start_date;
  out["end"] = s.end_date;
  out["ticks"] = s.ticks;
  out["places"] = names_of(s.places);
  py::list events;
  for (const auto& e : s.events) {
    py::dict d;
    d["id"] = e.id;
    d["kind"] = std::string(national::to_string(e.kind));
    d["at"] = e.at;
    d["when"] = e.when ? py::cast(e.when->text) : py::none();
    d["enabled"] = e.enabled;
    d["text"] = e.text;
    events.append(d);
  }
  out["events"] = events;
  py::list counterfactuals;
  for (const auto& c : s.counterfactuals) {
    py::dict d;
    d["id"] = c.id;
    d["description"] = c.description;
    counterfactuals.append(d);
  }
  out["counterfactuals"] = counterfactuals;
  out["targets"] = names_of(s.targets);
  out["checks"] = names_of(s.checks);
  py::list free;
  for (const auto& f : s.free) free.append(py::make_tuple(f.key, f.low, f.high, f.log_scale));
  out["free"] = free;
  return out;
}

py::object value_of(const national::ParameterField& field) {
  return std::visit(
      [](auto* p) -> py::object {
        using T = std::remove_pointer_t<decltype(p)>;
        if constexpr (std::is_same_v<T, model::Ratio>) {
          return py::str(model::to_string(*p));
        } else {
          return py::cast(*p);
        }
      },
      field);
}

// Every key `set` takes: behaviour parameters with their value in this scenario, or a classic
// scenario's keys.
py::list keys(const py::dict& scenario) {
  Request r = request_from(scenario);
  py::list out;
  if (!is_national(r.source)) {
    for (const auto& k : scenario::classic_keys()) {
      if (k.table == "scenario") continue;
      py::dict d;
      d["key"] = std::string(k.table) + "." + std::string(k.key);
      d["type"] = k.type_text();
      d["low"] = k.low;
      d["high"] = k.high;
      d["value"] = py::none();
      d["meaning"] = std::string(k.meaning);
      out.append(d);
    }
    return out;
  }
  auto s = io::load_national(r.options, r.source);
  for (const auto& p : national::parameters()) {
    py::dict d;
    d["key"] = p.full_key();
    d["type"] = p.type_text();
    d["low"] = p.low;
    d["high"] = p.high;
    d["value"] = value_of(p.field(s));
    d["meaning"] = std::string(p.meaning);
    out.append(d);
  }
  return out;
}

py::dict files_of(const national::NationalEngine& engine, const io::ScenarioSource& source) {
  py::dict out;
  out["places.csv"] = io::places_csv(engine);
  out["national.csv"] = io::national_csv(engine);
  out["events.csv"] = io::events_csv(engine);
  out["summary.json"] = io::national_summary_json(engine).dump(2) + "\n";
  out["manifest.json"] = io::national_manifest_json(engine, source).dump(2) + "\n";
  out["report.txt"] = io::national_report_text(engine);
  return out;
}

py::dict run(const py::dict& scenario) {
  Request r = request_from(scenario);
  if (is_national(r.source)) {
    const auto s = io::load_national(r.options, r.source);
    std::unique_ptr<national::NationalEngine> engine;
    {
      py::gil_scoped_release release;
      InterruptWatch watch;
      try {
        engine = run_national(
            s, [](const national::NationalEngine&) { return !InterruptWatch::asked(); });
      } catch (const RunCancelled&) {
        py::gil_scoped_acquire acquire;
        InterruptWatch::raise();
      }
    }
    return files_of(*engine, r.source);
  }
  const auto s = classic_scenario(r);
  ClassicRun result;
  {
    py::gil_scoped_release release;
    InterruptWatch watch;
    try {
      result = run_classic(
          s, [](const engine::TickCounts&, std::uint64_t) { return !InterruptWatch::asked(); },
          [] { return InterruptWatch::asked(); });
    } catch (const RunCancelled&) {
      py::gil_scoped_acquire acquire;
      InterruptWatch::raise();
    }
  }
  py::dict out;
  out["timeseries.csv"] = io::timeseries_csv(result);
  out["summary.json"] = io::summary_json(result).dump(2) + "\n";
  out["manifest.json"] = io::manifest_json(result, r.source).dump(2) + "\n";
  return out;
}

py::list shipped() {
  py::list out;
  for (const auto& s : scenario::builtin_scenarios()) out.append(s.path);
  return out;
}

py::list quantity_table() {
  py::list out;
  for (const auto& q : national::quantities()) {
    py::dict d;
    d["name"] = std::string(q.name);
    d["unit"] = std::string(q.unit);
    d["description"] = std::string(q.description);
    d["column"] = q.in_tables;
    d["count"] = q.format == national::Format::count;
    out.append(d);
  }
  return out;
}

}  // namespace

py::dict national_files(const national::NationalEngine& engine, const io::ScenarioSource& source) {
  return files_of(engine, source);
}

void bind_runs(py::module_& m) {
  m.def("resolve", &resolve, py::arg("name"),
        "A scenario's source by path or shipped name: {path, text, builtin}.");
  m.def("describe", &describe, py::arg("scenario"), "Parses a scenario request; what it holds.");
  m.def("keys", &keys, py::arg("scenario"), "The keys `set` takes, with meaning and range.");
  m.def("shipped", &shipped, "The paths of the scenarios compiled in.");
  m.def("quantities", &quantity_table, "The per-place quantities of the outputs.");
  m.def("run", &run, py::arg("scenario"), "Runs to the end; the output files' texts by name.");
}

}  // namespace unrest::python
