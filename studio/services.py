"""What the studio pages call: jobs, projects, the gallery and links (no Streamlit here).

Work that takes time (create, change, undo, remix) runs as a job (workshop.jobs), so a reload
does not lose it; generated apps never run in the studio's process: the runner serves them at
``app_url`` / ``draft_url`` on the studio's own origin.
"""

from __future__ import annotations

import io
import logging
import os
import secrets
import threading
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import qrcode

from flashapps.errors import UserError
from flashapps.settings import Settings
from gallery import AppView, Gallery, GallerySettings, PrivacyFinding, UserView, open_gallery, scan_spec
from generator.providers import get_provider
from studio import links
from studio.limits import MakerLimits
from workshop import tasks
from workshop.actions import Emit, Maker, Workshop, sandbox_verifier
from workshop.jobs import InProcessQueue, Job, JobQueue, JobStore, queue_url
from workshop.projects import ProjectStore, open_projects

__all__ = [
    "app_url",
    "asked_by",
    "backend_banner",
    "banner",
    "cancel",
    "close_opened",
    "draft_url",
    "failed_jobs",
    "gallery",
    "project_meta",
    "provider_name",
    "public_base",
    "publish",
    "qr_png",
    "jobs",
    "may_change",
    "position",
    "privacy_findings",
    "projects",
    "serving",
    "share_url",
    "start_create",
    "start_edit",
    "start_remix",
    "start_remix_draft",
    "start_undo",
    "unexpected",
    "workshop",
]

log = logging.getLogger("studio")


# -- where things are --------------------------------------------------------------------------
_OPENING = threading.RLock()
"""Held while the queue or the gallery is first opened: each migrates its database, which Alembic cannot do
on two threads at once."""


@lru_cache(maxsize=4)
def _jobs(home: str, queue_url: str) -> JobQueue:
    # drafts and runs an hour per maker; old jobs and abandoned drafts pruned at most hourly (workshop/jobs.py)
    if queue_url:  # PostgreSQL: procrastinate, run by `flashapps worker` on any host (workshop/pgqueue.py)
        from workshop.pgqueue import PgQueue

        return PgQueue(queue_url, admit=MakerLimits().admit)
    return InProcessQueue(JobStore(Path(home)), workers=2, admit=MakerLimits().admit, sweep_every=3600,
                          runner=_run_task)  # fmt: skip


def jobs() -> JobQueue:
    """The queue that runs this ``FLASHAPPS_HOME``'s jobs (create, edit, undo, remix): in this process, or in
    PostgreSQL when the jobs database setting is a PostgreSQL URL (workshop/pgqueue.py)."""
    home, url = str(Settings().home), queue_url()
    with _OPENING:  # the first requests of a fresh replica arrive together: one opens (and migrates)
        return _jobs(home, url)


def _task_env() -> tasks.TaskEnv:
    return tasks.TaskEnv(workshop=workshop, provider=lambda: get_provider(provider_name()), gallery=gallery)


def _run_task(job: Job, emit: Emit, save: Callable[[], None]) -> dict[str, Any]:
    """A job run in this process, from its data, with this module's workshop (tests replace it)."""
    try:
        return tasks.run(job, _task_env(), emit, save)
    except UserError:
        raise
    except Exception as exc:
        raise unexpected(exc) from None


def asked_by(job: Job, actor: Maker) -> bool:
    """Whether ``actor`` (the signed-in account, or this browser's secret) asked for this job."""
    mine = tasks.actor_for(maker=actor)
    return any(mine.get(k) and mine.get(k) == job.actor.get(k) for k in ("owner", "creator"))


def cancel(job_id: str, actor: Maker) -> bool:
    """Cancels a waiting (or running) job for the maker who asked for it; False when it is not theirs or it is
    over."""
    return asked_by(jobs().store.get(job_id), actor) and jobs().cancel(job_id)


def position(job_id: str) -> int | None:
    """A waiting job's place in the queue (1: next), None once it runs or ended."""
    return jobs().position(job_id)


def failed_jobs(viewer: UserView | None, limit: int = 100) -> list[Job]:
    """The jobs that failed for good, newest first: for maintainers only."""
    if viewer is None or not viewer.is_maintainer:
        raise UserError("Only maintainers can see failed jobs.", "只有维护者可以查看失败的任务。")
    return list(jobs().store.failed(limit))


def projects() -> ProjectStore:
    return open_projects(Settings())


_OPENED: list[Gallery] = []
"""Every gallery ``_gallery`` opened, so ``close_opened`` can close them (one leaving the cache is not closed by
it: its connections would be left to the garbage collector)."""


@lru_cache(maxsize=4)
def _gallery(database_url: str, store_dir: str) -> Gallery:
    opened = open_gallery(GallerySettings(database_url=database_url, store_dir=Path(store_dir)))
    _OPENED.append(opened)
    return opened


def close_opened() -> None:
    """Closes the galleries this process opened and forgets them: before their database goes away (a test's own
    PostgreSQL server), or when the process stops."""
    with _OPENING:
        _gallery.cache_clear()
        while _OPENED:
            _OPENED.pop().close()


def gallery() -> Gallery:
    """The gallery of this ``FLASHAPPS_HOME`` (opened, migrated and recovered once per process)."""
    settings = GallerySettings()
    with _OPENING:  # Alembic's upgrade is not thread-safe: the gallery is opened by one thread
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
    """``FLASHAPPS_PUBLIC_URL``, else the scheme and host this request came to (studio/links.py)."""
    return links.public_base(headers)


def share_url(slug: str, headers: Mapping[str, str] | None = None) -> str:
    """The absolute link a class opens: the app full-screen (the visitor's page), no account needed."""
    return f"{public_base(headers)}{links.visit_path(slug)}"


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
    """The runner (studio.serving.runner.AppRunner) this process serves apps with; studio/server.py sets it."""
    _SERVING["runner"] = runner


def banner(runner: Any = None) -> tuple[str, str] | None:
    """(en, zh) when apps run or are verified with less isolation than Docker here, or cannot run.
    Studio pages call it with no argument: the runner this process serves apps with (``serving``),
    else the one the settings choose. What the runner uses comes first, then what verification uses."""
    from studio.serving.runner import AppRunner, RunnerUnavailable
    from studio.serving.targets import Targets

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
    from sandbox.backends.quota import can_mount

    if not can_mount():  # each app's data quota: a filesystem of its own needs root and loop devices
        parts.append((
            "Each app's data quota is only watched here (an app found over it is stopped), not held by a "
            "filesystem of its own: run the studio as root with loop devices for that.",
            "这里每个应用的数据配额只是巡查（发现超出就停止该应用），没有独立的文件系统限定："
            "以 root 身份并在有 loop 设备的机器上运行工作室即可。",
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


def workshop() -> Workshop:
    """The use cases over this ``FLASHAPPS_HOME``, checking apps in the sandbox."""
    return Workshop(Settings(), verify=sandbox_verifier())


def _queue(kind: str, payload: dict[str, Any], actor: dict[str, str], key: str | None) -> Job:
    """Submits a job that runs from its data (workshop/tasks.py) on whichever queue this studio uses. Without a
    ``key`` one is derived from the maker and the exact input over a short window: a double click is one job."""
    if key is None and (actor.get("owner") or actor.get("creator")):
        key = tasks.idempotency_key(kind, payload, actor)
    return jobs().submit(kind, payload, key=key, maker=tasks.maker_key(actor), actor=actor)


# -- jobs --------------------------------------------------------------------------------------
def start_create(
    idea: str, owner: str | None = None, secret: str | None = None, *, idempotency_key: str | None = None
) -> Job:
    """A new draft, made by the signed-in ``owner``, else by the browser holding ``secret`` (workshop.makers)."""
    return _queue("create", {"idea": idea}, tasks.actor_for(owner, secret), idempotency_key)


def may_change(project_id: str, actor: Maker) -> bool:
    """Whether ``actor`` made this draft (may change and publish it); anyone with its link may look at it."""
    return workshop().may_change(project_id, actor)


def start_edit(project_id: str, sentence: str, actor: Maker, *, idempotency_key: str | None = None) -> Job:
    payload = {"project": project_id, "sentence": sentence}
    return _queue("edit", payload, tasks.actor_for(maker=actor), idempotency_key)


def start_scope(project_id: str, scope: str, actor: Maker) -> Job:
    """The switch for whose records an app keeps: personal, shared or submissions (a new version)."""
    return _queue("scope", {"project": project_id, "scope": scope}, tasks.actor_for(maker=actor), None)


def start_undo(project_id: str, to: int, actor: Maker) -> Job:
    return _queue("undo", {"project": project_id, "to": to}, tasks.actor_for(maker=actor), None)


def start_remix(slug: str, version: int | None, viewer: UserView | None, secret: str | None = None) -> Job:
    """A new studio project from a published app's spec, verified; its lineage goes with it when published.
    Made by ``viewer``, else by the browser holding ``secret``."""
    number = gallery().apps.remix(slug, version, viewer).source_version  # refused here, before a job
    actor = tasks.actor_for(viewer.username if viewer else None, secret)
    return _queue("remix", {"app": slug, "version": number}, actor, None)


def start_remix_draft(project_id: str, owner: str | None, secret: str | None) -> Job:
    """A draft of one's own from someone else's draft (its current version), made by ``owner`` or ``secret``."""
    projects().get(project_id)  # an unknown draft is refused here, before a job
    return _queue("remix", {"project": project_id}, tasks.actor_for(owner, secret), None)


def project_meta(project_id: str) -> dict[str, Any]:
    """What the studio noted about a project: where it was published (``slug``), what it remixes."""
    return projects().meta(project_id)


def privacy_findings(project_id: str) -> list[PrivacyFinding]:
    return scan_spec(projects().version(project_id).spec)


def publish(
    project_id: str,
    user: UserView | None,
    *,
    secret: str | None = None,
    title: str | None = None,
    description: str | None = None,
    confirm_privacy: bool = False,
) -> AppView:
    """Publishes the project's current, verified version: a new app the first time, then new versions.
    ``user`` made the draft, or made it anonymously in the browser holding ``secret``."""
    return workshop().publish(gallery(), project_id, user, secret=secret, title=title, description=description,
                              confirm_privacy=confirm_privacy)  # fmt: skip
