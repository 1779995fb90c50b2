"""The AppSpec contract: strict, versioned, round-trips through JSON, and rejects dangling names."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError
from sample_specs import water_tracker

from flashapps.spec import SPEC_VERSION, AppSpec


def _data() -> dict:
    return water_tracker().model_dump(mode="json")


def _error(data: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        AppSpec.model_validate(data)
    return str(caught.value)


def test_json_round_trip_is_lossless() -> None:
    spec = water_tracker()
    again = AppSpec.from_json(spec.to_json())
    assert again == spec
    assert again.to_json() == spec.to_json()
    assert again.spec_version == SPEC_VERSION


def test_unknown_keys_are_rejected_everywhere() -> None:
    data = _data()
    data["screens"][0]["components"][0]["colour"] = "red"
    assert "colour" in _error(data)
    data = _data()
    data["extra"] = 1
    assert "extra" in _error(data)


def test_other_spec_versions_are_rejected() -> None:
    data = _data()
    data["spec_version"] = 2
    assert "spec_version" in _error(data)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["screens"][0]["components"][0].update(entity="meal"),
            "screens[0].components[0] (form 'add'): entity 'meal' does not exist",
        ),
        (
            lambda d: d["screens"][0]["components"][0].update(fields=["amount", "size"]),
            "field 'size' does not exist in entity 'drink'",
        ),
        (
            lambda d: d["screens"][0]["components"][1].update(metric="yesterday"),
            "screens[0].components[1] (metric 'today'): metric 'yesterday' does not exist",
        ),
        (
            lambda d: d["screens"][2]["components"][1]["results"][0].update(function="bmi"),
            "logic function 'bmi' does not exist",
        ),
        (
            lambda d: d["screens"][1]["components"][1].update(y="kind"),
            "field drink.kind is a choice, expected one of ['float', 'int', 'rating']",
        ),
        (
            lambda d: d["screens"][1]["components"][1].update(group_by="week", x="kind"),
            "field drink.kind is a choice, expected one of ['date']",
        ),
        (
            lambda d: d["brief"]["metrics"][0].update(field="volume"),
            "brief.metrics[0] ('today'): field 'volume' does not exist",
        ),
        (
            lambda d: d["key_paths"][0]["steps"][0].update(key="add__volume"),
            "key_paths[0] ('log_a_glass') steps[0]: no widget has key 'add__volume'",
        ),
        (lambda d: d["key_paths"][0]["steps"][1].update(action="check"), "cannot check a form_submit_button"),
        (lambda d: d["key_paths"][0]["expect"][0].update(output="today.total"), "output 'today.total' does not exist"),
        (lambda d: d["screens"][1]["components"][0].update(id="add"), "component id 'add' is defined 2 times"),
        (
            lambda d: d["logic"][0]["examples"][0].update(args={"mass": 60}),
            "example 0 gives arguments ['mass'], the function takes ['weight']",
        ),
        (
            lambda d: d["entities"][0]["seed"].append({"amount": "lots"}),
            "seed row 0 field 'amount': 'lots' is not a valid int",
        ),
        (lambda d: d["entities"][0]["fields"][1].update(options=[]), "is a choice and needs options"),
    ],
)
def test_dangling_references_are_reported_with_where_and_which(change, expected: str) -> None:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(_data())
    change(data)
    assert expected in _error(data)


def test_every_component_declares_widgets_that_key_paths_can_drive() -> None:
    spec = water_tracker()
    widgets = spec.widgets()
    assert widgets["add__amount"] == "number_input"
    assert widgets["add__kind"] == "selectbox"
    assert widgets["add__day"] == "date_input"
    assert widgets["add__submit"] == "form_submit_button"
    assert widgets["list__edit_note"] == "text_input"
    assert {"today.value", "today.progress", "conv.result", "calc.daily_need", "calc.error"} <= spec.outputs()
