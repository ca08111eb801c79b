"""Runs driven hour by hour, and policies that answer each hour with events."""
import pandas as pd
import pytest
from conftest import read_dir

import unrest

SCALE = 0.01


@pytest.fixture(scope="module")
def scenario():
    return unrest.load("kazakhstan-2022")


@pytest.fixture(scope="module")
def whole(scenario):
    return unrest.run(scenario, seed=1, scale=SCALE)


def test_stepping_to_the_end_gives_the_whole_run(scenario, whole):
    sim = unrest.Simulation(scenario, seed=1, scale=SCALE)
    assert sim.tick == 0 and sim.state().empty
    assert sim.run_until("2022-01-05") == 8 * 24
    assert sim.time == "2022-01-05 00:00"
    sim.step(5)
    assert sim.tick == 8 * 24 + 5
    sim.run_until_end()
    assert sim.done and sim.step() == 0
    assert sim.result().files == whole.files


def test_state_is_per_place_in_people_at_the_last_hour(scenario, whole):
    sim = unrest.Simulation(scenario, seed=1, scale=SCALE)
    sim.run_until("2022-01-05 12:00")
    state = sim.state()
    assert len(state) == 17 and "almaty-city" in state.index
    hour = whole.places.loc[pd.Timestamp("2022-01-05 11:00")].set_index("place")
    assert (state["active"] == hour["active"] / SCALE).all()
    # places.csv writes reals to 6 significant digits.
    assert state["legitimacy"].values == pytest.approx(hour["legitimacy"].values, rel=1e-5)


def test_an_applied_event_changes_the_run_and_is_logged_and_recorded(scenario, whole, cli, tmp_path):
    sim = unrest.Simulation(scenario, seed=1, scale=SCALE)
    sim.run_until("2022-01-03")
    sim.apply({"kind": "concession", "where": "national", "cut": 1.0, "id": "reverse-now"})
    sim.run_until_end()
    r = sim.result()
    assert r.national["active"].max() < whole.national["active"].max()
    logged = r.events.set_index("id").loc["reverse-now"]
    assert logged["time"] == pd.Timestamp("2022-01-03 00:00") and logged["kind"] == "event"
    applied = r.manifest["applied_during_run"]
    assert applied[0]["id"] == "reverse-now" and len(applied[0]["where"]) == 17
    # Such a manifest is not a recipe for the command line: it says so instead of replaying.
    r.write(tmp_path / "driven")
    refused = cli("run", str(tmp_path / "driven" / "manifest.json"), "--out",
                  str(tmp_path / "replay"), check=False)
    assert refused.returncode == 2 and "applied_during_run" in refused.stderr


def test_bad_events_are_refused_with_the_key_and_the_run_goes_on(scenario):
    sim = unrest.Simulation(scenario, seed=1, scale=SCALE)
    sim.step(10)
    with pytest.raises(unrest.ScenarioError, match="cut"):
        sim.apply({"kind": "concession", "where": "national"})
    with pytest.raises(unrest.ScenarioError, match="where"):
        sim.apply({"kind": "concession", "where": "atlantis", "cut": 0.5})
    with pytest.raises(ValueError, match="before the run's next hour"):
        sim.apply({"kind": "concession", "where": "national", "cut": 0.5, "at": "2021-12-28"})
    assert sim.step(2) == 2


def test_a_python_policy_equals_the_same_condition_written_in_the_scenario(scenario):
    # The shipped counterfactual concede-at-20000: `when = "national.active > 20000"`, a full
    # concession nationwide, the hour after. The same policy in Python gives the same hours.
    by_file = unrest.run(scenario.copy().counterfactual("concede-at-20000"), seed=1, scale=SCALE)
    calls = []

    def concede(state):
        calls.append(state)
        if state["active"].sum() > 20000:
            return {"kind": "concession", "where": "national", "cut": 1.0}

    by_python = unrest.run(scenario, seed=1, scale=SCALE, policy=unrest.once(concede))
    pd.testing.assert_frame_equal(by_python.national, by_file.national)
    pd.testing.assert_frame_equal(by_python.places, by_file.places)
    fired_file = by_file.events.query("kind == 'event' and id == 'concede-when-20000-protest'")
    fired_python = by_python.events.query("id == 'applied-1'")
    assert list(fired_file["time"]) == list(fired_python["time"])
    # Asked every hour until it answered, never after (once).
    assert 0 < len(calls) < 384


def test_a_policy_may_take_the_simulation_and_return_several_events(scenario):
    seen = []

    def policy(state, sim):
        seen.append(sim.time)
        if sim.time == "2022-01-04 10:00":
            return [{"kind": "posture", "where": "almaty-city", "posture": "restraint"},
                    {"kind": "legitimacy", "where": "national", "change": 0.05}]
        return None

    r = unrest.run(scenario, seed=1, scale=SCALE, policy=policy)
    assert len(seen) == 383  # after every hour but the last
    applied = r.events[r.events["id"].str.startswith("applied-")]
    assert list(applied["time"]) == [pd.Timestamp("2022-01-04 10:00")] * 2
