// A national run driven from Python an hour at a time: step, look at the state, bring in
// events, and take the outputs when done (or at any hour).
#include <pybind11/stl.h>

#include <stdexcept>

#include "binding.hpp"
#include "unrest/engine/national_engine.hpp"
#include "unrest/run_national.hpp"
#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/national_quantities.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/scenario/scenario_kind.hpp"

namespace unrest::python {

py::dict national_files(const national::NationalEngine& engine, const io::ScenarioSource& source);

namespace {

class Stepper {
 public:
  explicit Stepper(const py::dict& scenario) : request_(request_from(scenario)) {
    if (scenario::scenario_kind(request_.source.text, request_.source.path) !=
        scenario::ScenarioKind::national) {
      throw scenario::ScenarioError(request_.source.path, 0, "",
                                    "Simulation steps national scenarios; run a classic one "
                                    "with unrest.run");
    }
    const auto s = io::load_national(request_.options, request_.source);
    py::gil_scoped_release release;
    engine_ = std::make_unique<national::NationalEngine>(s, effective_threads(s));
  }

  // Up to `hours` hours; how many were done (fewer at the end of the run).
  std::int64_t step(std::int64_t hours) {
    if (hours < 0) throw std::invalid_argument("hours must be >= 0");
    std::int64_t done = 0;
    {
      py::gil_scoped_release release;
      InterruptWatch watch;
      while (done < hours && !InterruptWatch::asked() && engine_->step()) ++done;
      if (!InterruptWatch::asked()) return done;
    }
    InterruptWatch::raise();
  }

  std::int64_t tick() const { return engine_->tick(); }
  std::int64_t ticks() const { return engine_->scenario().ticks; }
  bool done() const { return engine_->tick() >= engine_->scenario().ticks; }
  // The local time of the next hour to run (of the last one, once done).
  std::string time() const {
    return national::date_time_of_tick(engine_->start(), std::min(tick(), ticks() - 1));
  }
  std::string time_of(std::int64_t tick) const {
    return national::date_time_of_tick(engine_->start(), tick);
  }
  double scale() const { return engine_->scenario().scale; }

  // Per place, every quantity at the end of the last hour: counts in people (agents / scale),
  // as the scenario's triggers see them. Columns by name; "place" first.
  py::dict state() const {
    const auto& s = engine_->scenario();
    py::dict out;
    py::list places;
    for (const auto& p : s.places) places.append(p.id);
    out["place"] = places;
    if (engine_->records().empty()) return out;
    const auto& row = engine_->records().back();
    for (const auto& q : national::quantities()) {
      if (!q.in_tables) continue;
      const double unit = q.format == national::Format::count ? 1.0 / s.scale : 1.0;
      py::list values;
      for (const auto& record : row) values.append(q.of(record) * unit);
      out[py::str(std::string(q.name))] = values;
    }
    return out;
  }

  // An event as the keys of a TOML [[event]] table; `at` defaults to the next hour.
  void apply(const std::string& toml) {
    engine_->inject(national::parse_event(toml, "<Simulation.apply>", engine_->scenario()));
  }

  py::dict files() const { return national_files(*engine_, request_.source); }

 private:
  Request request_;
  std::unique_ptr<national::NationalEngine> engine_;
};

}  // namespace

void bind_simulation(py::module_& m) {
  py::class_<Stepper>(m, "Stepper")
      .def(py::init<const py::dict&>(), py::arg("scenario"))
      .def("step", &Stepper::step, py::arg("hours") = 1)
      .def_property_readonly("tick", &Stepper::tick)
      .def_property_readonly("ticks", &Stepper::ticks)
      .def_property_readonly("done", &Stepper::done)
      .def_property_readonly("time", &Stepper::time)
      .def_property_readonly("scale", &Stepper::scale)
      .def("time_of", &Stepper::time_of, py::arg("tick"))
      .def("state", &Stepper::state)
      .def("apply", &Stepper::apply, py::arg("toml"))
      .def("files", &Stepper::files);
}

}  // namespace unrest::python
