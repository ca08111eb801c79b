#pragma once
// The straightforward way to run the classic model, kept only as a yardstick for the
// benchmarks: every decision, arrest and move scans the whole vision for cops, actives and
// empty sites, as most published implementations do. Same rules (model/), same NetLogo
// semantics as the real engine's default preset; one agent per site, so it is only meant for
// run 2's regime. Not used by unrest itself.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "unrest/model/activation.hpp"
#include "unrest/model/arrest_probability.hpp"
#include "unrest/model/jail_term.hpp"
#include "unrest/model/neighbourhood.hpp"
#include "unrest/rng/random_stream.hpp"
#include "unrest/scenario/scenario.hpp"

namespace unrest::bench {

class NaiveScanEngine {
 public:
  explicit NaiveScanEngine(const scenario::Scenario& s)
      : p_(s.model),
        vision_(model::Neighbourhood::make(p_.options.vision_shape, p_.vision, true)),
        rng_(s.run.seed),
        occupant_(static_cast<std::size_t>(p_.width) * p_.height, kEmpty) {
    const std::size_t sites = occupant_.size();
    std::vector<std::uint32_t> order(sites);
    for (std::uint32_t i = 0; i < sites; ++i) order[i] = i;
    const auto cops = static_cast<std::size_t>(p_.cop_density * sites + 0.5);
    const auto citizens = static_cast<std::size_t>(p_.citizen_density * sites + 0.5);
    for (std::size_t i = 0; i < cops + citizens; ++i) {
      std::swap(order[i], order[i + rng_.below(sites - i)]);
      agents_.push_back({order[i], i < cops, rng_.uniform(), rng_.uniform(), false, 0});
      occupant_[order[i]] = static_cast<std::uint32_t>(i);
    }
  }

  void step() {
    for (std::size_t i = agents_.size(); i > 1; --i) {
      std::swap(agents_order(i - 1), agents_order(rng_.below(i)));
    }
    for (std::uint32_t a : order_) {
      Agent& agent = agents_[a];
      if (!agent.cop && agent.jail > 0) continue;
      move(a);
      if (agent.cop) {
        enforce(a);
      } else {
        int cops = 0, actives = 1;
        for_each_in_vision(agent.site, [&](std::uint32_t site) {
          const std::uint32_t o = occupant_[site];
          if (o == kEmpty) return;
          cops += agents_[o].cop;
          actives += agents_[o].active;
        });
        const double p = model::arrest_probability(p_.options.ratio, p_.k, cops, actives);
        agent.active =
            model::decides_active(agent.hardship, agent.risk, legitimacy(), p, p_.threshold);
      }
    }
    for (Agent& agent : agents_) agent.jail -= agent.jail > 0 && agent.jail != model::kLifeSentence;
    activations_ += agents_.size();
  }

  std::uint64_t activations() const { return activations_; }

 private:
  static constexpr std::uint32_t kEmpty = 0xffffffffu;
  struct Agent {
    std::uint32_t site;
    bool cop;
    double hardship, risk;
    bool active;
    std::uint32_t jail;
  };

  double legitimacy() const { return p_.legitimacy; }

  std::uint32_t& agents_order(std::size_t i) {
    if (order_.size() != agents_.size()) {
      order_.resize(agents_.size());
      for (std::uint32_t k = 0; k < order_.size(); ++k) order_[k] = k;
    }
    return order_[i];
  }

  template <typename F>
  void for_each_in_vision(std::uint32_t site, F&& f) const {
    const int x = static_cast<int>(site % p_.width), y = static_cast<int>(site / p_.width);
    for (const model::Offset& o : vision_.offsets()) {
      const int xx = (x + o.dx + p_.width) % p_.width, yy = (y + o.dy + p_.height) % p_.height;
      f(static_cast<std::uint32_t>(yy * p_.width + xx));
    }
  }

  // A site counts as empty when nobody free stands on it (jailed citizens do not block).
  bool empty(std::uint32_t site) const {
    const std::uint32_t o = occupant_[site];
    return o == kEmpty || (!agents_[o].cop && agents_[o].jail > 0);
  }

  void move(std::uint32_t a) {
    scratch_.clear();
    for_each_in_vision(agents_[a].site, [&](std::uint32_t site) {
      if (empty(site)) scratch_.push_back(site);
    });
    if (scratch_.empty()) return;
    place(a, scratch_[rng_.below(scratch_.size())]);
  }

  void place(std::uint32_t a, std::uint32_t site) {
    if (occupant_[agents_[a].site] == a) occupant_[agents_[a].site] = kEmpty;
    agents_[a].site = site;
    occupant_[site] = a;  // a jailed citizen here is forgotten by the site, not by the agent
  }

  void enforce(std::uint32_t a) {
    scratch_.clear();
    for_each_in_vision(agents_[a].site, [&](std::uint32_t site) {
      const std::uint32_t o = occupant_[site];
      if (o != kEmpty && agents_[o].active) scratch_.push_back(o);
    });
    if (scratch_.empty()) return;
    Agent& suspect = agents_[scratch_[rng_.below(scratch_.size())]];
    suspect.active = false;
    suspect.jail = model::draw_jail_term(rng_, p_.options.jail_term_range, p_.max_jail_term);
    place(a, suspect.site);
  }

  model::ClassicParams p_;
  model::Neighbourhood vision_;
  rng::RandomStream rng_;
  std::vector<std::uint32_t> occupant_;
  std::vector<Agent> agents_;
  std::vector<std::uint32_t> order_;
  std::vector<std::uint32_t> scratch_;
  std::uint64_t activations_ = 0;
};

}  // namespace unrest::bench
