#include "unrest/world/classic_world.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>

#include "unrest/model/avx2_clone.hpp"

namespace unrest::world {

ClassicWorld::ClassicWorld(const model::ClassicParams& params, rng::RandomStream& rng)
    : width_(params.width),
      height_(params.height),
      vision_(model::Neighbourhood::make(params.options.vision_shape, params.vision,
                                         params.options.vision_includes_own_site)),
      jailed_block_site_(params.options.jailed_block_site) {
  if (2 * vision_.reach() + 1 > std::min(width_, height_)) {
    throw std::invalid_argument("lattice too small for the vision: sites would repeat");
  }
  const std::size_t sites = static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_);
  seen_.assign(sites + 16, 0);
  max_occupancy_ = std::min(255, 65535 / std::max(1, vision_.size()));
  blocking_.assign(sites, 0);
  actives_here_.assign(sites, 0);
  first_active_.assign(sites, kNone);

  if (params.options.placement == model::Placement::exact) {
    // As NetLogo's setup: round(d * W * H) cops first, then citizens, each on a uniformly
    // random free site; a partial shuffle of the sites draws exactly that.
    const auto cops = static_cast<std::size_t>(std::llround(params.cop_density * sites));
    const auto citizens = static_cast<std::size_t>(std::llround(params.citizen_density * sites));
    std::vector<std::uint32_t> order(sites);
    std::iota(order.begin(), order.end(), 0u);
    for (std::size_t i = 0; i < cops + citizens && i < sites; ++i) {
      const std::size_t j = i + rng.below(sites - i);
      std::swap(order[i], order[j]);
      if (i < cops) {
        place_cop(order[i]);
      } else {
        place_citizen(order[i], rng);
      }
    }
  } else {
    // As Mesa's setup: every site independently holds a cop, a citizen or nothing.
    for (std::uint32_t site = 0; site < sites; ++site) {
      const double u = rng.uniform();
      if (u < params.cop_density) {
        place_cop(site);
      } else if (u < params.cop_density + params.citizen_density) {
        place_citizen(site, rng);
      }
    }
  }
}

void ClassicWorld::place_cop(std::uint32_t site) { add_cop(site); }

void ClassicWorld::throw_crowded(std::uint32_t site) const {
  throw std::overflow_error(fmt::format(
      "{} agents would stand on site ({}, {}): more than the {} a site that the sequential "
      "engine's compact counts allow at a vision of {} sites",
      static_cast<int>(blocking_[site]) + 1, site % width_, site / width_, max_occupancy_,
      vision_.size()));
}

void ClassicWorld::place_citizen(std::uint32_t site, rng::RandomStream& rng) {
  const auto hardship = static_cast<float>(rng.uniform());
  const auto risk_aversion = static_cast<float>(rng.uniform());
  citizens_.push_back({.hardship = hardship,
                       .risk_aversion = risk_aversion,
                       .x = static_cast<std::uint16_t>(site % width_),
                       .y = static_cast<std::uint16_t>(site / width_),
                       .active = 0,
                       .jailed = 0,
                       .unused = 0});
  jail_left_.push_back(0);
  next_active_.push_back(kNone);
  prev_active_.push_back(kNone);
  add_blocking(site, +1);
}

// Compiled twice, for AVX2 and for any x86-64, and chosen when the program loads: the row adds
// are the engine's widest loop.
UNREST_AVX2_CLONE void ClassicWorld::add_around(int x, int y, CountWord delta) {
  // Away from the left and right edges every span of a vision up to 7 wide fits a block of 16
  // words: two 8-lane vector adds with the lanes past the span's end masked to zero, and no
  // loop whose length, and so whose exit branch, changes from row to row. seen_ carries 16
  // words of padding so the last row's block stays in bounds.
  const int reach = vision_.reach();
  if (reach <= 7 && x >= reach && x + reach < width_) {
    using Words = std::uint32_t __attribute__((vector_size(32)));
    using Lanes = std::int32_t __attribute__((vector_size(32)));
    const Words deltas = {delta, delta, delta, delta, delta, delta, delta, delta};
    const Lanes low = {0, 1, 2, 3, 4, 5, 6, 7};
    const Lanes high = {8, 9, 10, 11, 12, 13, 14, 15};
    for (const model::RowSpan& span : vision_.spans()) {
      int yy = y + span.dy;
      yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
      CountWord* block = seen_.data() + static_cast<std::size_t>(yy) * width_ + x + span.dx_first;
      const std::int32_t length = span.dx_last - span.dx_first + 1;
      const Lanes lengths = {length, length, length, length, length, length, length, length};
      Words a, b;
      std::memcpy(&a, block, sizeof a);
      std::memcpy(&b, block + 8, sizeof b);
      a += deltas & reinterpret_cast<Words>(low < lengths);
      b += deltas & reinterpret_cast<Words>(high < lengths);
      std::memcpy(block, &a, sizeof a);
      std::memcpy(block + 8, &b, sizeof b);
    }
    return;
  }
  // Near the edges a span may wrap: one or two contiguous runs of the row.
  for (const model::RowSpan& span : vision_.spans()) {
    int yy = y + span.dy;
    yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
    CountWord* row = seen_.data() + static_cast<std::size_t>(yy) * width_;
    int first = x + span.dx_first;
    int last = x + span.dx_last;
    if (first < 0) {
      for (int i = first + width_; i < width_; ++i) row[i] += delta;
      first = 0;
    }
    if (last >= width_) {
      for (int i = 0; i <= last - width_; ++i) row[i] += delta;
      last = width_ - 1;
    }
    for (int i = first; i <= last; ++i) row[i] += delta;
  }
}

void ClassicWorld::link_active(std::uint32_t c, std::uint32_t site) {
  const std::uint32_t head = first_active_[site];
  next_active_[c] = head;
  prev_active_[c] = kNone;
  if (head != kNone) prev_active_[head] = c;
  first_active_[site] = c;
  ++actives_here_[site];
}

void ClassicWorld::unlink_active(std::uint32_t c, std::uint32_t site) {
  const std::uint32_t next = next_active_[c];
  const std::uint32_t prev = prev_active_[c];
  if (prev != kNone) {
    next_active_[prev] = next;
  } else {
    first_active_[site] = next;
  }
  if (next != kNone) prev_active_[next] = prev;
  --actives_here_[site];
}

std::uint32_t ClassicWorld::active_within_vision(int x, int y, std::uint32_t index) const {
  for (const model::RowSpan& span : vision_.spans()) {
    int yy = y + span.dy;
    yy += yy < 0 ? height_ : (yy >= height_ ? -height_ : 0);
    const std::size_t row = static_cast<std::size_t>(yy) * width_;
    for (int dx = span.dx_first; dx <= span.dx_last; ++dx) {
      int xx = x + dx;
      xx += xx < 0 ? width_ : (xx >= width_ ? -width_ : 0);
      const std::size_t site = row + xx;
      const std::uint32_t here = actives_here_[site];
      if (index >= here) {
        index -= here;
        continue;
      }
      std::uint32_t c = first_active_[site];
      while (index-- > 0) c = next_active_[c];
      return c;
    }
  }
  return kNone;
}

void ClassicWorld::move_citizen(std::uint32_t c, int x, int y) {
  CitizenState& citizen = citizens_[c];
  const std::uint32_t site = site_of(x, y);
  const std::uint32_t from = citizen_site(c);
  const bool blocks = !citizen.jailed || jailed_block_site_;
  if (blocks) {
    add_blocking(from, -1);
    add_blocking(site, +1);
  }
  if (citizen.active) {
    unlink_active(c, from);
    add_around(citizen.x, citizen.y, 0 - kOneActive);
    link_active(c, site);
    add_around(x, y, kOneActive);
  }
  citizen.x = static_cast<std::uint16_t>(x);
  citizen.y = static_cast<std::uint16_t>(y);
}

void ClassicWorld::move_cop(std::uint32_t p, int x, int y) {
  const std::uint32_t from = cop_site(p);
  const std::uint32_t site = site_of(x, y);
  if (from == site) return;
  add_blocking(from, -1);
  add_blocking(site, +1);
  add_around(cop_x_[p], cop_y_[p], 0 - kOneCop);
  cop_x_[p] = static_cast<std::uint16_t>(x);
  cop_y_[p] = static_cast<std::uint16_t>(y);
  add_around(x, y, kOneCop);
}

void ClassicWorld::set_active(std::uint32_t c, bool active) {
  CitizenState& citizen = citizens_[c];
  if (static_cast<bool>(citizen.active) == active) return;
  citizen.active = active ? 1 : 0;
  const std::uint32_t site = citizen_site(c);
  if (active) {
    link_active(c, site);
    ++active_count_;
  } else {
    unlink_active(c, site);
    --active_count_;
  }
  add_around(citizen.x, citizen.y, active ? kOneActive : 0 - kOneActive);
}

void ClassicWorld::jail(std::uint32_t c, std::uint32_t term, bool hold) {
  set_active(c, false);
  jail_left_[c] = term;
  if (!hold || citizens_[c].jailed) return;
  citizens_[c].jailed = 1;
  ++jailed_count_;
  if (!jailed_block_site_) add_blocking(citizen_site(c), -1);
}

void ClassicWorld::release(std::uint32_t c) {
  if (!citizens_[c].jailed) return;
  citizens_[c].jailed = 0;
  jail_left_[c] = 0;
  --jailed_count_;
  if (!jailed_block_site_) add_blocking(citizen_site(c), +1);
}

void ClassicWorld::add_cop(std::uint32_t site) {
  cop_x_.push_back(static_cast<std::uint16_t>(site % width_));
  cop_y_.push_back(static_cast<std::uint16_t>(site / width_));
  add_blocking(site, +1);
  add_around(cop_x_.back(), cop_y_.back(), kOneCop);
}

void ClassicWorld::remove_cop(std::uint32_t p) {
  const std::uint32_t site = cop_site(p);
  add_blocking(site, -1);
  add_around(cop_x_[p], cop_y_[p], 0 - kOneCop);
  cop_x_[p] = cop_x_.back();
  cop_y_[p] = cop_y_.back();
  cop_x_.pop_back();
  cop_y_.pop_back();
}

bool ClassicWorld::derived_counts_consistent() const {
  const std::size_t sites = blocking_.size();
  std::vector<std::int32_t> cops(sites, 0), actives(sites, 0);
  std::vector<std::uint16_t> blocking(sites, 0), here(sites, 0);
  std::uint32_t active_total = 0, jailed_total = 0;
  auto spread = [&](std::vector<std::int32_t>& field, int x, int y) {
    for (const model::Offset& o : vision_.offsets()) ++field[site_at(x, y, o)];
  };
  for (std::uint32_t p = 0; p < cop_count(); ++p) {
    ++blocking[cop_site(p)];
    spread(cops, cop_x_[p], cop_y_[p]);
  }
  for (std::uint32_t c = 0; c < citizen_count(); ++c) {
    const CitizenState& citizen = citizens_[c];
    if (citizen.active && citizen.jailed) return false;
    if (!citizen.jailed || jailed_block_site_) ++blocking[citizen_site(c)];
    jailed_total += citizen.jailed;
    if (citizen.active) {
      ++active_total;
      ++here[citizen_site(c)];
      spread(actives, citizen.x, citizen.y);
    }
  }
  for (std::size_t s = 0; s < sites; ++s) {
    std::uint16_t listed = 0;
    for (std::uint32_t c = first_active_[s]; c != kNone; c = next_active_[c]) {
      if (!citizens_[c].active || citizen_site(c) != s) return false;
      ++listed;
    }
    if (listed != here[s]) return false;
    if (cops[s] != cops_seen(s) || actives[s] != actives_seen(s) || blocking[s] != blocking_[s]) {
      return false;
    }
  }
  return here == actives_here_ && active_total == active_count_ && jailed_total == jailed_count_;
}

}  // namespace unrest::world
