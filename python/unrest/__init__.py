"""unrest from Python: load a scenario, run it, step it, and study it over many runs.

    import unrest
    s = unrest.load("kazakhstan-2022")
    r = unrest.run(s, seed=1, scale=0.1)
    r.national["active"].plot()

The C++ library does the work (no subprocess); results are pandas objects, and a run's files
are byte for byte the command line's for the same scenario and seed. docs/PYTHON.md is the
reference.
"""
from . import _unrest
from ._experiments import calibrate, ensemble, sensitivity, sweep
from ._result import ClassicResult, NationalResult
from ._scenario import Scenario, load, quantities, scenarios
from ._simulation import Simulation, once, run

ScenarioError = _unrest.ScenarioError
InputFileError = _unrest.InputFileError
__version__ = _unrest.version

__all__ = [
    "ClassicResult",
    "InputFileError",
    "NationalResult",
    "Scenario",
    "ScenarioError",
    "Simulation",
    "calibrate",
    "ensemble",
    "load",
    "once",
    "quantities",
    "run",
    "scenarios",
    "sensitivity",
    "sweep",
]
