"""What the studio pages call: jobs, projects, the gallery and links (no Streamlit here).

Work that takes time (create, change, undo, remix) runs as a job (generator.jobs), so a reload
does not lose it; generated apps never run in the studio's process: the runner serves them at
``app_url`` / ``draft_url`` on the studio's own origin.
"""

from __future__ import annotations

import io
import json
import logging
import os
import secrets
import time
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import qrcode

from gallery import AppView, Gallery, GallerySettings, PrivacyFinding, UserView, open_gallery, scan_spec
from generator.errors import UserError
from generator.flow import build, revise
from generator.jobs import InProcessRunner, Job, JobStore
from generator.pipeline import StageEvent
from generator.projects import ProjectStore, write_atomic
from generator.providers import Provider, get_provider
from generator.settings import Settings
from sandbox.report import VerifyReport

__all__ = [
    "app_url",
    "backend_banner",
    "banner",
    "draft_url",
    "gallery",
    "project_meta",
    "provider_name",
    "public_base",
    "publish",
    "qr_png",
    "runner",
    "serving",
    "share_url",
    "start_create",
    "start_edit",
    "start_remix",
    "start_undo",
    "store",
    "unexpected",
]

log = logging.getLogger("studio")


# -- where things are --------------------------------------------------------------------------
@lru_cache(maxsize=4)
def _runner(home: str) -> InProcessRunner:
    return InProcessRunner(JobStore(Path(home)), workers=2)


def runner() -> InProcessRunner:
    return _runner(str(Settings().home))


def store() -> ProjectStore:
    return ProjectStore(Settings().home)


@lru_cache(maxsize=4)
def _gallery(database_url: str, store_dir: str) -> Gallery:
    return open_gallery(GallerySettings(database_url=database_url, store_dir=Path(store_dir)))


def gallery() -> Gallery:
    """The gallery of this ``FLASHAPPS_HOME`` (opened, migrated and recovered once per process)."""
    settings = GallerySettings()
    return _gallery(settings.database_url, str(settings.store))


def app_url(slug: str, version: int | None = None) -> str:
    """Where the runner serves a published app (a given version: ``<slug>--v<n>``), on this origin."""
    return f"/apps/{slug}--v{version}/" if version else f"/apps/{slug}/"


def draft_url(project_id: str, version: int | None = None) -> str:
    """Where the runner serves the current version of a studio project (a draft).

    ``version`` only changes the address (``?v=<n>``), so the browser reloads the frame after a change.
    """
    return f"/apps/draft-{project_id}/" + (f"?v={version}" if version else "")


def public_base(headers: Mapping[str, str] | None = None) -> str:
    """``FLASHAPPS_PUBLIC_URL``, else the scheme and host this request came to."""
    configured = os.environ.get("FLASHAPPS_PUBLIC_URL", "").strip()
    if configured:
        return configured.rstrip("/")
    headers = headers or {}
    host = (headers.get("X-Forwarded-Host") or headers.get("Host") or "localhost:8501").split(",")[0].strip()
    scheme = (headers.get("X-Forwarded-Proto") or "http").split(",")[0].strip()
    return f"{scheme if scheme in ('http', 'https') else 'http'}://{host}"


def share_url(slug: str, headers: Mapping[str, str] | None = None) -> str:
    """The absolute link to an app's page: opens with no account, while the app is listed."""
    return f"{public_base(headers)}/app?app={slug}"


def qr_png(url: str) -> bytes:
    image = qrcode.make(url, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


def unexpected(exc: BaseException) -> UserError:
    """A plain sentence with a reference for an error nobody planned for; the details go to the log."""
    reference = secrets.token_hex(4)
    log.error("unexpected error [%s]", reference, exc_info=exc)
    return UserError(
        f"Something went wrong on our side (reference {reference}). Try again; if it keeps happening, "
        "report it with this reference.",
        f"我们这边出了点问题（编号 {reference}）。请再试一次；如果一直出现，请带上这个编号反馈给我们。",
    )


# -- verification ------------------------------------------------------------------------------
def _verify(folder: Path) -> VerifyReport:
    from sandbox.verify import verify

    return verify(folder)


def backend_banner() -> tuple[str, str] | None:
    """(en, zh) when verification is weaker than Docker here, or impossible."""
    from sandbox.verify import SandboxUnavailable, get_backend

    try:
        backend = get_backend()
    except SandboxUnavailable as exc:
        return (f"Apps cannot be verified here: {exc}.", f"这里无法验证应用：{exc}。")
    if backend.name == "docker":
        return None
    return (
        f"Apps are verified with {backend.name}, which is weaker than Docker (no cgroup limits). "
        "Start a Docker engine (make engine) for the full sandbox.",
        f"应用当前用 {backend.name} 验证，隔离弱于 Docker（没有 cgroup 限制）。"
        "运行 make engine 启动 Docker 可获得完整沙箱。",
    )


_SERVING: dict[str, Any] = {}


def serving(runner: Any) -> None:
    """The runner (gallery.runner.AppRunner) this process serves apps with; studio/server.py sets it."""
    _SERVING["runner"] = runner


def banner(runner: Any = None) -> tuple[str, str] | None:
    """(en, zh) when apps run or are verified with less isolation than Docker here, or cannot run.
    Studio pages call it with no argument: the runner this process serves apps with (``serving``),
    else the one the settings choose. What the runner uses comes first, then what verification uses."""
    from gallery.runner import AppRunner, RunnerUnavailable
    from gallery.runner_targets import Targets

    parts: list[tuple[str, str]] = []
    runner = runner or _SERVING.get("runner") or AppRunner(Targets())
    try:
        name = runner.backend_name
    except RunnerUnavailable as error:
        parts.append((error.message("en"), error.message("zh")))
        name = "docker"
    if name == "local":
        parts.append((
            "Apps run NOT ISOLATED on this machine (the local backend, development only). "
            "Start a Docker engine (make engine) or install bubblewrap for a sandbox.",
            "应用在本机未隔离运行（local 后端，仅供开发）。请启动 Docker（make engine）或安装 bubblewrap 以获得沙箱。",
        ))  # fmt: skip
    elif not name.startswith("docker"):
        parts.append((
            f"Apps run with {name}, which is weaker than Docker (no cgroup limits for a whole app). "
            "Start a Docker engine (make engine) for the full sandbox.",
            f"应用当前用 {name} 运行，隔离弱于 Docker（整个应用没有 cgroup 限制）。"
            "运行 make engine 启动 Docker 可获得完整沙箱。",
        ))  # fmt: skip
    verifying = backend_banner()
    if verifying is not None and verifying not in parts:
        parts.append(verifying)
    if not parts:
        return None
    return " ".join(en for en, _ in parts), "".join(zh for _, zh in parts)


def provider_name() -> str:
    """``FLASHAPPS_PROVIDER`` when set, else what the settings page saved, else offline."""
    from generator.llm_settings import load_saved

    return os.environ.get("FLASHAPPS_PROVIDER") or load_saved().provider


def _provider() -> Provider:
    return get_provider(provider_name())


Emit = Callable[[StageEvent], None]


def _step(emit: Emit, stage: Any, summary: str, began: float, ok: bool = True) -> None:
    elapsed = (time.perf_counter() - began) * 1000
    emit(StageEvent(stage=stage, summary=summary, elapsed_ms=elapsed, at_ms=elapsed, ok=ok))


def _render_and_verify(project_id: str, emit: Emit) -> dict[str, Any]:
    """Renders the project's current version, verifies it, records the report; the result of a job."""
    projects = store()
    version = projects.version(project_id)
    language = version.spec.brief.language
    began = time.perf_counter()
    bundle = projects.render(project_id, version.number)
    zh = language.startswith("zh")
    _step(emit, "render", f"{len(bundle.files)} 个文件" if zh else f"{len(bundle.files)} files", began)
    began = time.perf_counter()
    report = _verify(bundle.path)
    _step(emit, "verify", f"{report.backend}: {report.summary(language)}", began, ok=report.passed)
    projects.record_verify(project_id, version.number, report.model_dump(mode="json"))
    return {"project": project_id, "version": version.number, "passed": report.passed}


def _submit(kind: str, payload: dict[str, Any], work: Callable[[Emit], dict[str, Any]]) -> Job:
    def guarded(emit: Emit) -> dict[str, Any]:
        try:
            return work(emit)
        except UserError:
            raise
        except Exception as exc:
            raise unexpected(exc) from None

    return runner().submit(kind, payload, guarded)


# -- jobs --------------------------------------------------------------------------------------
def start_create(idea: str, owner: str | None = None) -> Job:
    settings = Settings()

    def work(emit: Emit) -> dict[str, Any]:
        staging = settings.home / "studio" / "building" / secrets.token_hex(6)
        result = build(idea, staging, verify=_verify, provider=_provider(), on_event=emit, settings=settings)
        generation = result.generation
        projects = store()
        project = projects.create(generation.idea, generation.spec, generation.provider, owner=owner)
        projects.render(project.id)  # the same files as verified (rendering is deterministic)
        if result.report is not None:
            projects.record_verify(project.id, 1, result.report)
        _remove(staging)
        return {"project": project.id, "version": 1, "passed": result.passed, "note": generation.note}

    return _submit("create", {"idea": idea}, work)


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def start_edit(project_id: str, sentence: str) -> Job:
    settings = Settings()

    def work(emit: Emit) -> dict[str, Any]:
        projects = store()
        project = projects.get(project_id)
        current = projects.version(project_id)
        spec, changes = revise(
            current.spec, project.idea, sentence, provider=_provider(), on_event=emit, settings=settings
        )
        projects.add(project_id, spec, sentence, changes)
        return _render_and_verify(project_id, emit) | {"changes": changes}

    return _submit("edit", {"project": project_id, "sentence": sentence}, work)


def start_undo(project_id: str, to: int) -> Job:
    def work(emit: Emit) -> dict[str, Any]:
        version = store().undo(project_id, to)
        return _render_and_verify(project_id, emit) | {"changes": version.changes}

    return _submit("undo", {"project": project_id, "to": to}, work)


def start_remix(slug: str, version: int | None, viewer: UserView | None) -> Job:
    """A new studio project from a published app's spec, verified; its lineage goes with it when published."""
    draft = gallery().apps.remix(slug, version, viewer)
    source = gallery().apps.get_by_slug(slug, viewer)

    def work(emit: Emit) -> dict[str, Any]:
        projects = store()
        idea = f"remix: {source.title}"
        project = projects.create(idea, draft.spec, "remix", owner=viewer.username if viewer else None)
        _save_meta(project.id, {"remix_of": [draft.source_slug, draft.source_version]})
        return _render_and_verify(project.id, emit)

    return _submit("remix", {"app": slug, "version": draft.source_version}, work)


# -- studio's own notes about a project: where it was published, what it remixes ----------------
def _meta_path(project_id: str) -> Path:
    store().get(project_id)  # checks the id
    return Settings().home / "studio" / "projects" / f"{project_id}.json"


def project_meta(project_id: str) -> dict[str, Any]:
    path = _meta_path(project_id)
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else {}


def _save_meta(project_id: str, values: dict[str, Any]) -> None:
    write_atomic(_meta_path(project_id), json.dumps(project_meta(project_id) | values))


def privacy_findings(project_id: str) -> list[PrivacyFinding]:
    return scan_spec(store().version(project_id).spec)


def publish(
    project_id: str,
    user: UserView | None,
    *,
    title: str | None = None,
    description: str | None = None,
    confirm_privacy: bool = False,
) -> AppView:
    """Publishes the project's current, verified version: a new app the first time, then new versions."""
    if user is None:
        raise UserError("Sign in to publish.", "请先登录再发布。")
    projects = store()
    owner = projects.get(project_id).owner
    if owner is not None and owner != user.username:
        raise UserError("This draft belongs to someone else; remix the published app to make your own.",
                        "这个草稿属于别人；请改编已发布的应用来做你自己的版本。")  # fmt: skip
    version = projects.version(project_id)
    if version.verify is None:
        raise UserError("This version has not been checked yet; wait for the check, then publish.",
                        "这个版本还没有检查完；等检查完成后再发布。")  # fmt: skip
    bundle = projects.render(project_id, version.number)
    meta = project_meta(project_id)
    remix = meta.get("remix_of")
    view = gallery().apps.publish(
        user,
        bundle,
        version.verify,
        app=meta.get("slug"),
        title=title or None,
        description=description or None,
        confirm_privacy=confirm_privacy,
        remix_of=(str(remix[0]), int(remix[1])) if remix and not meta.get("slug") else None,
    )
    projects.claim(project_id, user.username)
    _save_meta(project_id, {"slug": view.slug, "published_version": version.number})
    return view
