"""The review packet (only the idea, its criteria, what cannot be built, the spec and a screenshot:
nothing about how the app was made), the grade template, and the command lines of ``bench.fit``
and ``bench.eval --grades/--judge``.

``bench.eval`` is run here with its build-and-verify step replaced by one that writes a spec as a
build would (no sandbox, no browser: ``--no-shots``); the real step is tested in tests/eval."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sample_specs import water_tracker
from scripted_server import TEST_KEY, ScriptedServer, ok

from bench import eval as bench_eval
from bench import fit
from bench.eval import EvalRow
from bench.fit import Grade, spec_hash
from bench.ideas import Idea

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=="
)
IDEAS = [
    {"id": "water", "lang": "en", "category": "tracker", "feasible": "yes", "note": "",
     "idea": "Track how much water I drink each day", "acceptance": ["Log an amount", "See today's total"]},
    {"id": "noise", "lang": "en", "category": "classroom", "feasible": "partly", "note": "no microphone here",
     "idea": "Noise meter that listens through the mic", "acceptance": ["A traffic light", "Manual control"]},
    {"id": "broken", "idea": "喝水记录", "acceptance": ["记录"]},
]  # fmt: skip
SECRETS = ["pattern-SECRET", "summary-SECRET", "failed-SECRET", "error-SECRET", "offline", "eval-offline-shots"]


def _ideas_file(tmp_path: Path) -> Path:
    path = tmp_path / "ideas.jsonl"
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in IDEAS), encoding="utf-8")
    return path


def _eval_json(tmp_path: Path) -> Path:
    """A made-up eval report as ``bench.eval`` writes it: specs and a screenshot beside it."""
    out = tmp_path / "results"
    (out / "eval-offline-specs").mkdir(parents=True)
    (out / "eval-offline-shots").mkdir()
    (out / "eval-offline-shots" / "water.png").write_bytes(PNG)
    spec = water_tracker().to_json()
    rows = []
    for idea in IDEAS[:2]:
        (out / "eval-offline-specs" / f"{idea['id']}.json").write_text(spec, encoding="utf-8")
        rows.append(EvalRow(id=idea["id"], idea=idea["idea"], pattern="pattern-SECRET", summary="summary-SECRET",
                            failed=["failed-SECRET"], tokens=999, verified=True, spec_hash=spec_hash(json.loads(spec)),
                            spec_file=f"eval-offline-specs/{idea['id']}.json"))  # fmt: skip
    rows[0].shot = "eval-offline-shots/water.png"
    rows.append(EvalRow(id="broken", idea="喝水记录", error="error-SECRET"))
    totals = bench_eval.totals_of(rows, "offline", "ideas.jsonl", 1.0)
    path = out / "eval-offline.json"
    path.write_text(json.dumps({"totals": totals, "rows": [r.model_dump() for r in rows]}), encoding="utf-8")
    return path


def test_the_packet_holds_only_what_a_reviewer_needs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    packet = tmp_path / "packet"
    assert fit.main(["packet", "--eval", str(_eval_json(tmp_path)), "--ideas", str(_ideas_file(tmp_path)),
                     "--out", str(packet)]) == 0  # fmt: skip
    assert "2 ideas" in capsys.readouterr().out
    assert sorted(p.name for p in packet.iterdir()) == ["README.md", "grades-template.jsonl", "noise", "water"]
    water = sorted(p.name for p in (packet / "water").iterdir())
    assert water == ["idea.json", "idea.md", "screenshot.png", "spec.json"]
    assert not (packet / "noise" / "screenshot.png").exists()
    card = json.loads((packet / "noise" / "idea.json").read_text())
    assert set(card) == {"id", "idea", "details", "language", "acceptance", "feasible", "note", "spec_hash", "spec",
                         "screenshot"}  # fmt: skip
    assert card["feasible"] == "partly" and card["note"] == "no microphone here" and card["screenshot"] == ""
    assert card["spec_hash"] == spec_hash(water_tracker()) and card["acceptance"] == IDEAS[1]["acceptance"]
    assert json.loads((packet / "water" / "spec.json").read_text()) == water_tracker().model_dump(mode="json")
    assert (packet / "water" / "screenshot.png").read_bytes() == PNG
    md = (packet / "noise" / "idea.md").read_text()
    assert "1. A traffic light" in md and "built here:** partly" in md and "here:** no microphone here" in md
    assert "(no screenshot)" in md
    for path in packet.rglob("*"):
        if path.is_file() and path.suffix != ".png":
            text = path.read_text()
            for secret in SECRETS:
                assert secret not in text, (path, secret)
    readme = (packet / "README.md").read_text()
    assert "fit 2, fair fit" in readme and '"spec_hash"' in readme
    for word in ("planner", "pattern", "provider", "template files", "token"):
        assert word not in readme.lower()


def test_the_grade_template_merges_as_ungraded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    eval_json, ideas = _eval_json(tmp_path), _ideas_file(tmp_path)
    fit.main(["packet", "--eval", str(eval_json), "--ideas", str(ideas), "--out", str(tmp_path / "p")])
    template = tmp_path / "p" / "grades-template.jsonl"
    lines = [Grade.model_validate_json(line) for line in template.read_text().splitlines()]
    assert [g.id for g in lines] == ["water", "noise"] and all(g.fit is None for g in lines)
    assert fit.main(["merge", "--eval", str(eval_json), "--ideas", str(ideas), "--grades", str(template)]) == 0
    report = json.loads(eval_json.read_text())
    assert [i["status"] for i in report["fit"]["ideas"]] == ["ungraded", "ungraded", "no app"]
    assert "not yet known" in capsys.readouterr().out.lower()


def test_merge_writes_the_fit_into_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    eval_json, ideas = _eval_json(tmp_path), _ideas_file(tmp_path)
    digest = spec_hash(water_tracker())
    grades = tmp_path / "grades.jsonl"
    grades.write_text("\n".join([
        Grade(id="water", spec_hash=digest, fit=2, criteria_met=[True, True], language_ok=True,
              reviewer="reviewer-1").model_dump_json(),
        Grade(id="noise", spec_hash="0123456789abcdef", fit=2, honest=True).model_dump_json(),
        '{"id": "noise", "fit": "great"}',
    ]) + "\n")  # fmt: skip
    assert fit.main(["merge", "--eval", str(eval_json), "--ideas", str(ideas), "--grades", str(grades)]) == 0
    printed = capsys.readouterr().out
    assert "warning: grades.jsonl:3: not a grade line" in printed
    report = json.loads(eval_json.read_text())
    assert report["rows"][0]["pattern"] == "pattern-SECRET"  # the rest of the report is kept
    states = {i["id"]: i["status"] for i in report["fit"]["ideas"]}
    assert states == {"water": "graded", "noise": "stale", "broken": "no app"}
    assert report["fit"]["by_category"]["tracker"]["fit2"] == 1 and report["fit"]["grades"] == ["grades.jsonl"]
    assert report["fit"]["by_language"]["zh-Hans"]["fit0"] == 1  # "broken" has no lang: read from its text
    md = eval_json.with_suffix(".md").read_text()
    assert "## Fit" in md and "| water | tracker | en | 2 fair fit | 2/2 |" in md
    assert "| noise | classroom | en | stale |" in md


def test_template_prints_the_grade_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert fit.main(["template"]) == 0
    text = capsys.readouterr().out
    line = next(line for line in text.splitlines() if line.startswith("{"))
    assert Grade.model_validate_json(line).fit == 2
    assert "fit 1, partial" in text and "honest" in text and "language_ok" in text


def test_a_packet_needs_kept_specs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    eval_json = tmp_path / "eval-offline.json"
    eval_json.write_text(json.dumps({"totals": {}, "rows": [EvalRow(id="water", idea="x").model_dump()]}))
    code = fit.main(["packet", "--eval", str(eval_json), "--ideas", str(_ideas_file(tmp_path)), "--out", str(tmp_path)])
    assert code == 1 and "run bench.eval again" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        fit.main(["merge", "--eval", str(eval_json), "--ideas", "x.jsonl"])  # --grades is required


def _fake_evaluate(idea: Idea, provider_name: str, workdir: Path, backend: str | None = None) -> EvalRow:
    """Stands in for generate-render-verify: the bundle's spec.json, as a build leaves it."""
    if idea.id == "broken":
        return EvalRow(id=idea.id, idea=idea.text, error="could not build")
    spec = water_tracker()
    (workdir / idea.id).mkdir(parents=True)
    (workdir / idea.id / "spec.json").write_text(spec.to_json(), encoding="utf-8")
    return EvalRow(id=idea.id, idea=idea.text, verified=True, spec_hash=spec_hash(spec))


def test_eval_merges_grades_and_keeps_the_specs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_eval, "evaluate", _fake_evaluate)
    grades = tmp_path / "grades.jsonl"
    grades.write_text(Grade(id="water", spec_hash=spec_hash(water_tracker()), fit=1).model_dump_json() + "\n")
    out = tmp_path / "out"
    args = ["--ideas", str(_ideas_file(tmp_path)), "--out", str(out), "--no-shots", "--jobs", "1"]
    assert bench_eval.main([*args, "--grades", str(grades)]) == 0
    report = json.loads((out / "eval-offline.json").read_text())
    rows = {r["id"]: r for r in report["rows"]}
    assert rows["water"]["spec_file"] == "eval-offline-specs/water.json" and rows["broken"]["spec_file"] == ""
    assert spec_hash(json.loads((out / rows["water"]["spec_file"]).read_text())) == rows["water"]["spec_hash"]
    overall = report["fit"]["overall"]
    assert (overall["graded"], overall["fit1"], overall["fit0"], overall["ungraded"]) == (2, 1, 1, 1)
    assert "## Fit" in (out / "eval-offline.md").read_text()


def test_eval_flags_say_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the machine running the tests gives the judge a key
    args = ["--ideas", str(_ideas_file(tmp_path)), "--out", str(tmp_path), "--no-shots"]
    with pytest.raises(SystemExit) as exited:
        bench_eval.main([*args, "--grades", str(tmp_path / "missing.jsonl")])
    assert exited.value.code == 2 and "no grades file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        bench_eval.main([*args, "--judge"])  # offline: the judge is the openai provider, which has no key here
    assert exited.value.code == 2 and "FLASHAPPS_LLM_API_KEY" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        bench_eval.main([*args, "--judge", "--judge-provider", "offline"])
    assert exited.value.code == 2 and "--judge needs a model" in capsys.readouterr().err


def test_eval_judge_grades_like_a_reviewer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_eval, "evaluate", _fake_evaluate)
    verdicts = [{"criterion": 1, "met": True, "reason": "a form"}, {"criterion": 2, "met": False, "reason": "no"}]
    out = tmp_path / "out"
    with ScriptedServer() as server:
        server.script(ok({"verdicts": verdicts, "fit": 2, "honest": None, "language_ok": True, "notes": "logs water"}),
                      ok({"verdicts": verdicts, "fit": 1, "honest": True, "language_ok": True, "notes": "no mic"}))  # fmt: skip
        for name, value in {"BASE_URL": server.url, "API_KEY": TEST_KEY, "MODEL": "m", "MAX_RETRIES": "0"}.items():
            monkeypatch.setenv(f"FLASHAPPS_LLM_{name}", value)
        code = bench_eval.main(["--ideas", str(_ideas_file(tmp_path)), "--out", str(out), "--no-shots", "--jobs", "1",
                                "--judge"])  # fmt: skip
        prompts = [json.dumps(body["messages"], ensure_ascii=False) for body in server.bodies]
    assert code == 0 and len(prompts) == 2  # nothing was built for "broken": nothing to judge
    assert "fit 1, partial" in prompts[0] and "no microphone here" in prompts[1] and "only in part" in prompts[1]
    lines = [Grade.model_validate_json(x) for x in (out / "eval-offline.judge-grades.jsonl").read_text().splitlines()]
    assert [(g.id, g.fit, g.criteria_met, g.honest) for g in lines] == [
        ("water", 2, [True, False], None), ("noise", 1, [True, False], True)]  # fmt: skip
    assert lines[0].reviewer == "judge: m" and lines[0].spec_hash == spec_hash(water_tracker())
    report = json.loads((out / "eval-offline.json").read_text())
    assert report["fit"]["grades"] == ["eval-offline.judge-grades.jsonl"]
    assert report["fit"]["overall"]["fit2"] == 1 and report["fit"]["by_category"]["classroom"]["honest"] == 1
    md = (out / "eval-offline.md").read_text()
    assert "| water | tracker | en | 2 fair fit | 1/2 |" in md and TEST_KEY not in md
