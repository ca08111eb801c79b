#pragma once
// Thrown when whoever drives a run asks it to stop (Ctrl-C, a cancelled web run, a stopped
// calibration): nothing of the run is to be written.
#include <stdexcept>

namespace unrest::engine {

class RunCancelled : public std::runtime_error {
 public:
  RunCancelled() : std::runtime_error("run cancelled") {}
};

}  // namespace unrest::engine
