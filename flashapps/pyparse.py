"""``parse``: ``ast.parse`` one thread at a time.

CPython 3.11 before 3.11.8 keeps the AST constructor's recursion depth in state that every thread shares, so two
threads parsing at once can fail with ``SystemError: AST constructor recursion depth mismatch`` (CPython issue
gh-106905). Jobs render and check bundles on several threads of one process, so every parse of ours goes through
this lock; it costs microseconds next to what a job does.
"""

from __future__ import annotations

import ast
import threading

__all__ = ["parse"]

_LOCK = threading.Lock()


def parse(source: str, filename: str = "<unknown>") -> ast.Module:
    """``ast.parse(source, filename)``, never at the same time as another thread's."""
    with _LOCK:
        return ast.parse(source, filename=filename)
