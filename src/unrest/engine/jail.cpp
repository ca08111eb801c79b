#include "unrest/engine/jail.hpp"

#include <algorithm>

namespace unrest::engine {

Jail::Jail(std::uint32_t longest_term)
    // One bucket per tick of the longest term, so that no prisoner waits a lap in its bucket;
    // capped, since the paper's runs use terms up to 30 while a scenario may say 10^9.
    : by_due_(std::min<std::uint32_t>(longest_term, 4095) + 1) {}

void Jail::admit(const Prisoner& prisoner) {
  by_due_[prisoner.due % by_due_.size()].push_back(prisoner);
  ++held_;
}

}  // namespace unrest::engine
