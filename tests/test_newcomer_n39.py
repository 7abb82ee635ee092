"""Newcomer round n39 (a data engineer runs gaiko nightly on a feed, serves its API and hands exports to a
warehouse): what it fixed, with our own records (countries, outlets and wording not from any corpus).

1. a read-only ``gaiko serve`` follows its store file: the nightly way to update a served store (code into a copy,
   then ``mv copy.duckdb news.duckdb``) used to leave the server answering from the old file until restarted, its
   health check saying "ok" with yesterday's counts; now the next request reads the new file (DuckDB keeps one
   database per path in a process, so the old one is closed first, once no request is reading it), and a new file
   still being written is a 503 ``locked`` that the next request tries again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import make_coded

_NIGHT_1 = [
    "Kenya condemned the seizure of a fishing trawler by Somali forces on Monday.",
    "Brazil hosted Chilean ministers for talks on lithium exports in Brasilia.",
]
_NIGHT_2 = [*_NIGHT_1, "Norway pledged fresh humanitarian aid to Sudan on Thursday."]


def _store(path: Path, texts: list[str]) -> str:
    from gaiko.store import Store

    with Store(str(path)) as s:
        s.write_coded([make_coded(t, published="2026-03-0%d" % (i + 1)) for i, t in enumerate(texts)])
    return str(path)


def _articles(client) -> int:
    r = client.get("/api/v1/stats")
    assert r.status_code == 200, r.text
    return int(r.json()["articles"])


def test_a_read_only_server_reads_the_store_file_that_replaced_its_own(tmp_path):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    with TestClient(create_app(served, api_key=None)) as c:
        assert _articles(c) == 2
        assert c.get("/api/v1/health").json()["events"] == 4
        fresh = _store(tmp_path / "copy.duckdb", _NIGHT_2)
        os.replace(fresh, served)  # the nightly swap: code into a copy, then mv it over the served file
        assert _articles(c) == 3
        assert c.get("/api/v1/health").json()["events"] == 6
        page = c.get("/articles")
        assert page.status_code == 200 and "Norway pledged" in page.text


def test_a_new_store_file_still_being_written_is_a_503_then_read(tmp_path):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    with TestClient(create_app(served, api_key=None)) as c:
        assert _articles(c) == 2
        fresh = _store(tmp_path / "copy.duckdb", _NIGHT_2)
        os.replace(fresh, served)
        # another process opens the new file for writing, as a gaiko code run into it would
        holder = subprocess.Popen(
            [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', "
             "flush=True); time.sleep(60)", served], stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "held"
            r = c.get("/api/v1/stats")
            assert r.status_code == 503, r.text
            assert r.json()["reason"] == "locked"
        finally:
            holder.kill()
            holder.wait()
        time.sleep(0.1)
        assert _articles(c) == 3


def test_a_server_that_accepts_articles_keeps_its_one_connection(tmp_path):
    """A server with an API key is the store's writer: it holds the file, and nothing is reopened under it."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    app = create_app(served, api_key="k")
    with TestClient(app) as c:
        assert _articles(c) == 2
        assert app.state.gaiko.reopened == 0


@pytest.mark.parametrize("path", ["/api/v1/export/events?format=jsonl", "/api/v1/export/events?format=parquet",
                                  "/api/v1/export/articles?format=csv"])
def test_downloads_read_the_replaced_file_too(tmp_path, path):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    with TestClient(create_app(served, api_key=None)) as c:
        before = c.get(path)
        assert before.status_code == 200
        os.replace(_store(tmp_path / "copy.duckdb", _NIGHT_2), served)
        after = c.get(path)
        assert after.status_code == 200
        assert len(after.content) > len(before.content)
