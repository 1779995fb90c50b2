"""The use cases both front doors share: create, edit, undo, remix and publish a maker's app.

The command line and the studio call these and nothing else, so both record the same versions,
checks, provider and model costs. Each version is rendered once into the project's folder; that
folder is verified, its content hash kept with the version, and exactly those bytes are published
and served (the hash is checked again before either).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from flashapps.bundle import AppBundle
from flashapps.errors import UserError
from flashapps.events import StageEvent
from flashapps.report import VerifyReport
from flashapps.settings import Settings
from flashapps.spec import AppSpec, Scope
from flashapps.spec.base import Language
from gallery import AppView, Gallery, UserView
from generator.build import RepairRound, Verify, announce, build, render_announced, revise, verify_summary
from generator.generate import Generation, usage_of
from generator.planner.scope import SAID, with_scope
from generator.providers import Provider
from workshop.content import fill_from_file, refuse_placeholders
from workshop.makers import Maker, creator_hash, may_change, refuse_unless_maker
from workshop.projects import Project, Version, new_project_id, open_projects

__all__ = ["Emit", "Maker", "Outcome", "VerifyUnavailable", "Workshop", "sandbox_verifier"]

Emit = Callable[[StageEvent], None]


class VerifyUnavailable(UserError):
    """No sandbox can check apps here (nothing was recorded as checked)."""


def sandbox_verifier(backend: str | None = None) -> Verify:
    """Checks a bundle in the sandbox (``backend``: auto, docker, bubblewrap or local)."""
    from sandbox.verify import SandboxUnavailable, verify

    def check(folder: Path) -> VerifyReport:
        try:
            return verify(folder, backend=backend)
        except SandboxUnavailable as exc:
            raise VerifyUnavailable(f"Cannot check the app here: {exc}.", f"这里无法检查应用：{exc}。") from exc

    return check


def _creator(owner: str | None, secret: str | None) -> str | None:
    """What a new project keeps of its anonymous creator (nothing when a signed-in ``owner`` made it)."""
    return creator_hash(secret) if secret and not owner else None


class Outcome(BaseModel):
    """What one action made: a version of a project, its kept bundle and its check."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    project: str
    version: int
    bundle: AppBundle
    report: VerifyReport | None = None
    changes: list[str] = Field(default_factory=list)
    not_done: list[str] = Field(default_factory=list, description="what a follow-up asked that was not made, and why")
    note: str = ""
    generation: Generation | None = Field(default=None, description="the generation, for a new project")
    rounds: list[RepairRound] = Field(default_factory=list)

    @property
    def passed(self) -> bool | None:
        """None when the version was not checked."""
        return None if self.report is None else self.report.passed

    def result(self) -> dict[str, Any]:
        """The outcome as a job's result (JSON data)."""
        data: dict[str, Any] = {"project": self.project, "version": self.version, "passed": self.passed}
        if self.generation is not None:
            data["note"] = self.note
        else:
            data["changes"] = self.changes
            data["not_done"] = self.not_done
        return data


class Workshop:
    """A maker's projects under one home folder; ``verify`` None skips checking (``--no-verify``).

    Anyone may look at a project; changing or publishing one needs its maker (``actor``, see
    workshop/makers.py): every method that does says who is acting, whichever front door calls it.
    """

    def __init__(self, settings: Settings | None = None, *, verify: Verify | None = None) -> None:
        self.settings = settings or Settings()
        self.projects = open_projects(self.settings)
        self.verify = verify

    # -- new projects ------------------------------------------------------------------------
    def create(
        self,
        idea: str,
        provider: Provider,
        *,
        owner: str | None = None,
        secret: str | None = None,
        language: Language | None = None,
        emit: Emit | None = None,
        creator: str | None = None,
        project_id: str | None = None,
    ) -> Outcome:
        """Generates, renders and checks (with bounded repair) version 1 of a new project, made by the signed-in
        ``owner``, else by the browser holding ``secret``, else (neither) on the command line.
        A job passes the ``creator`` hash instead of a secret, and the ``project_id`` it chose before starting."""
        project_id = project_id or new_project_id()
        folder = self.projects.bundle_dir(project_id, 1)
        try:
            result = build(
                idea, folder, verify=self.verify, provider=provider, language=language, on_event=emit,
                settings=self.settings,
            )  # fmt: skip
        except BaseException:
            shutil.rmtree(folder.parent.parent, ignore_errors=True)
            raise
        generation = result.generation
        self.projects.create(
            generation.idea, generation.spec, generation.provider, owner=owner, project_id=project_id,
            digest=result.bundle.digest, calls=generation.calls, creator=creator or _creator(owner, secret),
        )  # fmt: skip
        if result.report is not None:
            self.projects.record_verify(project_id, 1, result.report)
        return Outcome(
            project=project_id, version=1, bundle=result.bundle, report=result.report, note=generation.note,
            generation=generation, rounds=result.rounds,
        )  # fmt: skip

    def remix(self, gallery: Gallery, slug: str, version: int | None, viewer: UserView | None,
              *, secret: str | None = None, emit: Emit | None = None, creator: str | None = None,
              project_id: str | None = None) -> Outcome:  # fmt: skip
        """A new project from a published app's spec; its lineage goes with it when it is published.
        Made by ``viewer``, else by the browser holding ``secret`` (a job: its ``creator`` hash)."""
        draft = gallery.apps.remix(slug, version, viewer)
        source = gallery.apps.get_by_slug(slug, viewer)
        project_id = project_id or new_project_id()
        bundle = self._render(project_id, 1, draft.spec, emit)
        self.projects.create(
            f"remix: {source.title}", draft.spec, "remix", owner=viewer.username if viewer else None,
            project_id=project_id, digest=bundle.digest,
            creator=creator or _creator(viewer.username if viewer else None, secret),
        )  # fmt: skip
        self.projects.save_meta(project_id, {"remix_of": [draft.source_slug, draft.source_version]})
        report = self._check(project_id, 1, bundle, draft.spec.brief.language, emit)
        return Outcome(project=project_id, version=1, bundle=bundle, report=report)

    def remix_draft(self, project_id: str, *, owner: str | None = None, secret: str | None = None,
                    emit: Emit | None = None, creator: str | None = None,
                    new_id: str | None = None) -> Outcome:  # fmt: skip
        """A new project of one's own from the current version of a draft someone else made (anyone with its
        link may look at it): made by the signed-in ``owner``, else by the browser holding ``secret`` (a job: its
        ``creator`` hash)."""
        source = self.projects.get(project_id)
        spec = self.projects.version(project_id).spec
        new_id = new_id or new_project_id()
        bundle = self._render(new_id, 1, spec, emit)
        self.projects.create(
            source.idea, spec, "remix", owner=owner, project_id=new_id, digest=bundle.digest,
            creator=creator or _creator(owner, secret),
        )  # fmt: skip
        report = self._check(new_id, 1, bundle, spec.brief.language, emit)
        return Outcome(project=new_id, version=1, bundle=bundle, report=report)

    def may_change(self, project_id: str, actor: Maker) -> bool:
        """Whether ``actor`` made the project (may change and publish it); anyone may look at it."""
        project = self.projects.get(project_id)
        return may_change(project.owner, project.creator, actor)

    def _mine(self, project_id: str, actor: Maker) -> Project:
        """The project, when ``actor`` made it; else the NotYourDraft error (nothing is changed or spent)."""
        project = self.projects.get(project_id)
        refuse_unless_maker(project.owner, project.creator, actor)
        return project

    def adopt(self, folder: Path) -> Project:
        """The project behind an app folder; a folder made elsewhere becomes a project of its own."""
        if not (folder / "spec.json").is_file():
            raise UserError(
                f"{folder} is not an app folder (no spec.json).", f"{folder} 不是应用文件夹（没有 spec.json）。"
            )
        found = self.projects.find_bundle(folder)
        if found is not None:
            return found
        spec = AppSpec.from_json((folder / "spec.json").read_text(encoding="utf-8"))
        project_id = new_project_id()
        bundle = self._render(project_id, 1, spec, None)
        return self.projects.create(spec.brief.title, spec, bundle=folder, project_id=project_id, digest=bundle.digest)

    def copy_out(self, project_id: str, folder: Path) -> Path:
        """Puts the current version's checked files in ``folder`` (its ``data/`` stays) and remembers it."""
        bundle = self.checked_bundle(project_id)
        folder = Path(folder).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        for entry in folder.iterdir():
            if entry.name != "data":
                shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
        for name in bundle.files:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(bundle.path / name, target)
        self.projects.keep_copy_in(project_id, folder)
        return folder

    # -- new versions ------------------------------------------------------------------------
    def edit(self, project_id: str, sentence: str, provider: Provider, *, actor: Maker,
             emit: Emit | None = None) -> Outcome:  # fmt: skip
        """A follow-up sentence as the project's next version."""
        project = self._mine(project_id, actor)
        current = self.projects.version(project_id)
        not_done: list[str] = []
        spec, changes = revise(
            current.spec, project.idea, sentence, provider=provider, on_event=emit, settings=self.settings,
            not_done=not_done,
        )  # fmt: skip
        outcome = self._next(project_id, spec, sentence, changes, provider.name, usage_of(provider), emit)
        outcome.not_done = not_done
        return outcome

    def fill_content(self, project_id: str, filename: str, data: bytes, *, actor: Maker,
                     emit: Emit | None = None) -> Outcome:  # fmt: skip
        """A teacher's CSV or Excel file as the content of the current version's quiz, cards or picker: the next
        version (a file that cannot be used raises UserError and changes nothing)."""
        self._mine(project_id, actor)
        spec, changes = fill_from_file(self.projects.version(project_id).spec, filename, data)
        return self._next(project_id, spec, f"upload: {filename}", changes, "upload", [], emit)

    def set_scope(self, project_id: str, scope: Scope, *, actor: Maker, emit: Emit | None = None) -> Outcome:
        """Whose records the app keeps (the switch beside the app): the next version, every kind of record in
        ``scope``; the records already kept stay where they are, each still noted with its visitor."""
        self._mine(project_id, actor)
        current = self.projects.version(project_id).spec
        if all(e.scope == scope for e in current.entities) and current.brief.scope == (
            "shared" if scope == "shared" else "personal"
        ):
            raise UserError("The app already keeps its records that way.", "应用已经是这样保存记录的了。")
        spec = with_scope(current, scope)
        said = SAID[scope][1 if spec.brief.language.startswith("zh") else 0]
        return self._next(project_id, spec, said, [said], "switch", [], emit)

    def undo(self, project_id: str, to: int, *, actor: Maker, emit: Emit | None = None) -> Outcome:
        """A new version equal to version ``to`` (the history is never rewritten)."""
        self._mine(project_id, actor)
        earlier = self.projects.version(project_id, to)
        return self._next(project_id, earlier.spec, f"undo to version {to}", [f"↩ v{to}"], earlier.provider, [], emit)

    def _next(
        self,
        project_id: str,
        spec: AppSpec,
        change: str,
        changes: list[str],
        provider: str,
        calls: list[dict[str, Any]],
        emit: Emit | None,
    ) -> Outcome:
        number = self.projects.next_number(project_id)
        bundle = self._render(project_id, number, spec, emit)
        added = self.projects.add(project_id, spec, change, changes, provider, digest=bundle.digest, calls=calls)
        if added.number != number:  # another replica took this number meanwhile (the shared database)
            number, bundle = added.number, self.projects.bundle(project_id, added.number)
        report = self._check(project_id, number, bundle, spec.brief.language, emit)
        return Outcome(project=project_id, version=number, bundle=bundle, report=report, changes=changes)

    def _render(self, project_id: str, number: int, spec: AppSpec, emit: Emit | None) -> AppBundle:
        bundle, event = render_announced(spec, self.projects.bundle_dir(project_id, number))
        if emit is not None:
            emit(event)
        return bundle

    def _check(
        self, project_id: str, number: int, bundle: AppBundle, language: str, emit: Emit | None
    ) -> VerifyReport | None:
        """Verifies a kept bundle and records the report with its version."""
        if self.verify is None:
            return None
        began = time.perf_counter()
        report = self.verify(bundle.path)
        if emit is not None:
            emit(announce("verify", verify_summary(report, language), began, ok=report.passed))
        self.projects.record_verify(project_id, number, report)
        return report

    # -- publishing ----------------------------------------------------------------------------
    def publish(
        self,
        gallery: Gallery,
        project_id: str,
        user: UserView | None,
        *,
        secret: str | None = None,
        title: str | None = None,
        description: str | None = None,
        confirm_privacy: bool = False,
    ) -> AppView:
        """Publishes the project's current version: exactly the bytes that were checked. The signed-in ``user``
        must have made it, or have made it anonymously in this browser (``secret``): then it becomes theirs."""
        if user is None:
            raise UserError("Sign in to publish.", "请先登录再发布。")
        project = self.projects.get(project_id)
        if project.owner is None:  # claiming an anonymous draft: only from the browser that made it
            refuse_unless_maker(None, project.creator, Maker(secret=secret))
        else:
            refuse_unless_maker(project.owner, None, Maker(username=user.username))
        version = self.projects.version(project_id)
        if version.verify is None:
            raise UserError("This version has not been checked yet; wait for the check, then publish.",
                            "这个版本还没有检查完；等检查完成后再发布。")  # fmt: skip
        refuse_placeholders(version.spec)
        bundle = self.checked_bundle(project_id, version)
        meta = self.projects.meta(project_id)
        remix = meta.get("remix_of")
        view = gallery.apps.publish(
            user,
            bundle,
            version.verify,
            app=meta.get("slug"),
            title=title or None,
            description=description or None,
            confirm_privacy=confirm_privacy,
            remix_of=(str(remix[0]), int(remix[1])) if remix and not meta.get("slug") else None,
        )
        self.projects.claim(project_id, user.username)
        self.projects.save_meta(project_id, {"slug": view.slug, "published_version": version.number})
        return view

    def checked_bundle(self, project_id: str, version: Version | None = None) -> AppBundle:
        """A version's kept bundle, refused when its files are no longer the ones that were checked."""
        version = version or self.projects.version(project_id)
        bundle = self.projects.bundle(project_id, version.number)
        if not bundle.unchanged():
            raise UserError(
                f"The files of version {version.number} changed after they were checked; undo to it to check "
                "them again.",
                f"版本 {version.number} 的文件在检查之后被改动过；请撤销回这个版本，重新检查。",
            )
        return bundle
