"""Scenarios from Python: found by name or path, changed and checked by the scenario parser."""
import pytest

import unrest


def test_a_shipped_scenario_loads_by_name_by_path_and_by_default():
    by_name = unrest.load("kazakhstan-2022")
    assert by_name.kind == "national"
    assert by_name.path == "scenarios/kazakhstan-2022.toml"
    assert unrest.load("scenarios/kazakhstan-2022.toml").info == by_name.info
    assert unrest.load().path == by_name.path
    classic = unrest.load("epstein-2002/run2")
    assert classic.kind == "classic"


def test_a_file_on_disk_loads(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(unrest.load("epstein-2002/run2")._source["text"])
    s = unrest.load(str(path))
    assert s.path == str(path) and s.kind == "classic"


def test_a_missing_scenario_is_a_scenario_error_that_says_so():
    with pytest.raises(unrest.ScenarioError, match="no such file"):
        unrest.load("no-such-scenario")
    with pytest.raises(ValueError):  # ScenarioError is a ValueError
        unrest.load("no-such-scenario")


def test_a_bad_value_names_the_key_like_the_command_line_and_changes_nothing():
    s = unrest.load("kazakhstan-2022")
    with pytest.raises(unrest.ScenarioError) as caught:
        s.set("rules.arrest_rate", 2.5)
    assert caught.value.key == "rules.arrest_rate"
    assert "must be in [0, 1] (got 2.5)" in str(caught.value)
    assert s.changes == []  # the refused change was not kept


def test_an_unknown_key_suggests_the_nearest():
    s = unrest.load("kazakhstan-2022")
    with pytest.raises(unrest.ScenarioError, match="arrest_rate"):
        s.set("rules.arest_rate", 0.1)


def test_changes_chain_and_are_recorded_in_the_command_lines_spelling():
    s = unrest.load("kazakhstan-2022")
    s.set("rules.arrest_rate", 0.004).without("internet-blackout").counterfactual("early-concession")
    assert s.changes == ["rules.arrest_rate=0.004", "--counterfactual early-concession",
                         "--without internet-blackout"]
    assert s.name == "kazakhstan-2022-early-concession"
    events = s.events().set_index("id")
    assert not events.loc["internet-blackout", "enabled"]
    assert events.loc["lpg-price-doubles", "enabled"]


def test_unknown_event_and_counterfactual_are_refused():
    s = unrest.load("kazakhstan-2022")
    with pytest.raises(unrest.ScenarioError, match="no event has the id"):
        s.without("no-such-event")
    with pytest.raises(unrest.ScenarioError):
        s.counterfactual("no-such-counterfactual")


def test_a_copy_is_independent():
    base = unrest.load("kazakhstan-2022")
    variant = base.copy().set("rules.arrest_rate", 0.004)
    assert base.changes == [] and variant.changes == ["rules.arrest_rate=0.004"]


def test_keys_list_every_behaviour_parameter_with_meaning_range_and_value_here():
    s = unrest.load("kazakhstan-2022").set("rules.arrest_rate", 0.004)
    keys = s.keys().set_index("key")
    row = keys.loc["rules.arrest_rate"]
    assert row["value"] == pytest.approx(0.004)
    assert (row["low"], row["high"]) == (0, 1)
    assert len(row["meaning"]) > 10
    assert all(keys["meaning"].str.len() > 0)


def test_scenarios_and_counterfactuals_are_listed():
    table = unrest.scenarios().set_index("name")
    assert "kazakhstan-2022" in table.index and "epstein-2002/run2" in table.index
    assert "early-concession" in table.loc["kazakhstan-2022", "counterfactuals"]
    assert "concede-at-20000" in list(unrest.load().counterfactuals()["id"])


def test_national_options_on_a_classic_scenario_are_refused():
    with pytest.raises(unrest.ScenarioError, match="national scenarios only"):
        unrest.run(unrest.load("epstein-2002/run2"), scale=0.5)


def test_errors_carry_the_command_lines_file_line_key_message(cli, tmp_path):
    text = unrest.load("epstein-2002/run2")._source["text"]
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("vision"))
    lines[at] = "visoin = 7"
    path = tmp_path / "typo.toml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(unrest.ScenarioError) as caught:
        unrest.load(str(path))
    error = caught.value
    assert (error.file, error.line) == (str(path), at + 1)
    assert "did you mean" in error.message
    by_cli = cli("validate", str(path), check=False)
    assert by_cli.returncode == 2 and str(error) in by_cli.stderr
