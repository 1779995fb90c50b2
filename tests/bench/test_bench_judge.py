"""The eval judge against the scripted OpenAI-compatible server: verdicts per criterion, the
screenshot as an image when the model takes one, text alone when it does not."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sample_specs import water_tracker
from scripted_server import TEST_KEY, ScriptedServer, error, ok

from bench.judge import Judge
from flashapps.errors import UserError
from generator.llm_settings import LLMSettings
from generator.providers.openai_provider import OpenAIProvider

CRITERIA = ["User can log an amount of water", "User can see a chart of past weeks", "User can share by e-mail"]
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def server() -> ScriptedServer:
    with ScriptedServer() as running:
        yield running  # type: ignore[misc]


def _judge(server: ScriptedServer) -> Judge:
    settings = LLMSettings(_env_file=None, base_url=server.url, api_key=TEST_KEY, model="judge-model", max_retries=0)
    return Judge(OpenAIProvider(settings))


def _verdicts(*met: bool) -> dict[str, object]:
    return {"verdicts": [{"criterion": n, "met": m, "reason": f"reason {n}"} for n, m in enumerate(met, start=1)]}


def _user_content(body: dict) -> object:
    return next(m["content"] for m in body["messages"] if m["role"] == "user")


def test_verdicts_per_criterion_with_the_screenshot(server: ScriptedServer, tmp_path: Path) -> None:
    shot = tmp_path / "app.png"
    shot.write_bytes(PNG)
    server.script(ok(_verdicts(True, False, False)))
    verdicts = _judge(server).judge("track my water", water_tracker(), CRITERIA, shot)
    assert [v.met for v in verdicts] == [True, False, False]
    assert [v.criterion for v in verdicts] == CRITERIA and verdicts[1].reason == "reason 2"
    content = _user_content(server.bodies[0])
    assert isinstance(content, list)
    text = next(part["text"] for part in content if part["type"] == "text")
    image = next(part["image_url"]["url"] for part in content if part["type"] == "image_url")
    assert image == "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert "Water Tracker" in text and "3. User can share by e-mail" in text


def test_a_text_only_model_is_asked_again_without_the_image(server: ScriptedServer, tmp_path: Path) -> None:
    shot = tmp_path / "app.png"
    shot.write_bytes(PNG)
    server.script(error(400, "image input is not supported by this model"), ok(_verdicts(True, True, False)))
    judge = _judge(server)
    verdicts = judge.judge("track my water", water_tracker(), CRITERIA, shot)
    assert [v.met for v in verdicts] == [True, True, False]
    assert isinstance(_user_content(server.bodies[0]), list)
    assert isinstance(_user_content(server.bodies[1]), str) and "no screenshot" in _user_content(server.bodies[1])
    server.script(ok(_verdicts(False, False, False)))
    judge.judge("track my water", water_tracker(), CRITERIA, shot)
    assert isinstance(_user_content(server.bodies[2]), str)  # text from then on


def test_a_malformed_reply_is_sent_back_and_a_missing_verdict_is_marked(server: ScriptedServer) -> None:
    server.script(ok("not json"), ok({"verdicts": [{"criterion": 2, "met": True, "reason": "it has a chart"}]}))
    verdicts = _judge(server).judge("track my water", water_tracker(), CRITERIA)
    assert [v.met for v in verdicts] == [None, True, None]
    assert verdicts[0].reason == "no verdict"
    assert "does not fit" in json.dumps(server.bodies[1]["messages"][-1])


def test_no_valid_reply_is_a_user_error(server: ScriptedServer) -> None:
    server.script(ok("nope"), ok("still nope"))
    with pytest.raises(UserError, match="no valid verdicts"):
        _judge(server).judge("track my water", water_tracker(), CRITERIA)
    assert len(server.bodies) == 2


def test_no_criteria_asks_nothing(server: ScriptedServer) -> None:
    assert _judge(server).judge("track my water", water_tracker(), []) == []
    assert server.bodies == []
