"""Jobs from data alone: each kind of job is one use case of workshop.actions, rebuilt from the job's stored
input and actor, so any process can run it (the studio's own threads, or ``flashapps worker`` on any host).

The actor is the signed-in owner's name or the anonymous maker's creator hash (workshop/makers.py), never a
secret. A task notes what it is about to make in ``job.state`` and stores the job before acting, so a retry
(a worker killed mid-job, a lost connection) continues the same draft or version instead of making another.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flashapps.errors import UserError
from flashapps.events import StageEvent
from flashapps.settings import Settings
from gallery import Gallery, UserView
from generator.providers import Provider, get_provider
from workshop.actions import Outcome, Workshop, sandbox_verifier
from workshop.makers import Maker, creator_hash
from workshop.projects import new_project_id

if TYPE_CHECKING:
    from workshop.jobs import Job

__all__ = ["KINDS", "TaskEnv", "actor_for", "default_env", "idempotency_key", "maker_key", "maker_of", "run"]

Emit = Callable[[StageEvent], None]


@dataclass
class TaskEnv:
    """Where a task finds its use cases, model provider and gallery (each made when first asked for)."""

    workshop: Callable[[], Workshop]
    provider: Callable[[], Provider]
    gallery: Callable[[], Gallery]


def provider_name() -> str:
    """``FLASHAPPS_PROVIDER`` when set, else what the settings page saved, else offline."""
    from generator.llm_settings import load_saved

    return os.environ.get("FLASHAPPS_PROVIDER") or load_saved().provider


def default_env(*, verify: bool = True) -> TaskEnv:
    """The environment of a worker: this host's ``FLASHAPPS_HOME``, its sandbox, the configured provider."""
    from gallery import GallerySettings, open_gallery

    return TaskEnv(
        workshop=lambda: Workshop(Settings(), verify=sandbox_verifier() if verify else None),
        provider=lambda: get_provider(provider_name()),
        gallery=lambda: open_gallery(GallerySettings()),
    )


# -- who asks --------------------------------------------------------------------------------------
def actor_for(owner: str | None = None, secret: str | None = None, maker: Maker | None = None) -> dict[str, str]:
    """What a job keeps of who asked: the signed-in owner's name and/or the hash of the browser's secret."""
    creator = None
    if maker is not None:
        owner, secret, creator = maker.username, maker.secret, maker.creator
    actor = {"owner": owner} if owner else {}
    if maker is not None and maker.local:
        actor["local"] = "yes"
    if secret or creator:
        actor["creator"] = creator_hash(secret) if secret else str(creator)
    return actor


def maker_of(actor: dict[str, str]) -> Maker:
    """The Maker a task acts as (the command line only when the job says so)."""
    return Maker(username=actor.get("owner"), creator=actor.get("creator"), local=actor.get("local") == "yes")


def maker_key(actor: dict[str, str]) -> str | None:
    """The maker a per-maker limit counts: an account, else an anonymous browser (by a short hash)."""
    if actor.get("owner"):
        return f"account:{actor['owner']}"
    if actor.get("creator"):
        return f"browser:{actor['creator'][:16]}"
    return None


def idempotency_key(kind: str, payload: dict[str, Any], actor: dict[str, str], *, window: float = 30,
                    now: float | None = None) -> str:  # fmt: skip
    """The same maker asking for exactly the same thing within one ``window`` of seconds: one job (a double
    click, a resent form)."""
    slot = int((time.time() if now is None else now) // window)
    text = json.dumps([kind, payload, actor, slot], sort_keys=True, ensure_ascii=False)
    return "auto:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


# -- the tasks --------------------------------------------------------------------------------------
def _owner(actor: dict[str, str]) -> str | None:
    return actor.get("owner") or None


def _viewer(env: TaskEnv, actor: dict[str, str]) -> UserView | None:
    owner = _owner(actor)
    return env.gallery().accounts.get(owner) if owner else None


def _new_id(job: Job, save: Callable[[], None]) -> str:
    """The new project's id, chosen once and stored with the job before anything is made."""
    if "project" not in job.state:
        job.state["project"] = new_project_id()
        save()
    return str(job.state["project"])


def _made(shop: Workshop, project_id: str, number: int, *, new: bool) -> dict[str, Any] | None:
    """The result of a version an earlier attempt of this job already made (checked now if it was not), or
    None when it was not made (a half-rendered folder of a new project is removed)."""
    folder = shop.projects.root / project_id
    if not shop.projects.exists(project_id) or shop.projects.next_number(project_id) <= number:
        if new:
            shutil.rmtree(folder, ignore_errors=True)
        return None
    version = shop.projects.version(project_id, number)
    report = version.verify
    if report is None and shop.verify is not None:
        report = shop.verify(shop.projects.bundle(project_id, number).path)
        shop.projects.record_verify(project_id, number, report)
    outcome = Outcome(project=project_id, version=number, bundle=shop.projects.bundle(project_id, number),
                      report=report, changes=version.changes)  # fmt: skip
    data = outcome.result()
    if new:
        data = {"project": project_id, "version": number, "passed": outcome.passed, "note": ""}
    return data


def _create(job: Job, env: TaskEnv, emit: Emit, save: Callable[[], None]) -> dict[str, Any]:
    shop, project_id = env.workshop(), _new_id(job, save)
    if (done := _made(shop, project_id, 1, new=True)) is not None:
        return done
    actor = job.actor
    return shop.create(
        str(job.input["idea"]), env.provider(), owner=_owner(actor), creator=actor.get("creator"),
        project_id=project_id, emit=emit,
    ).result()  # fmt: skip


def _remix(job: Job, env: TaskEnv, emit: Emit, save: Callable[[], None]) -> dict[str, Any]:
    shop, project_id = env.workshop(), _new_id(job, save)
    if (done := _made(shop, project_id, 1, new=True)) is not None:
        return done
    actor = job.actor
    if "app" in job.input:  # a published app
        return shop.remix(
            env.gallery(), str(job.input["app"]), job.input.get("version"), _viewer(env, actor),
            creator=actor.get("creator"), project_id=project_id, emit=emit,
        ).result()  # fmt: skip
    return shop.remix_draft(
        str(job.input["project"]), owner=_owner(actor), creator=actor.get("creator"), new_id=project_id, emit=emit,
    ).result()  # fmt: skip


def _next_version(act: Callable[[Workshop, Maker], Outcome]) -> Callable[..., dict[str, Any]]:
    """A task that adds a version to the job's project: the number it will make is noted first, so a retry
    after that version was made returns it instead of making one more."""

    def task(job: Job, env: TaskEnv, emit: Emit, save: Callable[[], None]) -> dict[str, Any]:
        shop, project_id = env.workshop(), str(job.input["project"])
        if "version" not in job.state:
            shop.projects.get(project_id)  # an unknown project fails here, before anything is noted
            job.state["version"] = shop.projects.next_number(project_id)
            save()
        elif (done := _made(shop, project_id, int(job.state["version"]), new=False)) is not None:
            return done
        return act(shop, maker_of(job.actor)).result()

    return task


def _edit(job: Job, env: TaskEnv, emit: Emit, save: Callable[[], None]) -> dict[str, Any]:
    project_id, sentence = str(job.input["project"]), str(job.input["sentence"])
    act = lambda shop, maker: shop.edit(project_id, sentence, env.provider(), actor=maker, emit=emit)  # noqa: E731
    return _next_version(act)(job, env, emit, save)


def _scope(job: Job, env: TaskEnv, emit: Emit, save: Callable[[], None]) -> dict[str, Any]:
    project_id, scope = str(job.input["project"]), job.input["scope"]
    act = lambda shop, maker: shop.set_scope(project_id, scope, actor=maker, emit=emit)  # noqa: E731
    return _next_version(act)(job, env, emit, save)


def _undo(job: Job, env: TaskEnv, emit: Emit, save: Callable[[], None]) -> dict[str, Any]:
    project_id, to = str(job.input["project"]), int(job.input["to"])
    act = lambda shop, maker: shop.undo(project_id, to, actor=maker, emit=emit)  # noqa: E731
    return _next_version(act)(job, env, emit, save)


Task = Callable[["Job", TaskEnv, Emit, Callable[[], None]], dict[str, Any]]

KINDS: dict[str, Task] = {"create": _create, "remix": _remix, "edit": _edit, "scope": _scope, "undo": _undo}
"""Each kind of job a queue can run from data alone, and the use case that runs it."""


def run(job: Job, env: TaskEnv, emit: Emit, save: Callable[[], None]) -> dict[str, Any]:
    """Runs ``job`` (its kind, input and actor) and returns its result as JSON data; a UserError says why not."""
    task = KINDS.get(job.kind)
    if task is None:
        raise UserError(f"This kind of job cannot run here: {job.kind}.", f"这里不能运行这类任务：{job.kind}。")
    return task(job, env, emit, save)
