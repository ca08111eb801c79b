#include "unrest/engine/jail.hpp"

#include <algorithm>

namespace unrest::engine {

Jail::Jail(std::uint32_t longest_term) {
  // At least one bucket per tick of the longest term, so that no prisoner waits a lap in its
  // bucket; capped, since the paper's runs use terms up to 30 while a scenario may say 10^9.
  // A power of two, so that filing is a mask, not a division.
  std::uint32_t buckets = 1;
  while (buckets <= std::min<std::uint32_t>(longest_term, 4095)) buckets *= 2;
  by_due_.resize(buckets);
  bucket_mask_ = buckets - 1;
}

void Jail::admit(const Prisoner& prisoner) {
  by_due_[prisoner.due & bucket_mask_].push_back(prisoner);
  ++held_;
}

}  // namespace unrest::engine
