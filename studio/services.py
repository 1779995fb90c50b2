"""What the studio pages call: one job runner, the project store and the sandbox, per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.flow import build, revise
from generator.jobs import InProcessRunner, Job, JobStore
from generator.pipeline import StageEvent, new_bundle_dir
from generator.projects import ProjectStore
from generator.settings import Settings

__all__ = ["backend_banner", "runner", "start_create", "start_edit", "start_undo", "store"]


@lru_cache(maxsize=4)
def _runner(home: str) -> InProcessRunner:
    return InProcessRunner(JobStore(Path(home)), workers=2)


def runner() -> InProcessRunner:
    return _runner(str(Settings().home))


def store() -> ProjectStore:
    return ProjectStore(Settings().home)


def _verify(folder: Path) -> Any:
    from sandbox.verify import verify

    return verify(folder)


def backend_banner() -> tuple[str, str] | None:
    """(en, zh) when verification is weaker than Docker here, or impossible."""
    from sandbox.verify import SandboxUnavailable, get_backend

    try:
        backend = get_backend()
    except SandboxUnavailable as exc:
        return (
            f"Apps cannot be verified here: {exc}.",
            f"这里无法验证应用：{exc}。",
        )
    if backend.name == "docker":
        return None
    return (
        f"Apps are verified with {backend.name}, which is weaker than Docker (no cgroup limits). "
        "Start a Docker engine (make engine) for the full sandbox.",
        f"应用当前用 {backend.name} 验证，隔离弱于 Docker（没有 cgroup 限制）。"
        "运行 make engine 启动 Docker 可获得完整沙箱。",
    )


def start_create(idea: str) -> Job:
    settings = Settings()

    def work(emit: Any) -> dict[str, Any]:
        def target(generation: Any) -> Path:
            return new_bundle_dir(settings, generation.spec.brief.title, generation.idea)

        result = build(idea, target, verify=_verify, on_event=emit, settings=settings)
        project = store().create(result.generation.idea, result.generation.spec, result.generation.provider)
        if result.report is not None:
            store().record_verify(project.id, 1, result.report)
        return {
            "project": project.id,
            "bundle": str(result.bundle_path),
            "note": result.generation.note,
            "passed": result.passed,
            "report": result.report,
        }

    return runner().submit("create", {"idea": idea}, work)


def start_edit(project_id: str, sentence: str) -> Job:
    settings = Settings()

    def work(emit: Any) -> dict[str, Any]:
        projects = store()
        project = projects.get(project_id)
        current = projects.version(project_id)
        spec, changes = revise(current.spec, project.idea, sentence, on_event=emit, settings=settings)
        version = projects.add(project_id, spec, sentence, changes)
        bundle = projects.render(project_id, version.number)
        report = _verify(bundle.path).model_dump(mode="json")
        projects.record_verify(project_id, version.number, report)
        emit(StageEvent(stage="verify", summary=str(report.get("passed")), elapsed_ms=0, at_ms=0))
        return {"project": project_id, "bundle": str(bundle.path), "changes": changes, "passed": report["passed"],
                "report": report}  # fmt: skip

    return runner().submit("edit", {"project": project_id, "sentence": sentence}, work)


def start_undo(project_id: str, to: int) -> Job:
    def work(emit: Any) -> dict[str, Any]:
        projects = store()
        version = projects.undo(project_id, to)
        bundle = projects.render(project_id, version.number)
        report = _verify(bundle.path).model_dump(mode="json")
        projects.record_verify(project_id, version.number, report)
        return {"project": project_id, "bundle": str(bundle.path), "changes": version.changes,
                "passed": report["passed"], "report": report}  # fmt: skip

    return runner().submit("undo", {"project": project_id, "to": to}, work)
