#pragma once
// The parallel engine's jail for citizens taken off the lattice (jailed_block_site = false).
//
// Prisoners are filed by the tick their term ends, so a tick touches only those due then (and
// those still waiting), not every prisoner: at the height of run 2 on a 4096 x 4096 torus the
// jail holds about four million. A prisoner whose term is over returns to the site of its
// arrest, or waits while that site is taken; each tick those already waiting try first, then
// those due, each group in order of arrest. Life sentences are counted, not kept.
#include <cstdint>
#include <vector>

namespace unrest::engine {

class Jail {
 public:
  // `longest_term`: the longest finite term that will be admitted (a bound, for the filing).
  explicit Jail(std::uint32_t longest_term);

  // A citizen arrested at `tick` whose term runs out at the end of tick `due` (kept as its
  // low 32 bits: a term is under 2^32 ticks).
  struct Prisoner {
    std::uint32_t site;
    std::uint32_t due;
    std::uint32_t citizen;  // index of its traits (ParallelEngine::traits_), where kept
    std::uint16_t cutoff;   // its activation cutoff under the current legitimacy
  };
  void admit(const Prisoner& prisoner);
  void admit_for_life() { ++for_life_; }

  // Offers each prisoner whose term is over by `tick` to `try_return(prisoner)`, which says
  // whether it took the prisoner back; the others wait. `prefetch(prisoner)` is called a few
  // prisoners ahead of its offer, so that the caller can start loading what it will read.
  template <typename TryReturn, typename Prefetch>
  void release(std::int64_t tick, TryReturn&& try_return, Prefetch&& prefetch);
  template <typename TryReturn>
  void release(std::int64_t tick, TryReturn&& try_return) {
    release(tick, try_return, [](const Prisoner&) {});
  }

  std::uint64_t size() const { return held_ + for_life_; }

  // Calls f(prisoner) for every prisoner held (not those for life), in no particular order.
  template <typename F>
  void for_each(F&& f) {
    for (auto& bucket : by_due_) {
      for (Prisoner& p : bucket) f(p);
    }
    for (Prisoner& p : waiting_) f(p);
  }
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& bucket : by_due_) {
      for (const Prisoner& p : bucket) f(p);
    }
    for (const Prisoner& p : waiting_) f(p);
  }

 private:
  std::vector<std::vector<Prisoner>> by_due_;  // by due tick modulo its size
  std::uint32_t bucket_mask_ = 0;              // its size - 1
  std::vector<Prisoner> waiting_;
  std::vector<Prisoner> still_waiting_;
  std::uint64_t held_ = 0;
  std::uint64_t for_life_ = 0;
};

template <typename TryReturn, typename Prefetch>
void Jail::release(std::int64_t tick, TryReturn&& try_return, Prefetch&& prefetch) {
  // Each offer is a random access to the lattice: prefetched this many offers ahead.
  constexpr std::size_t kAhead = 8;
  still_waiting_.clear();
  for (std::size_t i = 0; i < waiting_.size(); ++i) {
    if (i + kAhead < waiting_.size()) prefetch(waiting_[i + kAhead]);
    const Prisoner& p = waiting_[i];
    if (try_return(p)) {
      --held_;
    } else {
      still_waiting_.push_back(p);
    }
  }
  // A bucket holds every prisoner due at a tick congruent to this one; those due in a later
  // lap stay.
  const auto now = static_cast<std::uint32_t>(tick);
  std::vector<Prisoner>& bucket = by_due_[now & bucket_mask_];
  std::size_t kept = 0;
  for (std::size_t i = 0; i < bucket.size(); ++i) {
    // Ahead of i, so not yet overwritten by the compaction (kept <= i).
    if (i + kAhead < bucket.size()) prefetch(bucket[i + kAhead]);
    const Prisoner p = bucket[i];
    if (p.due != now) {
      bucket[kept++] = p;
    } else if (try_return(p)) {
      --held_;
    } else {
      still_waiting_.push_back(p);
    }
  }
  bucket.resize(kept);
  waiting_.swap(still_waiting_);
}

}  // namespace unrest::engine
