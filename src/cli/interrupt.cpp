#include "cli/interrupt.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>

namespace unrest::cli {
namespace {

std::atomic<bool> g_interrupted{false};

// The first Ctrl-C (or SIGTERM) asks for a stop at the next safe point; a second one ends the
// process at once, for work that has no such point soon (building a lattice of hundreds of
// millions of sites takes minutes). Nothing half-written is passed off as complete either way:
// outputs are committed by a rename at the end, and the next run removes the leftovers.
extern "C" void on_interrupt(int) {
  if (g_interrupted.exchange(true)) {
    constexpr char kMessage[] = "\nunrest: interrupted twice; stopping now, nothing written\n";
    [[maybe_unused]] const auto ignored = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    ::_exit(kExitInterrupted);
  }
}

}  // namespace

void watch_interrupts() {
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

bool interrupted() { return g_interrupted.load(); }

}  // namespace unrest::cli
