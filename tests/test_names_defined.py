"""Every name a gaiko module reads is bound somewhere in that module or is a builtin.

A conservative check (it ignores scopes): it catches a module-level name that was moved or renamed while a use was
left behind, the slip a merge of a refactor can make and that only fails when the line runs (session fourteen: an old
word-list name left in two tracking modules after the lists moved to data files).
"""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest

import gaiko

from helpers import parse_source

_PKG = Path(gaiko.__file__).parent
_MODULES = sorted(p for p in _PKG.rglob("*.py"))


def _bound(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                names.add((a.asname or a.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
    return names


def undefined_names(source: str) -> set[str]:
    """Names read (``ast.Load``) in ``source`` that nothing in it binds and that are no builtins."""
    tree = parse_source(source)
    bound = _bound(tree) | set(dir(builtins)) | {"__file__", "__name__", "__doc__", "__spec__", "__path__"}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} - bound


def test_the_check_finds_a_name_left_behind() -> None:
    src = "from x import word_sets\n\ndef f(a):\n    return a in _FUTURE_AUX or a in word_sets('k')\n"
    assert undefined_names(src) == {"_FUTURE_AUX"}
    assert undefined_names("_W = 1\n\ndef f():\n    return [b for b in range(_W)]\n") == set()


@pytest.mark.parametrize("path", _MODULES, ids=lambda p: str(p.relative_to(_PKG)))
def test_every_name_read_is_bound(path: Path) -> None:
    assert undefined_names(path.read_text(encoding="utf-8")) == set()
