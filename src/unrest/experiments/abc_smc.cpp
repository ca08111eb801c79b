#include "unrest/experiments/abc_smc.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <numbers>
#include <stdexcept>

#include "unrest/experiments/byte_codec.hpp"
#include "unrest/experiments/quantiles.hpp"
#include "unrest/experiments/run_many.hpp"
#include "unrest/rng/random_stream.hpp"
#include "unrest/run_classic.hpp"

namespace unrest::experiments {
namespace {

// Parameters move on the prior's own scale: log for log-uniform priors.
double to_scale(const Prior& p, double x) { return p.log_scale ? std::log(x) : x; }
double from_scale(const Prior& p, double y) { return p.log_scale ? std::exp(y) : y; }

bool in_support(const std::vector<Prior>& priors, const std::vector<double>& theta) {
  for (std::size_t k = 0; k < priors.size(); ++k) {
    if (!(theta[k] >= priors[k].low && theta[k] <= priors[k].high)) return false;
  }
  return true;
}

// Box-Muller from two uniforms of the stream.
double normal(rng::RandomStream& draw) {
  const double u1 = 1.0 - draw.uniform();  // (0, 1]
  const double u2 = draw.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::vector<double> from_prior(const std::vector<Prior>& priors, rng::RandomStream& draw) {
  std::vector<double> theta;
  for (const auto& p : priors) {
    const double lo = to_scale(p, p.low), hi = to_scale(p, p.high);
    theta.push_back(from_scale(p, lo + (hi - lo) * draw.uniform()));
  }
  return theta;
}

std::vector<double> kernel_sd(const std::vector<Prior>& priors, const std::vector<Particle>& ps) {
  std::vector<double> sd;
  for (std::size_t k = 0; k < priors.size(); ++k) {
    double mean = 0;
    for (const auto& p : ps) mean += p.weight * to_scale(priors[k], p.theta[k]);
    double var = 0;
    for (const auto& p : ps) {
      const double d = to_scale(priors[k], p.theta[k]) - mean;
      var += p.weight * d * d;
    }
    // Twice the weighted variance (Beaumont et al. 2009); never zero, so particles still move.
    const double span = to_scale(priors[k], priors[k].high) - to_scale(priors[k], priors[k].low);
    sd.push_back(std::max(std::sqrt(2.0 * var), 1e-6 * std::max(span, 1e-12)));
  }
  return sd;
}

}  // namespace

double next_tolerance(const std::vector<double>& distances, double q) {
  const double tolerance = quantile(distances, q);
  // Many particles may share the largest distance (every run in which nothing happens misses
  // the targets the same way); a quantile at that atom would accept everything again, and the
  // calibration would never move. Then the tolerance is the largest distance below the atom.
  const double largest = *std::max_element(distances.begin(), distances.end());
  if (tolerance < largest) return tolerance;
  double below = -std::numeric_limits<double>::infinity();
  for (double d : distances) {
    if (d < largest) below = std::max(below, d);
  }
  return std::isinf(below) ? tolerance : below;
}

double log_error_distance(const std::vector<double>& simulated, const Aims& aims) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < aims.size(); ++i) {
    if (std::isinf(aims[i].low) && std::isinf(aims[i].high)) continue;  // not fitted
    if (std::isnan(simulated[i])) return std::numeric_limits<double>::infinity();
    const double e = national::log_error_to(aims[i], simulated[i]);
    sum += e * e;
    ++n;
  }
  return n > 0 ? std::sqrt(sum / static_cast<double>(n)) : 0.0;
}

double weighted_quantile(const std::vector<Particle>& particles, std::size_t k, double q) {
  std::vector<std::pair<double, double>> v;
  for (const auto& p : particles) v.emplace_back(p.theta[k], p.weight);
  std::sort(v.begin(), v.end());
  double total = 0;
  for (const auto& [x, w] : v) total += w;
  double acc = 0;
  for (const auto& [x, w] : v) {
    acc += w;
    if (acc >= q * total) return x;
  }
  return v.empty() ? std::nan("") : v.back().first;
}

AbcResult run_abc_smc(const std::vector<Prior>& priors, const Aims& aims, const Simulator& simulate,
                      const AbcSettings& s, const SimulationCache& cache,
                      const std::function<bool(const SimulationRecord&)>& on_simulation) {
  ThreadJobRunner runner(s.threads);
  return run_abc_smc(priors, aims, simulate, s, runner, cache, on_simulation);
}

AbcResult run_abc_smc(const std::vector<Prior>& priors, const Aims& aims, const Simulator& simulate,
                      const AbcSettings& s, JobRunner& runner, const SimulationCache& cache,
                      const std::function<bool(const SimulationRecord&)>& on_simulation) {
  if (priors.empty()) throw std::invalid_argument("ABC-SMC needs at least one free parameter");
  if (s.particles < 2) throw std::invalid_argument("ABC-SMC needs at least two particles");
  AbcResult result;
  bool cancelled = false;
  const auto n = static_cast<std::size_t>(s.particles);
  // Proposals are simulated in batches of `n`; a generation gives up after this many.
  const std::size_t max_proposals = n * static_cast<std::size_t>(std::ceil(1.0 / s.min_acceptance));

  for (int g = 0; g < s.generations; ++g) {
    Generation gen;
    const Generation* previous = g > 0 ? &result.generations.back() : nullptr;
    std::vector<double> sd;
    if (previous) {
      std::vector<double> distances;
      for (const auto& p : previous->particles) distances.push_back(p.distance);
      gen.tolerance = next_tolerance(distances, s.tolerance_quantile);
      sd = kernel_sd(priors, previous->particles);
    } else {
      gen.tolerance = std::numeric_limits<double>::infinity();
    }
    // The proposal with number i: a pure function of (seed, generation, i).
    auto propose = [&](std::size_t i) {
      rng::RandomStream draw(
          rng::combine(rng::combine(s.seed, 0xabc0 + static_cast<std::uint64_t>(g)), i));
      if (!previous) return from_prior(priors, draw);
      for (int attempt = 0; attempt < 1000; ++attempt) {
        double u = draw.uniform();
        std::size_t j = 0;
        while (j + 1 < previous->particles.size() && u >= previous->particles[j].weight) {
          u -= previous->particles[j].weight;
          ++j;
        }
        std::vector<double> theta = previous->particles[j].theta;
        for (std::size_t k = 0; k < priors.size(); ++k) {
          theta[k] = from_scale(priors[k], to_scale(priors[k], theta[k]) + sd[k] * normal(draw));
        }
        if (in_support(priors, theta)) return theta;
      }
      return previous->particles.front().theta;  // the kernel keeps leaving the prior
    };
    std::vector<SimulationRecord> accepted;
    std::size_t next = 0;
    while (accepted.size() < n && next < max_proposals) {
      std::vector<SimulationRecord> batch(n);
      // Every process knows each proposal (a pure function of its number); a job simulates
      // it unless the cache has it, and sends back what it simulated.
      auto prepare = [&](std::size_t b) {
        SimulationRecord r;
        r.generation = g;
        r.number = next + b;
        r.theta = propose(r.number);
        r.seed =
            rng::combine(rng::combine(s.seed, 0x5eed + static_cast<std::uint64_t>(g)), r.number) >>
            2;
        return r;
      };
      auto job = [&](std::size_t b) {
        SimulationRecord r = prepare(b);
        ByteWriter w;
        if (auto hit = cache.find({g, r.number});
            hit != cache.end() && hit->second.theta == r.theta) {
          w.u64(0);  // cached
          w.doubles(hit->second.simulated);
          w.f64(hit->second.distance);
        } else {
          r.simulated = simulate(r.theta, r.seed);
          w.u64(1);
          w.doubles(r.simulated);
          w.f64(log_error_distance(r.simulated, aims));
        }
        return w.take();
      };
      runner.run(
          n, job,
          [&](std::size_t b, std::string bytes) {
            SimulationRecord r = prepare(b);
            ByteReader in(bytes);
            const bool fresh = in.u64() == 1;
            r.simulated = in.doubles();
            r.distance = in.f64();
            if (fresh && on_simulation && !on_simulation(r)) cancelled = true;
            batch[b] = std::move(r);
          },
          true, [&] { return cancelled; });
      if (cancelled) throw RunCancelled();
      result.simulations += n;
      for (auto& r : batch) {
        if (accepted.size() < n && r.distance <= gen.tolerance) accepted.push_back(std::move(r));
      }
      next += n;
    }
    gen.proposals = next;
    if (accepted.size() < n) {
      result.stopped_because = "generation " + std::to_string(g) + " accepted fewer than " +
                               std::to_string(n) + " of " + std::to_string(next) + " proposals";
      break;
    }
    // Weights: prior density over the mixture of kernels around the previous particles.
    for (auto& r : accepted) {
      Particle p{r.theta, 1.0, r.distance, r.simulated};
      if (previous) {
        double mixture = 0;
        for (const auto& q : previous->particles) {
          double k = q.weight;
          for (std::size_t d = 0; d < priors.size(); ++d) {
            const double z =
                (to_scale(priors[d], r.theta[d]) - to_scale(priors[d], q.theta[d])) / sd[d];
            k *= std::exp(-0.5 * z * z);
          }
          mixture += k;
        }
        // Priors are uniform on their own scale, so the prior density is constant there.
        p.weight = mixture > 0 ? 1.0 / mixture : 0.0;
      }
      gen.particles.push_back(std::move(p));
    }
    double total = 0;
    for (const auto& p : gen.particles) total += p.weight;
    for (auto& p : gen.particles)
      p.weight = total > 0 ? p.weight / total : 1.0 / static_cast<double>(n);
    result.generations.push_back(std::move(gen));
    const double acceptance = static_cast<double>(n) / static_cast<double>(next);
    if (g > 0 && acceptance < s.min_acceptance) {
      result.stopped_because = "acceptance rate below " + std::to_string(s.min_acceptance);
      break;
    }
  }
  if (result.stopped_because.empty()) {
    result.stopped_because = std::to_string(result.generations.size()) + " generations done";
  }
  return result;
}

}  // namespace unrest::experiments
