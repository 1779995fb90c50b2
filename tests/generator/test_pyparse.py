"""Every parse of ours goes through one lock (CPython 3.11.7's AST constructor shares its recursion depth
across threads, gh-106905): the same tree as ast.parse, and never two parses at once."""

from __future__ import annotations

import ast
import threading

import pytest

import flashapps.pyparse as pyparse


def test_parse_gives_ast_parse_s_tree() -> None:
    source = "def f(x):\n    return [y * 2 for y in x if y]\n"
    assert ast.dump(pyparse.parse(source)) == ast.dump(ast.parse(source))
    with pytest.raises(SyntaxError):
        pyparse.parse("def (:", filename="broken.py")


def test_a_parse_waits_while_another_thread_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    inside = threading.Event()
    release = threading.Event()
    real = ast.parse

    def slow_parse(source: str, filename: str = "<unknown>") -> ast.Module:
        if source == "first":
            inside.set()
            release.wait(5)
        return real("x = 1", filename=filename)

    monkeypatch.setattr(pyparse.ast, "parse", slow_parse)
    first = threading.Thread(target=pyparse.parse, args=("first",))
    first.start()
    assert inside.wait(5)
    done = threading.Event()

    def parse_second() -> None:
        pyparse.parse("second")
        done.set()

    second = threading.Thread(target=parse_second)
    second.start()
    assert not done.wait(0.3), "a second parse ran while the first was still parsing"
    release.set()
    first.join(5)
    second.join(5)
    assert done.is_set()
