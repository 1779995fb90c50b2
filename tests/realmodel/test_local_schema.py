"""The local provider's grammar and tidying, without a model: fast, in every ``make test``.

What a 0.5B model may write is decided here: names from earlier stages as enums, bounded numbers
and texts, the spec's after-the-fact rules as alternatives; and what it still gets wrong is put
right before validation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashapps.spec import Entity
from flashapps.spec.data import DataField, Metric
from generator.localmodel import LocalServer
from generator.providers.base import StageRequest
from generator.providers.local_provider import STAGE_MAX_TOKENS, LocalProvider, _only_answer, _without_shape
from generator.providers.local_schema import local_schema, tidy
from generator.providers.openai_text import build_messages
from generator.stages import STAGE_OUTPUTS, DataOut, KeyPathsOut, LogicOut, ScreensOut, ValueOut

WATER = DataOut(
    entities=[
        Entity(
            name="drink",
            label="Drink",
            fields=[
                DataField(name="day", label="Day", type="date"),
                DataField(name="amount", label="Amount", type="int"),
                DataField(name="kind", label="Kind", type="choice", options=["water", "tea"]),
            ],
        )
    ],
    metrics=[Metric(name="total", label="Total", entity="drink", field="amount")],
)
SCREENS: dict[str, Any] = {
    "screens": [
        {
            "name": "main",
            "title": "Main",
            "components": [
                {"kind": "form", "id": "add", "entity": "drink"},
                {"kind": "table", "id": "log", "entity": "drink"},
                {
                    "kind": "calculator",
                    "id": "calc",
                    "inputs": [{"name": "weight", "label": "Weight"}],
                    "results": [{"function": "litres", "label": "Litres"}],
                },  # fmt: skip
            ],
        }
    ]
}


def _request(stage: str, idea: str = "an app to track my daily water intake", **done: Any) -> StageRequest:
    return StageRequest(idea=idea, stage=stage, done=done)  # type: ignore[arg-type]


def _defs(schema: dict[str, Any]) -> dict[str, Any]:
    return schema["$defs"]  # type: ignore[no-any-return]


def _strings_and_lists(node: Any, found: list[dict[str, Any]]) -> None:
    if isinstance(node, dict):
        if node.get("type") in ("string", "array"):
            found.append(node)
        for value in node.values():
            _strings_and_lists(value, found)
    elif isinstance(node, list):
        for item in node:
            _strings_and_lists(item, found)


def test_every_stage_schema_bounds_every_text_list_and_number() -> None:
    for output in STAGE_OUTPUTS.values():
        schema = local_schema(output)
        found: list[dict[str, Any]] = []
        _strings_and_lists(schema, found)
        for node in found:
            if node["type"] == "string":
                assert "maxLength" in node or "pattern" in node or "enum" in node, (output.__name__, node)
            else:
                assert "maxItems" in node, (output.__name__, node)
        text = json.dumps(schema)
        assert '"type": "number"' not in text or '"multipleOf": 0.0001' in text


def test_the_value_stage_speaks_the_ideas_language() -> None:
    assert local_schema(ValueOut, _request("value"))["properties"]["language"] == {"enum": ["en"]}
    zh = local_schema(ValueOut, _request("value", idea="帮我做一个记录每天睡眠时间的应用"))
    assert zh["properties"]["language"] == {"enum": ["zh-Hans", "zh-Hant"]}


def test_data_fields_take_options_only_when_they_are_choices() -> None:
    field = _defs(local_schema(DataOut))["DataField"]["anyOf"]
    plain, choice = field
    assert "options" not in plain["properties"] and "choice" not in plain["properties"]["type"]["enum"]
    assert choice["properties"]["options"]["minItems"] == 1 and "options" in choice["required"]
    tracker = local_schema(DataOut, _request("data", value={"category": "tracker"}))
    assert tracker["properties"]["entities"]["minItems"] == 1


def test_screens_use_the_data_stages_names() -> None:
    schema = local_schema(ScreensOut, _request("screens", data=WATER.model_dump(mode="json")))
    defs = _defs(schema)
    (form,) = defs["FormComponent"]["anyOf"]
    assert form["properties"]["entity"] == {"const": "drink"}
    assert form["properties"]["fields"]["items"] == {"enum": ["day", "amount", "kind"]}
    assert defs["MetricComponent"]["properties"]["metric"] == {"enum": ["total"]}
    charts = defs["ChartComponent"]["anyOf"]
    assert {json.dumps(c["properties"]["x"]) for c in charts} == {'{"enum": ["day"]}', '{"enum": ["kind"]}'}
    first = defs["FirstScreen"]["properties"]["components"]["prefixItems"]
    assert first == [{"$ref": "#/$defs/FormComponent"}, {"$ref": "#/$defs/TableComponent"}]


def test_screens_without_records_offer_no_record_components() -> None:
    schema = local_schema(ScreensOut, _request("screens", data=DataOut().model_dump(mode="json")))
    refs = json.dumps(_defs(schema)["Screen"]["properties"]["components"])
    assert "FormComponent" not in refs and "MetricComponent" not in refs and "CalculatorComponent" in refs


def test_logic_writes_exactly_the_calculators_functions() -> None:
    schema = local_schema(LogicOut, _request("logic", data=WATER.model_dump(mode="json"), screens=SCREENS))
    logic = schema["properties"]["logic"]
    assert logic["minItems"] == logic["maxItems"] == 1
    (function,) = logic["prefixItems"]
    assert function["properties"]["name"] == {"const": "litres"}
    (param,) = function["properties"]["params"]["prefixItems"]
    assert param["properties"] == {"name": {"const": "weight"}, "type": {"const": "float"}}
    args = function["properties"]["examples"]["items"]["properties"]["args"]
    assert args["required"] == ["weight"] and args["additionalProperties"] is False


def test_a_logic_stage_with_one_possible_answer_asks_no_model() -> None:
    no_calculator = {"screens": [{**SCREENS["screens"][0], "components": SCREENS["screens"][0]["components"][:2]}]}
    done = {"data": WATER.model_dump(mode="json")}
    assert _only_answer(_request("logic", **done, screens=no_calculator), LogicOut)
    assert not _only_answer(_request("logic", **done, screens=SCREENS), LogicOut)
    assert not _only_answer(_request("screens", **done), ScreensOut)
    provider = LocalProvider(server=LocalServer(Path("/nonexistent.gguf")))
    try:  # answered without the server: it is never started (there is no model file to start it with)
        assert provider.produce(_request("logic", **done, screens=no_calculator), LogicOut) == LogicOut(logic=[])
        assert provider.calls == [] and not provider.server.alive
    finally:
        provider.close()


def test_key_paths_drive_real_widgets_and_check_real_outputs() -> None:
    done = {"data": WATER.model_dump(mode="json"), "screens": SCREENS}
    defs = _defs(local_schema(KeyPathsOut, _request("key_paths", **done)))
    steps = defs["Step"]["anyOf"]
    sets = {
        s["properties"]["key"]["const"]: s["properties"]["value"] for s in steps if "const" in s["properties"]["key"]
    }
    assert sets["add__kind"] == {"enum": ["water", "tea"]}
    assert sets["add__day"]["pattern"].startswith("^20")
    assert sets["add__amount"]["type"] == "integer"
    clicks = next(s for s in steps if s["properties"]["action"] == {"const": "click"})
    assert "add__submit" in clicks["properties"]["key"]["enum"]
    outputs = {e["properties"]["output"]["const"] for e in defs["Expect"]["anyOf"]}
    assert {"add.saved", "log.rows", "calc.litres", "calc.error"} <= outputs
    # an app that keeps records: one path that fills in the first form, submits it and sees one record saved
    path = defs["KeyPath"]["properties"]
    keys = [step["properties"]["key"]["const"] for step in path["steps"]["prefixItems"]]
    assert keys == ["add__day", "add__amount", "add__kind", "add__submit"]
    assert path["steps"]["minItems"] == path["steps"]["maxItems"] == 4
    (expect,) = path["expect"]["prefixItems"]
    assert expect["properties"] == {"output": {"const": "add.saved"}, "op": {"const": "eq"}, "value": {"const": 1}}


def test_tidy_puts_right_what_the_grammar_cannot_say() -> None:
    data = {
        "entities": [{"name": "drink", "fields": [{"name": "day", "type": "date"}, {"name": "note", "type": "text"}]}],
        "metrics": [
            {"name": "m", "entity": "nope", "field": "note", "agg": "sum", "period": "week", "goal": 0},
            {"name": "m", "entity": "drink", "agg": "count"},
        ],
    }
    tidy("data", data)
    assert data["metrics"] == [{"name": "m", "entity": "drink", "agg": "count", "period": "week", "date_field": "day"}]
    screens = {
        "screens": [
            {
                "name": "a",
                "components": [
                    {"kind": "text", "id": "x"},
                    {
                        "kind": "quiz",
                        "id": "x",
                        "questions": [{"prompt": "?", "choices": ["a", "b", "b"], "answer": 5}],
                    },
                ],
            },  # fmt: skip
            {"name": "a", "components": [{"kind": "text", "id": "x"}]},
        ]
    }
    tidy("screens", screens)
    assert [s["name"] for s in screens["screens"]] == ["a", "a_2"]
    assert [c["id"] for s in screens["screens"] for c in s["components"]] == ["x", "x_2", "x_3"]
    question = screens["screens"][0]["components"][1]["questions"][0]
    assert question["choices"] == ["a", "b"] and question["answer"] == 1


def test_the_prompt_leaves_out_the_shape_and_each_stage_has_its_slot(tmp_path: Path) -> None:
    messages = build_messages(_request("feedback"), STAGE_OUTPUTS["feedback"])
    assert "Reply with one JSON object of this shape" in messages[1]["content"]
    trimmed = _without_shape(messages, STAGE_OUTPUTS["feedback"])
    assert "of this shape" not in trimmed[1]["content"] and trimmed[0] == messages[0]
    provider = LocalProvider(server=LocalServer(tmp_path / "model.gguf"))
    arguments = provider._arguments("local-small", messages, STAGE_OUTPUTS["feedback"])
    assert arguments["max_tokens"] == STAGE_MAX_TOKENS["feedback"] and arguments["temperature"] == 0
    assert "response_format" not in arguments
    assert arguments["extra_body"]["id_slot"] == 2
    grammar = arguments["extra_body"]["grammar"]
    assert grammar.startswith("%llguidance {}\nstart: %json ") and '"whitespace_flexible": false' in grammar
    provider.close()
