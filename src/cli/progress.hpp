#pragma once
// The progress line a long run shows on stderr: tick, counts, speed and time left.
// Drawn only when stderr is a terminal (or when forced), at most a few times a second.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "unrest/engine/tick_counts.hpp"

namespace unrest::cli {

class ProgressLine {
 public:
  ProgressLine(std::int64_t total_ticks, bool enabled);
  void update(const engine::TickCounts& counts, std::uint64_t activations);
  // A line of the caller's own making after `tick` ticks, with the ETA appended.
  void update(std::int64_t tick, const std::string& body);
  // Clears the line so that later output starts on a clean line.
  void finish();
  double elapsed_seconds() const;

 private:
  using Clock = std::chrono::steady_clock;
  std::int64_t total_ticks_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
};

}  // namespace unrest::cli
