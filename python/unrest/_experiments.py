"""Many runs: ensembles over seeds, sweeps and sensitivity analyses over parameters, and the
ABC-SMC calibration; each returns pandas tables (the command line's files, in memory)."""
import io
import json

import pandas as pd

from . import _unrest


def _csv(text):
    return pd.read_csv(io.StringIO(text))


def _ranges(params):
    """{"rules.arrest_rate": (0.001, 0.01)} or ["rules.arrest_rate=0.001:0.01"] -> CLI spelling."""
    if isinstance(params, dict):
        out = []
        for key, bounds in params.items():
            out.append(f"{key}=" + ":".join(repr(b) if isinstance(b, float) else str(b) for b in bounds))
        return out
    return list(params)


class Ensemble:
    """An ensemble's tables: ``figures`` (one row per seed), ``quantiles`` (q05, q50, q95 of every
    series per hour and place) and ``summary`` (each figure's distribution, and for targets the
    share of runs within the reported factor)."""

    def __init__(self, files):
        self.files = dict(files)
        self.figures = _csv(files["figures.csv"]).set_index("seed")
        self.quantiles = _csv(files["quantiles.csv"])
        self.summary = json.loads(files["summary.json"])

    def __repr__(self):
        return f"<unrest.Ensemble of {len(self.figures)} runs>"


def ensemble(scenario, seeds=10, first_seed=None, scale=None, threads=None):
    """Runs seeds first_seed, first_seed + 1, ... (default: the scenario's seed), one per thread;
    the same tables as ``unrest ensemble``.

    >>> e = unrest.ensemble(s.copy().counterfactual("negotiate"), seeds=10, scale=0.1)
    >>> e.figures["peak_active"].median()
    """
    return Ensemble(_unrest.ensemble(
        scenario._request(seed=first_seed, scale=scale, threads=threads), seeds))


def sweep(scenario, params, design="grid", points=5, seeds=1, first_seed=None, scale=None,
          threads=None):
    """Runs a design over parameter ranges: one row per run (run, point, seed, the parameters,
    every figure), as ``unrest sweep`` writes sweep.csv. ``params``: {key: (low, high)} or
    {key: (low, high, steps)} or the command line's "KEY=LO:HI[:STEPS]" strings; ``design``:
    grid, lhs or random.

    >>> t = unrest.sweep(s, {"rules.arrest_rate": (0.001, 0.01)}, points=4, scale=0.05)
    >>> t.plot(x="rules.arrest_rate", y="peak_active")
    """
    text = _unrest.sweep(scenario._request(seed=first_seed, scale=scale, threads=threads),
                         _ranges(params), design, points, seeds)
    return _csv(text)


class Sensitivity:
    """A sensitivity analysis: ``indices`` (one row per figure and parameter: S1, ST and their
    95 % intervals, or mu_star, mu, sigma), ``runs`` (every run of the design) and ``json``."""

    def __init__(self, files):
        self.files = dict(files)
        self.indices = _csv(files["indices.csv"])
        self.runs = _csv(files["sweep.csv"])
        self.json = json.loads(files["indices.json"])

    def __repr__(self):
        return f"<unrest.Sensitivity of {len(self.runs)} runs>"


def sensitivity(scenario, params, method="sobol", samples=64, levels=4, seeds=1, bootstrap=1000,
                first_seed=None, scale=None, threads=None):
    """Global sensitivity of every figure to the parameters: Sobol indices (Saltelli design,
    samples x (k + 2) points, bootstrap intervals) or Morris elementary effects (samples
    trajectories); the same numbers as ``unrest sensitivity``.

    >>> a = unrest.sensitivity(s, {"rules.arrest_rate": (0.001, 0.01),
    ...                            "rules.legitimacy": (0.5, 0.8)}, samples=32, scale=0.05)
    >>> a.indices.query("figure == 'peak_active'")
    """
    return Sensitivity(_unrest.sensitivity(
        scenario._request(seed=first_seed, scale=scale, threads=threads), _ranges(params),
        method, samples, levels, seeds, bootstrap))


class Calibration:
    """An ABC-SMC calibration: ``particles`` (every generation's particles: parameters, weight,
    distance, and each fitted figure's simulated value), ``posterior`` (the last generation),
    ``simulations``, ``stopped_because`` and ``fitted`` (the figures fitted)."""

    def __init__(self, out):
        self.particles = _csv(out["particles.csv"])
        last = self.particles["generation"].max()
        self.posterior = self.particles[self.particles["generation"] == last].reset_index(drop=True)
        self.simulations = out["simulations"]
        self.stopped_because = out["stopped_because"]
        self.fitted = list(out["fitted"])

    def __repr__(self):
        return (f"<unrest.Calibration: {self.particles['generation'].max() + 1} generations, "
                f"{self.simulations} simulations ({self.stopped_because})>")


def calibrate(scenario, particles=50, generations=4, quantile=0.5, min_acceptance=0.02,
              fit_until="", seed=None, scale=None, threads=None):
    """Fits the scenario's [[free]] parameters to its targets and checks by ABC-SMC, as
    ``unrest calibrate`` does (its posterior is the last generation here); ``fit_until``
    (YYYY-MM-DD) fits only what holds by that date.

    >>> c = unrest.calibrate(s, particles=24, generations=2, scale=0.02)
    >>> c.posterior.describe()
    """
    return Calibration(_unrest.calibrate(
        scenario._request(seed=seed, scale=scale, threads=threads), particles, generations,
        quantile, min_acceptance, fit_until))
