"""Whole runs from Python: the command line's files byte for byte, read as pandas tables."""
import os
import threading
import time

import pandas as pd
import pytest
from conftest import read_dir

import unrest

SCALE = "0.01"


def test_a_national_run_is_the_command_lines_byte_for_byte(cli, tmp_path):
    s = (unrest.load("kazakhstan-2022").set("rules.arrest_rate", 0.004)
         .without("internet-blackout").counterfactual("early-concession"))
    r = unrest.run(s, seed=3, scale=0.01, threads=2)
    cli("run", "kazakhstan-2022", "--set", "rules.arrest_rate=0.004", "--without",
        "internet-blackout", "--counterfactual", "early-concession", "--seed", "3", "--scale",
        SCALE, "--threads", "1", "--out", str(tmp_path / "cli"), "--quiet")
    files = read_dir(tmp_path / "cli")
    assert sorted(files) == sorted(r.files)
    for name, text in files.items():
        assert r.files[name] == text, name


def test_a_classic_run_is_the_command_lines_byte_for_byte(cli, tmp_path):
    s = unrest.load("epstein-2002/run2").set("run.ticks", 60)
    r = unrest.run(s, seed=5)
    cli("run", "epstein-2002/run2", "--set", "run.ticks=60", "--seed", "5", "--out",
        str(tmp_path / "cli"), "--quiet")
    assert read_dir(tmp_path / "cli") == r.files
    assert isinstance(r, unrest.ClassicResult)
    assert list(r.timeseries.index[:2]) == [0, 1] and len(r.timeseries) == 61
    assert {"active", "jailed", "quiet"} <= set(r.timeseries.columns)
    assert isinstance(r.outbursts, pd.DataFrame)


@pytest.fixture(scope="module")
def result():
    return unrest.run(unrest.load("kazakhstan-2022"), seed=1, scale=0.01)


def test_tables_are_indexed_by_time(result):
    national, places = result.national, result.places
    assert isinstance(national.index, pd.DatetimeIndex)
    assert national.index[0] == pd.Timestamp("2021-12-28 00:00")
    assert len(national) == 16 * 24
    assert len(places) == 16 * 24 * 17 and places["place"].nunique() == 17
    # The national total is the sum over places, hour by hour.
    by_hour = places.groupby(level="time")["active"].sum()
    assert (by_hour == national["active"]).all()


def test_targets_checks_events_and_manifest(result):
    assert "detained-6-jan" in result.targets.index
    assert {"reported", "simulated", "within_factor"} <= set(result.targets.columns)
    assert result.checks["pass"].dtype == bool
    assert (result.events["kind"] == "event").any()
    assert result.manifest["seed"] == 1 and result.manifest["scale"] == 0.01
    assert "Day by day" in result.report


def test_the_xarray_cube_has_every_place_and_hour_with_units(result):
    cube = result.to_xarray()
    assert dict(cube.sizes) == {"place": 17, "time": 384}
    assert cube["arrests"].attrs["units"].startswith("agents")
    almaty = cube["active"].sel(place="almaty-city").values
    table = result.places.query("place == 'almaty-city'")["active"].values
    assert (almaty == table).all()


def test_write_makes_a_new_folder_and_never_replaces_one(result, tmp_path):
    result.write(tmp_path / "run")
    assert read_dir(tmp_path / "run") == result.files
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        result.write(tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_the_gil_is_released_while_cpp_runs():
    # A Python thread keeps counting during a run only if the run does not hold the GIL.
    counts = []
    stop = threading.Event()

    def count():
        n = 0
        while not stop.is_set():
            n += 1
            if n % 1000 == 0:
                counts.append(time.monotonic())

    thread = threading.Thread(target=count)
    thread.start()
    started = time.monotonic()
    # Scale 0.2 (about 0.8 s on the 2-core machine): scale 0.05 fell under the 0.3 s this test
    # needs once vision was counted by cells. The first assertion says if it happens again.
    unrest.run(unrest.load("kazakhstan-2022"), seed=1, scale=0.2)
    finished = time.monotonic()
    stop.set()
    thread.join()
    during = [t for t in counts if started + 0.1 < t < finished - 0.1]
    assert finished - started > 0.3, "the run was too short to test the GIL: raise its scale"
    assert len(during) > 50, "the counting thread stalled while the run went"


def test_ctrl_c_interrupts_a_run_with_keyboard_interrupt(tmp_path):
    import signal
    import subprocess
    import sys

    script = tmp_path / "long.py"
    script.write_text(
        "import sys, unrest\n"
        "s = unrest.load('kazakhstan-2022')\n"
        "print('started', flush=True)\n"
        "try:\n"
        "    unrest.run(s, seed=1, scale=1.0)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', flush=True)\n"
        "    sys.exit(3)\n"
        "print('finished', flush=True)\n")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ))
    assert proc.stdout.readline().strip() == "started"
    time.sleep(1.0)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 3 and "interrupted" in out
    assert time.monotonic() - sent < 5


def test_the_netcdf_cube_holds_places_csv_with_cf_metadata(cli, tmp_path, result):
    import xarray as xr

    for threads in ("1", "2"):
        cli("run", "kazakhstan-2022", "--seed", "1", "--scale", SCALE, "--format", "netcdf",
            "--threads", threads, "--out", str(tmp_path / threads), "--quiet")
    one, two = ((tmp_path / t / "places.nc").read_bytes() for t in ("1", "2"))
    assert one == two  # the same bytes whatever the thread count
    files = read_dir_names(tmp_path / "1")
    assert "places.nc" in result_manifest_files(tmp_path / "1") and "places.nc" in files
    with xr.open_dataset(tmp_path / "1" / "places.nc") as cube:
        assert cube.attrs["Conventions"] == "CF-1.8"
        assert cube["time"].values[0] == pd.Timestamp("2021-12-28 00:00").to_datetime64()
        ours = result.to_xarray()
        for name in ours.data_vars:
            # Counts exactly; reals at full precision (places.csv rounds them to 6 digits).
            assert cube[name].values == pytest.approx(ours[name].values, rel=1e-5), name
            if cube[name].dtype.kind == "i":
                assert (cube[name].values == ours[name].values).all(), name
        assert cube["arrests"].attrs["long_name"] and cube["arrests"].attrs["units"] == "1"
        assert list(cube["place"].values) == list(ours["place"].values)
        assert cube["lat"].attrs["units"] == "degrees_north"


def read_dir_names(directory):
    return set(os.listdir(directory))


def result_manifest_files(directory):
    import json

    return json.loads((directory / "manifest.json").read_text())["files"]


def test_a_manifest_loads_as_the_run_it_records(cli, tmp_path):
    cli("run", "kazakhstan-2022", "--set", "rules.arrest_rate=0.004", "--without", "csto-requested",
        "--seed", "4", "--scale", SCALE, "--out", str(tmp_path / "cli"), "--quiet")
    s = unrest.load(str(tmp_path / "cli" / "manifest.json"))
    assert s.changes == ["rules.arrest_rate=0.004", "--without csto-requested"]
    assert unrest.run(s).files == read_dir(tmp_path / "cli")
    # Given now, a seed goes on top of the recorded one, as on the command line.
    assert unrest.run(s, seed=5).manifest["seed"] == 5
