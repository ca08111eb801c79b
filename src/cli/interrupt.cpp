#include "cli/interrupt.hpp"

#include <atomic>
#include <csignal>

namespace unrest::cli {
namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted = true; }

}  // namespace

void watch_interrupts() {
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

bool interrupted() { return g_interrupted.load(); }

}  // namespace unrest::cli
