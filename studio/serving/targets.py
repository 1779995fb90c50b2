"""What an app address serves: a public gallery app (latest or one version) or a studio draft.

* ``<slug>``: the latest version of a published or featured app; ``<slug>--v<n>``: version n.
  Pending, hidden and rejected apps are not served (to anyone: the runner has no viewer).
* ``draft-<project id>``: the current version of a studio project (its kept, checked bundle).

A target's fingerprint is the content hash of its code; the runner checks the folder against it
before it starts the app, so what is served is exactly what was checked.

The data folder's name is the slug (every version of an app shares it) or ``draft-<id>``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

from flashapps.errors import UserError
from flashapps.settings import Settings
from gallery.errors import NotFound, Unavailable
from studio.serving.runner import Target, valid_key
from workshop.projects import open_projects

__all__ = ["DRAFT_PREFIX", "Targets", "draft_key"]

DRAFT_PREFIX = "draft-"
_VERSION = re.compile(r"^(?P<slug>[a-z0-9]+)--v(?P<number>[1-9][0-9]{0,5})$")


def draft_key(project_id: str) -> str:
    """The app address name of a studio project's preview: ``/apps/draft-<id>/``."""
    return f"{DRAFT_PREFIX}{project_id}"


class Targets:
    """Resolves app address names; the gallery is opened on first use (``gallery_factory``)."""

    def __init__(self, gallery_factory: Callable[[], object] | None = None, home: Path | None = None) -> None:
        self._factory = gallery_factory
        self._gallery: object | None = None
        self._lock = threading.Lock()
        self._home = home

    @property
    def gallery(self) -> object:
        with self._lock:
            if self._gallery is None:
                if self._factory is None:
                    from gallery.core import open_gallery

                    self._gallery = open_gallery()
                else:
                    self._gallery = self._factory()
            return self._gallery

    def __call__(self, key: str) -> Target:
        if not valid_key(key):
            raise NotFound("app", key)
        if key.startswith(DRAFT_PREFIX):
            return self._draft(key)
        return self._published(key)

    def _draft(self, key: str) -> Target:
        project_id = key.removeprefix(DRAFT_PREFIX)
        projects = open_projects(self._home or Settings().home)
        try:
            bundle = projects.bundle(project_id)
        except UserError:
            raise NotFound("app", key) from None
        return Target(key=key, code=bundle.path, fingerprint=bundle.digest, data_key=key)

    def _published(self, key: str) -> Target:
        match = _VERSION.match(key)
        slug, number = (match["slug"], int(match["number"])) if match else (key, None)
        gallery = self.gallery
        try:
            version = gallery.apps.get_version(slug, number)  # type: ignore[attr-defined]  # NotFound when not public
        except NotFound:  # an app shared with a class alone: the proxy admits its members (class_gate.py)
            version = gallery.classes.served_version(slug, number)  # type: ignore[attr-defined]
        code = gallery.files.path(version.digest)  # type: ignore[attr-defined]
        if not (code / "app.py").is_file():
            raise NotFound("app", key)
        return Target(key=key, code=code, fingerprint=version.digest, data_key=slug)

    def is_owner(self, key: str, session_token: str | None) -> bool:
        """Whether the studio user signed in with ``session_token`` made the app at ``key`` (a draft's
        owner, a published app's author): the one who sees every visitor's submissions in it."""
        if not session_token or not valid_key(key):
            return False
        try:
            user = self.gallery.accounts.user_for_token(session_token)  # type: ignore[attr-defined]
            if user is None:
                return False
            if key.startswith(DRAFT_PREFIX):
                project = open_projects(self._home or Settings().home).get(key.removeprefix(DRAFT_PREFIX))
                return bool(project.owner) and project.owner == user.username
            match = _VERSION.match(key)
            slug = match["slug"] if match else key
            app = self.gallery.apps.get_by_slug(slug, user)  # type: ignore[attr-defined]
            return bool(app.author) and app.author == user.username
        except (LookupError, UserError):
            return False

    def unavailable(self, key: str) -> UserError | None:
        """The gallery's words when the app at ``key`` exists but is not public now (hidden, pending, rejected)."""
        if key.startswith(DRAFT_PREFIX) or not valid_key(key):
            return None
        match = _VERSION.match(key)
        try:
            self.gallery.apps.get_by_slug(match["slug"] if match else key)  # type: ignore[attr-defined]
        except Unavailable as error:
            return error
        except (LookupError, UserError):
            return None
        return None

    def still_served(self, key: str) -> bool:
        """False once a gallery app is no longer public (hidden, rejected, removed); drafts always are."""
        if key.startswith(DRAFT_PREFIX):
            return True
        try:
            self._published(key)
        except LookupError:
            return False
        return True
