"""Runs: whole (unrest.run), or an hour at a time (unrest.Simulation), with or without a policy
that answers the state of each hour with events."""
import pandas as pd

from . import _toml, _unrest
from ._result import ClassicResult, NationalResult


class Simulation:
    """A national run driven hour by hour.

    >>> sim = unrest.Simulation(unrest.load("kazakhstan-2022"), seed=1, scale=0.1)
    >>> sim.run_until("2022-01-05")
    >>> sim.state().loc["almaty-city", "active"]        # people, at the end of the last hour
    >>> sim.apply({"kind": "concession", "where": "national", "cut": 0.5})
    >>> sim.run_until_end(); r = sim.result()

    Stepped to the end without ``apply``, it gives what :func:`run` gives, byte for byte. The
    GIL is released while it steps; Ctrl-C stops a step with KeyboardInterrupt (the run stays
    usable at the hour it reached).
    """

    def __init__(self, scenario, seed=None, scale=None, threads=None):
        if scenario.kind != "national":
            raise ValueError("Simulation steps national scenarios; run a classic one with unrest.run")
        self._stepper = _unrest.Stepper(scenario._request(seed=seed, scale=scale, threads=threads))
        self._applied = 0

    @property
    def tick(self):
        """Hours done."""
        return self._stepper.tick

    @property
    def ticks(self):
        """Hours in the run."""
        return self._stepper.ticks

    @property
    def done(self):
        return self._stepper.done

    @property
    def time(self):
        """The local time of the next hour to run ("YYYY-MM-DD HH:MM")."""
        return self._stepper.time

    @property
    def scale(self):
        return self._stepper.scale

    def step(self, hours=1):
        """Runs up to ``hours`` hours; returns how many ran (fewer at the end of the run)."""
        return self._stepper.step(hours)

    def run_until(self, when):
        """Runs until the local time ``when`` ("2022-01-05" or "2022-01-05 18:00") is the next
        hour, or the run ends; returns the hours run."""
        target = pd.Timestamp(when)
        hours = 0
        while not self.done and pd.Timestamp(self.time) < target:
            hours += self.step()
        return hours

    def run_until_end(self):
        """Runs the remaining hours."""
        return self.step(self.ticks - self.tick)

    def state(self):
        """Per place (index), every quantity at the end of the last hour; counts in people
        (agents / scale), as a scenario's ``when`` conditions see them. Empty before the first
        hour.

        >>> sim.state()["active"].sum()             # people active in the country
        """
        return pd.DataFrame(self._stepper.state()).set_index("place")

    def apply(self, event):
        """Brings an event into the run at the next hour (or at its ``at``, if later): a dict
        of the keys of a scenario file's ``[[event]]`` (``kind``, ``where``, and the kind's own:
        ``cut``, ``change``, ``reach``, ``cops``, ``posture``, ``curfew``, ``size``).

        >>> sim.apply({"kind": "posture", "where": "almaty-city", "posture": "restraint"})
        >>> sim.apply({"kind": "emergency", "where": ["almaty-city"], "curfew": "23:00-07:00"})
        """
        event = dict(event)
        self._applied += 1
        event.setdefault("id", f"applied-{self._applied}")
        event.setdefault("at", self.time)
        event.setdefault("text", "brought in by Simulation.apply")
        self._stepper.apply(_toml.table(event))

    def result(self):
        """The outputs up to the last hour run, as :func:`run` gives them."""
        return NationalResult(self._stepper.files())

    def __repr__(self):
        return f"<unrest.Simulation at {self.time}, hour {self.tick} of {self.ticks}>"


def run(scenario, seed=None, scale=None, threads=None, policy=None):
    """Runs a scenario to its end.

    ``seed`` and ``scale`` (national: agents per person) override the scenario's; ``threads``
    changes no result. The files are byte for byte those of ``unrest run SCENARIO --seed S
    --scale X`` with the same changes.

    ``policy`` (national only): a function called after every hour with :meth:`Simulation.state`
    (and the Simulation, if it takes two arguments); the events it returns (a dict, a list of
    dicts, or None) apply from the next hour.

    >>> r = unrest.run(unrest.load("kazakhstan-2022"), seed=1, scale=0.1)
    >>> def concede(state):
    ...     if state["active"].sum() > 20000:
    ...         return {"kind": "concession", "where": "national", "cut": 0.6}
    >>> r = unrest.run(s, seed=1, scale=0.1, policy=unrest.once(concede))
    """
    if policy is None:
        files = _unrest.run(scenario._request(seed=seed, scale=scale, threads=threads))
        return NationalResult(files) if scenario.kind == "national" else ClassicResult(files)
    sim = Simulation(scenario, seed=seed, scale=scale, threads=threads)
    takes_sim = _arity(policy) >= 2
    while sim.step():
        if sim.done:
            break
        events = policy(sim.state(), sim) if takes_sim else policy(sim.state())
        if events is None:
            continue
        for event in [events] if isinstance(events, dict) else events:
            sim.apply(event)
    return sim.result()


def once(policy):
    """A policy that stops being asked once it has returned events (the scenario files'
    ``once = true``).

    >>> r = unrest.run(s, seed=1, scale=0.1, policy=unrest.once(concede))
    """
    fired = False
    takes_sim = _arity(policy) >= 2

    def wrapped(state, sim):
        nonlocal fired
        if fired:
            return None
        events = policy(state, sim) if takes_sim else policy(state)
        fired = bool(events)
        return events

    return wrapped


def _arity(fn):
    import inspect

    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return 1
    return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)
