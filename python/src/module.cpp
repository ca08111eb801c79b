// The compiled half of the Python package `unrest` (python/unrest/ is the other): plain calls
// on scenario requests and output texts; the package turns them into pandas objects.
#include "binding.hpp"
#include "unrest/engine/run_cancelled.hpp"
#include "unrest/io/atomic_output_dir.hpp"
#include "unrest/io/csv_table.hpp"
#include "unrest/scenario/scenario_error.hpp"

PYBIND11_MODULE(_unrest, m) {
  namespace py = pybind11;
  m.doc() = "unrest's C++ library; use the package `unrest`, not this module";
  m.attr("version") = UNREST_VERSION;
  // A bad scenario, key or value: ValueError, with where it is as attributes (file, line, key)
  // and the command line's message as its text.
  static py::exception<unrest::scenario::ScenarioError> scenario_error(m, "ScenarioError",
                                                                       PyExc_ValueError);
  static py::exception<unrest::io::InputFileError> input_error(m, "InputFileError",
                                                               PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const unrest::scenario::ScenarioError& e) {
      py::object type = py::reinterpret_borrow<py::object>(scenario_error.ptr());
      py::object error = type(e.what());
      error.attr("file") = e.file();
      error.attr("line") = e.line();
      error.attr("key") = e.key();
      error.attr("message") = e.message();
      PyErr_SetObject(scenario_error.ptr(), error.ptr());
    } catch (const unrest::io::InputFileError& e) {
      input_error(e.what());
    } catch (const unrest::io::OutputDirExists& e) {
      PyErr_SetString(PyExc_FileExistsError, e.what());
    } catch (const unrest::RunCancelled& e) {
      PyErr_SetString(PyExc_KeyboardInterrupt, e.what());
    }
  });
  unrest::python::bind_runs(m);
  unrest::python::bind_simulation(m);
  unrest::python::bind_experiments(m);
}
