#pragma once
// What the binding's files share: a scenario request as the Python package sends it, and the
// Ctrl-C watch around C++ work.
#include <pybind11/pybind11.h>

#include <atomic>
#include <csignal>
#include <functional>
#include <string>

#include "unrest/io/national_options.hpp"
#include "unrest/io/run_outputs.hpp"

namespace unrest::python {

namespace py = pybind11;

// The Python package's Scenario (unrest/_scenario.py), flattened: where its text came from and
// the changes asked of it, plus the arguments of one call (seed, scale, threads).
struct Request {
  io::ScenarioSource source;
  io::NationalOptions options;
};
Request request_from(const py::dict& scenario);

// Ctrl-C while C++ runs with the GIL released: Python's own handler would only note the signal
// for when the interpreter runs again, so for the length of the call a handler of ours sets a
// flag the engines poll (between hours, between runs); the previous handler is put back after.
// A run stopped that way raises KeyboardInterrupt in Python.
class InterruptWatch {
 public:
  InterruptWatch();
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;
  static bool asked();
  // Raises KeyboardInterrupt (the GIL held).
  [[noreturn]] static void raise();

 private:
  struct sigaction previous_ {};
  bool installed_ = false;
};

void bind_runs(py::module_& m);
void bind_simulation(py::module_& m);
void bind_experiments(py::module_& m);

}  // namespace unrest::python
