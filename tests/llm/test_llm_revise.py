"""A follow-up sentence through a model: every stage sees its current output and the change."""

from __future__ import annotations

from collections.abc import Callable

from sample_specs import water_tracker
from scripted_server import ScriptedServer, ok

from flashapps.events import STAGES
from generator.build import revise
from generator.providers.openai_provider import OpenAIProvider
from generator.stages import split


def test_a_model_edit_runs_every_stage_with_the_change_as_data(
    scripted_server: ScriptedServer, make_provider: Callable[..., OpenAIProvider]
) -> None:
    spec = water_tracker()
    changed = spec.model_copy(deep=True)
    changed.brief.metrics[0].goal = 3000
    parts = split(changed)
    scripted_server.script(*(ok(parts[stage]) for stage in STAGES))
    sentence = "make the goal 3 litres"
    new_spec, changes = revise(spec, "water tracker", sentence, provider=make_provider())
    assert new_spec.brief.metrics[0].goal == 3000
    assert changes == [sentence]
    bodies = scripted_server.bodies
    assert len(bodies) == 6
    for body in bodies:
        text = "\n".join(str(m.get("content")) for m in body["messages"])
        assert sentence in text  # the change reaches every stage
        system = next(m["content"] for m in body["messages"] if m["role"] == "system")
        assert sentence not in system  # as data in the user message, never as instructions


def test_logic_written_by_a_model_is_laid_out_before_it_is_checked() -> None:
    from generator.render import render_files

    spec = water_tracker()
    spec.logic[0].body = "if weight<=0 :\n  raise ValueError( 'Weight must be above zero.' )\nreturn weight*35"
    source = render_files(spec)["logic.py"]
    assert '    if weight <= 0:\n        raise ValueError("Weight must be above zero.")' in source
