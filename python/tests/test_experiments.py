"""Many runs from Python: the same numbers as the command line's experiments."""
import io

import pandas as pd
import pytest
from conftest import read_dir

import unrest

SCALE = "0.01"
PARAMS = {"rules.arrest_rate": (0.001, 0.01), "rules.legitimacy": (0.6, 0.65)}
CLI_PARAMS = ["--param", "rules.arrest_rate=0.001:0.01", "--param", "rules.legitimacy=0.6:0.65"]


@pytest.fixture(scope="module")
def scenario():
    return unrest.load("kazakhstan-2022")


def test_an_ensemble_is_the_command_lines(scenario, cli, tmp_path):
    e = unrest.ensemble(scenario, seeds=3, first_seed=2, scale=0.01)
    cli("ensemble", "kazakhstan-2022", "--seeds", "3", "--seed", "2", "--scale", SCALE, "--out",
        str(tmp_path / "cli"), "--quiet")
    files = read_dir(tmp_path / "cli")
    for name in ("figures.csv", "quantiles.csv", "summary.json"):
        assert e.files[name] == files[name], name
    assert list(e.figures.index) == [2, 3, 4]
    assert {"q05", "q50", "q95"} <= set(e.quantiles.columns)


def test_a_sweep_has_the_command_lines_rows(scenario, cli, tmp_path):
    table = unrest.sweep(scenario, {"rules.arrest_rate": (0.001, 0.01)}, points=3, seeds=2,
                         scale=0.01)
    cli("sweep", "kazakhstan-2022", "--param", "rules.arrest_rate=0.001:0.01", "--points", "3",
        "--seeds", "2", "--scale", SCALE, "--out", str(tmp_path / "cli"), "--quiet")
    # The command line appends rows as runs finish; the module keeps them in run order.
    by_cli = pd.read_csv(tmp_path / "cli" / "sweep.csv").sort_values("run").reset_index(drop=True)
    pd.testing.assert_frame_equal(table, by_cli)
    assert list(table["rules.arrest_rate"].unique()) == [0.001, 0.0055, 0.01]


@pytest.mark.parametrize("method", ["sobol", "morris"])
def test_sensitivity_indices_are_the_command_lines(scenario, cli, tmp_path, method):
    a = unrest.sensitivity(scenario, PARAMS, method=method, samples=3, bootstrap=50, scale=0.01)
    cli("sensitivity", "kazakhstan-2022", *CLI_PARAMS, "--method", method, "--samples", "3",
        "--bootstrap", "50", "--scale", SCALE, "--out", str(tmp_path / "cli"), "--quiet")
    files = read_dir(tmp_path / "cli")
    assert a.files["indices.csv"] == files["indices.csv"]
    assert a.files["indices.json"] == files["indices.json"]
    assert set(a.indices["parameter"]) == set(PARAMS)


def test_a_bad_range_names_the_design_point(scenario):
    with pytest.raises(unrest.ScenarioError, match="design point"):
        unrest.sweep(scenario, {"rules.arrest_rate": (0.5, 2.0)}, points=2, scale=0.01)


def test_a_calibration_is_reproducible_and_fits_the_free_parameters(scenario):
    first = unrest.calibrate(scenario, particles=4, generations=2, scale=0.005, threads=2)
    again = unrest.calibrate(scenario, particles=4, generations=2, scale=0.005, threads=1)
    pd.testing.assert_frame_equal(first.particles, again.particles)
    free = [f[0] for f in scenario.info["free"]]
    assert set(free) <= set(first.posterior.columns)
    assert len(first.posterior) == 4
    assert first.posterior["weight"].sum() == pytest.approx(1.0)
    for key, low, high, _ in scenario.info["free"]:
        assert first.particles[key].between(low, high).all()
    assert first.fitted and all(f.startswith(("target:", "check:")) for f in first.fitted)
