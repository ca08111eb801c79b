"""Scenarios: what to run, and the changes asked of it before it runs."""
import copy

import pandas as pd

from . import _toml, _unrest


class Scenario:
    """A scenario file (national or classic) with the changes a study makes to it.

    Made by :func:`load`. The changing methods change this scenario and return it, so calls
    chain (``s.set(...).without(...)``); :meth:`copy` first to keep the original. Every change
    is checked at once by the scenario's own parser: a bad key or value raises
    :class:`unrest.ScenarioError` with the same file, line and key as the command line.

    >>> s = unrest.load("kazakhstan-2022").set("rules.arrest_rate", 0.004)
    """

    def __init__(self, source):
        recorded = source.pop("recorded", None)  # a run's manifest: what that run was given
        self._source = source  # path, text, builtin
        self._sets = list(recorded["sets"]) if recorded else []
        self._without = list(recorded["without"]) if recorded else []
        self._counterfactual = recorded["counterfactual"] if recorded else ""
        # A manifest's seed and scale, used when a run does not give its own.
        self._defaults = {k: recorded[k] for k in ("seed", "scale")} if recorded else {}
        self._info = _unrest.describe(self._request())

    # What the compiled module is given: the source and the changes (see python/src/binding.hpp).
    def _request(self, **call):
        request = dict(self._source)
        request.update(sets=list(self._sets), without=list(self._without),
                       counterfactual=self._counterfactual)
        request.update({k: v for k, v in self._defaults.items() if v is not None})
        request.update({k: v for k, v in call.items() if v is not None})
        return request

    def _changed(self, attribute, value):
        before = getattr(self, attribute)
        setattr(self, attribute, value)
        try:
            self._info = _unrest.describe(self._request())
        except Exception:
            setattr(self, attribute, before)
            raise
        return self

    @property
    def path(self):
        """Where the text came from: a file, or a shipped scenario's path."""
        return self._source["path"]

    @property
    def name(self):
        """The scenario's name (with the counterfactual's, as output folders are named)."""
        name = self._info["name"]
        return f"{name}-{self._counterfactual}" if self._counterfactual else name

    @property
    def kind(self):
        """"national" (places, events, targets) or "classic" (Epstein's lattice)."""
        return self._info["kind"]

    @property
    def info(self):
        """What the scenario holds after the changes: places, events, targets, checks, ..."""
        return copy.deepcopy(self._info)

    @property
    def changes(self):
        """The changes made so far, in the command line's spelling (as a manifest records them)."""
        out = list(self._sets)
        if self._counterfactual:
            out.append(f"--counterfactual {self._counterfactual}")
        out += [f"--without {e}" for e in self._without]
        return out

    def set(self, key, value):
        """Overrides a scenario key, as ``--set KEY=VALUE`` does.

        >>> s.set("rules.arrest_rate", 0.004)
        >>> s.set("mechanisms.curfew.enabled", False)
        """
        return self._changed("_sets", self._sets + [f"{key}={_set_value(value)}"])

    def without(self, *event_ids):
        """Removes events by id, as ``--without`` does.

        >>> s.without("internet-blackout")
        """
        return self._changed("_without", self._without + list(event_ids))

    def counterfactual(self, name):
        """Runs one of the counterfactuals the scenario declares (``counterfactuals()`` lists them).

        >>> s.counterfactual("early-concession")
        """
        return self._changed("_counterfactual", name)

    def copy(self):
        """An independent copy, to change without changing this one.

        >>> base = unrest.load("kazakhstan-2022"); variant = base.copy().without("csto")
        """
        return copy.deepcopy(self)

    def keys(self):
        """Every key :meth:`set` takes: key, type, range (low, high), value here, meaning.

        >>> s.keys().query("key.str.startswith('rules.')")
        """
        return pd.DataFrame(_unrest.keys(self._request()))

    def events(self):
        """The scenario's events after the changes: id, kind, at (or the condition when), text.

        >>> s.events()[["id", "kind", "at"]]
        """
        return pd.DataFrame(self._info.get("events", []))

    def counterfactuals(self):
        """The counterfactuals the scenario declares: id and description.

        >>> s.counterfactuals()
        """
        return pd.DataFrame(self._info.get("counterfactuals", []), columns=["id", "description"])

    def __repr__(self):
        changes = f", changes={self.changes}" if self.changes else ""
        return f"<unrest.Scenario {self.name!r} ({self.kind}) from {self.path!r}{changes}>"


def _set_value(v):
    """The right-hand side of ``--set``: a string as typed (the parser reads it as TOML if it
    can, else as a string, so the manifest records what a command-line user would type)."""
    return v if isinstance(v, str) else _toml.value(v)


def load(name=None):
    """A scenario by path (a TOML file, or a run's manifest.json) or by shipped name.

    A manifest gives the run it records: its scenario text with the changes, seed and scale
    it was run with (``unrest.run(unrest.load("out/x/manifest.json"))`` writes the same files).

    >>> unrest.load("kazakhstan-2022")            # shipped, by name
    >>> unrest.load("epstein-2002/run2")          # a classic run of Epstein (2002)
    >>> unrest.load("my-scenarios/iran.toml")     # a file
    >>> unrest.load()                             # the default scenario
    """
    return Scenario(_unrest.resolve(name or ""))


def scenarios():
    """The shipped scenarios: name, kind, path and description.

    >>> unrest.scenarios()
    """
    rows = []
    for path in _unrest.shipped():
        s = load(path)
        name = path.removeprefix("scenarios/").removesuffix(".toml")
        rows.append({"name": name, "kind": s.kind, "path": path,
                     "counterfactuals": [c["id"] for c in s.info.get("counterfactuals", [])],
                     "description": s.info["description"]})
    return pd.DataFrame(rows)


def quantities():
    """The per-place quantities of a national run: name, unit, description, whether a column of
    places.csv, and whether a count (agents in the files, people in Simulation.state()).

    >>> unrest.quantities().set_index("name").loc["arrests", "unit"]
    """
    return pd.DataFrame(_unrest.quantities())
