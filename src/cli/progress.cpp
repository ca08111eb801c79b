#include "cli/progress.hpp"

#include <fmt/format.h>

namespace unrest::cli {

ProgressLine::ProgressLine(std::int64_t total_ticks, bool enabled)
    : total_ticks_(total_ticks), enabled_(enabled) {}

double ProgressLine::elapsed_seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

void ProgressLine::update(const engine::TickCounts& counts, std::uint64_t activations) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (counts.tick < total_ticks_ && now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  const double elapsed = elapsed_seconds();
  const double rate = elapsed > 0 ? static_cast<double>(activations) / elapsed : 0.0;
  const double eta = counts.tick > 0 ? elapsed * static_cast<double>(total_ticks_ - counts.tick) /
                                           static_cast<double>(counts.tick)
                                     : 0.0;
  fmt::print(
      stderr,
      "\r\033[Ktick {}/{}  active {}  jailed {}  cops {}  {:.3g} activations/s  ETA {:.1f} s",
      counts.tick, total_ticks_, counts.active, counts.jailed, counts.cops, rate, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::update(std::int64_t tick, const std::string& body) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (tick < total_ticks_ && now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  const double elapsed = elapsed_seconds();
  const double eta =
      tick > 0 ? elapsed * static_cast<double>(total_ticks_ - tick) / static_cast<double>(tick)
               : 0.0;
  fmt::print(stderr, "\r\033[K{}  ETA {:.1f} s", body, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::finish() {
  if (drawn_) fmt::print(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace unrest::cli
