"""What a run gives: pandas tables read from the very texts the command line writes."""
import io
import json
import os

import pandas as pd

from . import _unrest


class _Result:
    def __init__(self, files):
        self._files = dict(files)

    @property
    def files(self):
        """The output files' texts by name, byte for byte the command line's."""
        return {k: v for k, v in self._files.items() if not k.endswith(".txt")}

    @property
    def manifest(self):
        """manifest.json: the version, the scenario's text and hash, the overrides, every
        effective parameter."""
        return json.loads(self._files["manifest.json"])

    @property
    def summary(self):
        """summary.json, as a dict."""
        return json.loads(self._files["summary.json"])

    def write(self, directory):
        """Writes the files into a new directory (an existing one is refused, never replaced).

        >>> r.write("out/my-run")
        """
        os.makedirs(os.path.dirname(os.path.abspath(directory)), exist_ok=True)
        os.mkdir(directory)  # FileExistsError if it is there: nothing of the user's is replaced
        for name, text in self.files.items():
            with open(os.path.join(directory, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)

    def _csv(self, name, **kwargs):
        return pd.read_csv(io.StringIO(self._files[name]), **kwargs)


class NationalResult(_Result):
    """A national run: hourly tables (counts in agents; divide by ``scale`` for people), the
    event log, the targets and checks.

    >>> r = unrest.run(unrest.load("kazakhstan-2022"), seed=1, scale=0.1)
    >>> r.national["active"].max() / r.scale          # the national peak, in people
    """

    @property
    def scale(self):
        """Agents per person."""
        return self.summary["scale"]

    @property
    def national(self):
        """national.csv: one row per hour, indexed by local time, totals over places (agents).

        >>> r.national[["active", "arrests"]].resample("1D").max()
        """
        return self._csv("national.csv", parse_dates=["time"], index_col="time")

    @property
    def places(self):
        """places.csv: one row per place per hour, indexed by local time, with a ``place``
        column (agents).

        >>> r.places.pivot(columns="place", values="active")
        """
        return self._csv("places.csv", parse_dates=["time"], index_col="time")

    @property
    def events(self):
        """events.csv: events applied, conditions met, first protest and riot per place, events
        that did not apply."""
        return self._csv("events.csv", parse_dates=["time"], keep_default_na=False)

    @property
    def targets(self):
        """Every reported figure with the simulated value (people), the ratio and agreement.

        >>> r.targets[["reported", "simulated", "within_factor"]]
        """
        return pd.DataFrame(self.summary["targets"]).set_index("id")

    @property
    def checks(self):
        """Every check of the scenario: passed or not, and what was measured."""
        return pd.DataFrame(self.summary["checks"]).set_index("id")

    @property
    def daily(self):
        """The day-by-day national table of summary.json (people)."""
        return pd.DataFrame(self.summary["daily"])

    @property
    def report(self):
        """The text the command line prints at the end of a run."""
        return self._files["report.txt"]

    def to_xarray(self):
        """The per-place hourly cube as an xarray Dataset: one variable per quantity over
        (place, time), with units and descriptions (counts in agents, as in places.csv).

        >>> r.to_xarray()["active"].sel(place="almaty-city").plot()
        """
        import xarray as xr

        table = self.places.reset_index().set_index(["place", "time"])
        data = xr.Dataset.from_dataframe(table)
        order = [p for p in dict.fromkeys(self.places["place"])]
        data = data.reindex(place=order)
        tick = data["tick"].isel(place=0, drop=True)
        data = data.drop_vars("tick").assign_coords(tick=("time", tick.values))
        for q in _unrest.quantities():
            if q["name"] in data:
                data[q["name"]].attrs.update(units=q["unit"], long_name=q["description"])
        data.attrs.update(scenario=self.summary["scenario"], seed=self.summary["seed"],
                          scale=self.scale)
        return data

    def __repr__(self):
        s = self.summary
        return (f"<unrest.NationalResult {s['scenario']} seed {s['seed']} scale {s['scale']:g}: "
                f"{s['start']} to {s['end']}>")


class ClassicResult(_Result):
    """A classic run (Epstein's Model I): the counts of each tick and the outbursts.

    >>> r = unrest.run(unrest.load("epstein-2002/run2"), seed=3)
    >>> r.timeseries.plot(y=["active", "jailed"])
    """

    @property
    def timeseries(self):
        """timeseries.csv: one row per tick from 0 (the initial state), indexed by tick."""
        return self._csv("timeseries.csv", index_col="tick")

    @property
    def outbursts(self):
        """Every outburst (a run of ticks above the threshold): start, end, peak, ..."""
        return pd.DataFrame(self.summary["outbursts"].get("list", []))

    def __repr__(self):
        m = self.manifest
        return f"<unrest.ClassicResult {m.get('scenario', {}).get('name', '')} seed {m.get('seed')}>"
