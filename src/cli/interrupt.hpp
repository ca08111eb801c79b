#pragma once
// Ctrl-C and SIGTERM ask a long command to stop at the next safe point (inside a tick, at the
// end of a run) instead of killing it mid-write; a second one ends the process at once.
namespace unrest::cli {

void watch_interrupts();
bool interrupted();

constexpr int kExitBadInput = 2;
constexpr int kExitFailure = 1;
constexpr int kExitInterrupted = 130;

}  // namespace unrest::cli
