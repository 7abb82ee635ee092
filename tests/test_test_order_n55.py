"""Round n55, kind 3 (session 54's leftover): tests that passed alone failed after another test file in the same
process, as ``pytest -n 2`` puts files together on a worker (round K99 saw 7 failures and 14 errors in newcomer and
cluster-using tests, each passing alone; run serially, tests/test_newcomer_n31.py then n33 and n35 gave 1 failure and
12 errors: "'_NullStore' object has no attribute '_damaged'").

The cause was ours, not the tests': ``gaiko.coding`` bound ``gaiko.store.Store`` when first imported. A test that
replaces ``gaiko.store.Store`` with a monkeypatch (tests/test_newcomer_n31.py's ``gaiko pledges`` over a stand-in)
imported ``gaiko.coding`` for the first time inside that window (``gaiko pledges`` reads its ``undated_note``), so the
module kept the stand-in after the patch was undone, and every later ``gaiko code`` in that process (a module fixture
coding a store, a test of ``gaiko code``) wrote into it. A program that embeds gaiko and wraps ``Store`` for a while
would meet the same. ``gaiko.coding`` now reads ``Store`` when it codes.

Look-alike that must not change: ``gaiko code`` in a fresh process, no patch, codes as before."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from helpers import parse_source

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import json, sys
sys.path.insert(0, {tests!r})
from _pytest.monkeypatch import MonkeyPatch
from helpers import FakeCoder

class StandIn:
    def __enter__(self):
        raise RuntimeError("the stand-in store was used")
    def __exit__(self, *exc):
        return False

if {patch!r}:
    mp = MonkeyPatch()
    mp.setattr("gaiko.store.Store", lambda *a, **k: StandIn())
    import gaiko.coding  # first imported while Store is replaced, as `gaiko pledges` did inside round n31's test
    mp.undo()
import gaiko.coding
s = gaiko.coding.run_code([{feed!r}], db={db!r}, coder=FakeCoder(), quiet=True)
print(json.dumps({{"articles": s.articles, "events": s.events}}))
"""


def _run(tmp_path: Path, patch: bool) -> dict:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "n55-order", "published": "2026-04-01", "text": "Peru thanked Chile for the "
                                "firefighting planes sent to Arequipa."}) + "\n", encoding="utf-8")
    db = tmp_path / f"s-{patch}.duckdb"
    code = SCRIPT.format(tests=str(ROOT / "tests"), patch=patch, feed=str(feed), db=str(db))
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_gaiko_code_after_a_patch_of_store_was_undone_uses_the_real_store(tmp_path: Path) -> None:
    patched = _run(tmp_path, patch=True)
    plain = _run(tmp_path, patch=False)  # look-alike: no patch at all
    assert patched == plain and plain["articles"] == 1 and plain["events"] > 0, (patched, plain)


def test_no_gaiko_module_binds_the_store_class_at_import() -> None:
    """The kind, over the package: a module-level ``from ...store import Store`` (outside ``TYPE_CHECKING``) keeps
    whatever ``gaiko.store.Store`` was when the module was first imported."""
    bound = []
    for path in sorted((ROOT / "gaiko").rglob("*.py")):
        tree = parse_source(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] == "store" \
                    and any(a.name == "Store" for a in node.names):
                bound.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bound, f"import Store inside the function that opens a store: {bound}"


def test_no_test_file_calls_ast_parse_directly() -> None:
    """The kind of stop 73's CI failure: ``ast.parse`` under xdist with ray's threads running raised CPython 3.11's
    spurious ``SystemError: AST constructor recursion depth mismatch`` (python/cpython#106905) on a file that parses
    alone. Every test reads source through ``helpers.parse_source``, which tries again."""
    direct = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name == "helpers.py":
            continue
        for node in ast.walk(parse_source(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "parse" \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "ast":
                direct.append(f"{path.name}:{node.lineno}")
    assert not direct, f"read source through helpers.parse_source: {direct}"
