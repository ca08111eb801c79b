#include <pybind11/stl.h>

#include <cmath>

#include "binding.hpp"
#include "unrest/io/scenario_source.hpp"

namespace unrest::python {

Request request_from(const py::dict& s) {
  Request r;
  r.source.path = s["path"].cast<std::string>();
  r.source.text = s["text"].cast<std::string>();
  r.source.builtin = s["builtin"].cast<bool>();
  r.options.sets = s["sets"].cast<std::vector<std::string>>();
  r.options.without = s["without"].cast<std::vector<std::string>>();
  r.options.counterfactual = s["counterfactual"].cast<std::string>();
  if (s.contains("scale") && !s["scale"].is_none()) r.options.scale = s["scale"].cast<double>();
  if (s.contains("seed") && !s["seed"].is_none()) r.options.seed = s["seed"].cast<std::int64_t>();
  if (s.contains("threads") && !s["threads"].is_none()) {
    r.options.threads = s["threads"].cast<std::int64_t>();
  }
  return r;
}

namespace {
std::atomic<bool> g_asked{false};
extern "C" void on_interrupt(int) { g_asked.store(true); }
}  // namespace

InterruptWatch::InterruptWatch() {
  g_asked.store(false);
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  installed_ = ::sigaction(SIGINT, &action, &previous_) == 0;
}

InterruptWatch::~InterruptWatch() {
  if (installed_) ::sigaction(SIGINT, &previous_, nullptr);
}

bool InterruptWatch::asked() { return g_asked.load(); }

void InterruptWatch::raise() {
  PyErr_SetNone(PyExc_KeyboardInterrupt);
  throw py::error_already_set();
}

}  // namespace unrest::python
