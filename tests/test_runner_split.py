"""A run whose worker only parses (and whose writing process runs gaiko's components) stores the same records as
one whose worker codes whole articles; bad articles are errors in both, and nothing is lost between them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gaiko.coder import Coder
from gaiko.runner import code_into_store, split_pipeline
from gaiko.store import Store
from gaiko.types import Article, CodedArticle, InputError

ARTICLES = [
    ("2025-03-04", "Chile recalled its ambassador from Caracas on Monday after Venezuelan troops detained two "
                   "Chilean engineers near the border. The foreign ministry in Santiago demanded their release."),
    ("2025-03-05", "Kenya pledged to send 400 police officers to Haiti by June, Interior Minister Ruth Achieng said. "
                   "Protesters marched through Nairobi against the deployment."),
    ("not a date", "Norway and Sweden signed a fisheries agreement in Oslo."),  # rejected: bad_date
    ("2025-03-06", "   "),  # rejected: empty
    ("2025-03-07", "The Philippine coast guard accused Chinese vessels of firing water cannon at a supply boat near "
                   "Second Thomas Shoal. Manila summoned the Chinese envoy, and Beijing rejected the protest."),
]


def _articles() -> list[Article]:
    return [Article(text=t, published=d, origin=f"test.jsonl:{k + 1}", id=f"split-{k}") for k, (d, t) in enumerate(ARTICLES)]


def _dump(store: Store) -> dict[str, list[str]]:
    out = {}
    for table, cols in (("events", "*"), ("pledges", "*"), ("sentences", "*"), ("actors", "*"), ("places", "*"),
                        ("errors", "input_id, reason, line")):
        rows = store.con.execute(f"SELECT {cols} FROM {table}").fetchall()
        names = [d[0] for d in store.con.description]
        keep = [i for i, n in enumerate(names) if n not in ("run_id", "coded_at", "created_at", "logged_at")]
        out[table] = sorted(json.dumps([r[i] for i in keep], default=str) for r in rows)
    return out


@pytest.mark.slow
def test_a_parsing_worker_stores_what_a_coding_worker_stores(tmp_path: Path) -> None:
    dumps = {}
    for split in (False, True):
        with Store(tmp_path / f"split-{split}.duckdb") as s:
            summary = code_into_store(s, _articles(), workers=1, batch_size=2, track=False, split=split)
            assert summary.articles == 3 and summary.errors == 2, summary
            dumps[split] = _dump(s)
    assert dumps[True]["events"] and dumps[True]["pledges"]
    assert dumps[True] == dumps[False]


def test_parse_then_finish_equals_coding_in_one_go(coder: Coder) -> None:
    arts = _articles()
    items, docs = coder.parse_batch(arts)
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError", "InputError", "Article"]
    assert [i.reason for i in items if isinstance(i, InputError)] == ["bad_date", "empty"]
    assert items[2].line == 3 and items[2].path == "test.jsonl"
    split = coder.finish_batch(items, docs)
    whole = [coder.code_article(a) for a in _articles() if a.published != "not a date" and a.text.strip()]
    coded = [c for c in split if isinstance(c, CodedArticle)]
    assert [c.to_dict() for c in coded] == [c.to_dict() for c in whole]
    # a batch with nothing to parse carries no parse
    only_errors, empty = coder.parse_batch(arts[2:4])
    assert coder.finish_batch(only_errors, empty) == only_errors


def test_a_component_failing_on_one_parse_costs_that_article_only(coder: Coder, monkeypatch) -> None:
    items, docs = coder.parse_batch(_articles())
    real = coder._finish

    def finish(doc, art):
        if "Kenya" in art.text:
            raise ValueError("component broke")
        return real(doc, art)

    monkeypatch.setattr(coder, "_finish", finish)
    out = coder.finish_batch(items, docs)
    assert [type(o).__name__ for o in out] == ["CodedArticle", "InputError", "InputError", "InputError", "CodedArticle"]
    assert out[1].reason == "coding_failed" and "component broke" in out[1].detail


def test_who_splits(monkeypatch) -> None:
    import gaiko.runner as runner

    monkeypatch.delenv("GAIKO_SPLIT_PIPELINE", raising=False)
    monkeypatch.setattr(runner, "usable_cores", lambda: 2)
    assert split_pipeline(1) and not split_pipeline(2)
    monkeypatch.setattr(runner, "usable_cores", lambda: 1)
    assert not split_pipeline(1)
    monkeypatch.setenv("GAIKO_SPLIT_PIPELINE", "1")
    assert split_pipeline(1) and split_pipeline(2)
    monkeypatch.setenv("GAIKO_SPLIT_PIPELINE", "0")
    monkeypatch.setattr(runner, "usable_cores", lambda: 2)
    assert not split_pipeline(1)


@pytest.mark.slow
def test_a_parsing_worker_that_dies_costs_only_its_article(tmp_path: Path) -> None:
    from helpers import crashing_parser

    arts = _articles()
    arts[1] = Article(text="CRASH the parser with this one.", id="split-crash", published="2025-03-05",
                      origin="feed.jsonl:2")
    with Store(tmp_path / "w.duckdb") as s:
        summary = code_into_store(s, arts, workers=1, batch_size=2, coder_factory=crashing_parser, track=False,
                                  split=True)
        assert summary.articles == 2 and summary.errors == 3, summary
        reasons = {r["input_id"]: r["reason"] for r in s.query("SELECT input_id, reason FROM errors")}
        assert reasons["split-crash"] == "worker_died" and reasons["split-2"] == "bad_date"
        assert s.scalar("SELECT count(*) FROM events WHERE article_id = 'split-0'") > 0


@pytest.mark.slow
def test_a_worker_does_not_outlive_a_killed_run(tmp_path: Path) -> None:
    """``kill -9`` of the process running ``gaiko code`` ends its worker too (Linux)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    if not sys.platform.startswith("linux"):
        pytest.skip("parent-death signal is Linux-only")
    src = tmp_path / "many.jsonl"
    text = " ".join(["Chile recalled its ambassador from Caracas after Venezuelan troops detained two engineers."] * 40)
    src.write_text("".join(json.dumps({"text": f"{k}. {text}", "published": "2025-03-04"}) + "\n" for k in range(400)))
    proc = subprocess.Popen([sys.executable, "-m", "gaiko", "code", str(src), "--db", str(tmp_path / "k.duckdb"),
                             "--workers", "1", "--no-ledger", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        children: list[int] = []
        for _ in range(120):  # wait for the worker to start
            time.sleep(0.5)
            out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(proc.pid)], capture_output=True, text=True).stdout
            children = [int(x) for x in out.split()]
            if len(children) >= 2:  # the worker (and multiprocessing's resource tracker)
                break
        assert children, "no worker started"
        time.sleep(3)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

        def alive(pid: int) -> bool:
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    return fh.read().split()[2] != "Z"
            except FileNotFoundError:
                return False

        deadline = time.time() + 20
        while time.time() < deadline and any(alive(p) for p in children):
            time.sleep(0.5)
        assert not [p for p in children if alive(p)]
    finally:
        if proc.poll() is None:
            proc.kill()
