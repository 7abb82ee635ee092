"""A SIGTERM that lands while a run closes (workers shut down, clusters caught up, the run row written) must not cut
the bookkeeping short: the run is recorded with its counts and the process then stops as terminated. Before, the
handler raised inside the closing, ``finish_run`` never ran, and the run stayed ``running`` (later read as killed)."""

from __future__ import annotations

import os
import signal

import pytest
from helpers import FakeCoder

from gaiko.store import Store


def _articles(n: int) -> list:
    from gaiko.ids import article_id
    from gaiko.types import Article

    arts = [Article(text=f"Chile thanked Peru for the rescue, report {i}.", published="2025-11-01") for i in range(n)]
    for a in arts:
        a.id = article_id(a.text)
    return arts


def test_a_sigterm_while_the_run_closes_is_recorded_and_then_stops(tmp_path, monkeypatch) -> None:
    from gaiko import runner
    from gaiko.runner import Terminated, code_into_store

    real = runner._catch_up_clusters

    def catch_up_with_a_signal(store, summary):  # the signal arrives while clusters are caught up
        os.kill(os.getpid(), signal.SIGTERM)
        return real(store, summary)

    monkeypatch.setattr(runner, "_catch_up_clusters", catch_up_with_a_signal)
    db = tmp_path / "t.duckdb"
    with Store(db) as s:
        with pytest.raises(Terminated):
            code_into_store(s, _articles(6), coder=FakeCoder(), batch_size=2, track=False)
    with Store(db, read_only=True) as s:
        run = s.query("SELECT status, articles FROM runs")[0]
        assert run["status"] == "finished"
        assert run["articles"] == s.scalar("SELECT count(*) FROM articles") == 6


def test_the_sigterm_handler_is_restored_after_a_run(tmp_path) -> None:
    from gaiko.runner import code_into_store

    before = signal.getsignal(signal.SIGTERM)
    with Store(tmp_path / "t.duckdb") as s:
        code_into_store(s, _articles(2), coder=FakeCoder(), batch_size=2, track=False)
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_run_without_a_signal_finishes_and_does_not_raise(tmp_path) -> None:
    from gaiko.runner import code_into_store

    with Store(tmp_path / "t.duckdb") as s:
        summary = code_into_store(s, _articles(3), coder=FakeCoder(), batch_size=2, track=False)
        assert s.query("SELECT status FROM runs")[0]["status"] == "finished"
    assert summary.articles == 3
