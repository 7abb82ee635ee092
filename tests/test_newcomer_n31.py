"""Newcomer test round n31: what a new user met on the answers and the analysis surface (dyads, series, pledge
timelines, scorecards, exports into pandas, the API's paging and filters), coding a story of their own.

- ``gaiko export --out events.csv`` (no ``--format``) wrote JSON lines into the .csv file (and into a .parquet
  file): the suffix now decides; a ``--format`` that contradicts it is refused before the store is opened;
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FakeCoder

from gaiko.store import Store
from gaiko.types import Article


def _store(path: Path, n: int = 3) -> Path:
    from gaiko.runner import code_into_store

    with Store(path) as s:
        arts = [Article(text=f"Kenya thanked Ghana for the vaccine shipment, note {i}.", published=f"2026-05-0{i + 1}")
                for i in range(n)]
        code_into_store(s, arts, coder=FakeCoder(), track=False)
    return path


def _written(err: str) -> int:
    """The count in export's "wrote N event clusters to FILE" line."""
    return int(err.split("wrote ", 1)[1].split()[0])


# -- the export format follows --out's suffix ------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["events.csv", "EVENTS.CSV"])
def test_an_export_to_a_csv_name_is_csv(cli, tmp_path: Path, name: str) -> None:
    import pandas as pd

    db = _store(tmp_path / "s.duckdb")
    code, _out, err = cli("export", "--db", db, "--out", tmp_path / name)
    assert code in (0, None), err
    frame = pd.read_csv(tmp_path / name)
    assert len(frame) == _written(err) > 0 and {"event_type", "source_country", "cluster_id"} <= set(frame.columns)


def test_an_export_to_a_parquet_name_is_parquet(cli, tmp_path: Path) -> None:
    import pandas as pd

    db = _store(tmp_path / "s.duckdb")
    code, _out, err = cli("export", "--db", db, "--out", tmp_path / "e.parquet")
    assert code in (0, None), err
    assert len(pd.read_parquet(tmp_path / "e.parquet")) == _written(err) > 0


def test_an_export_to_another_name_is_still_jsonl(cli, tmp_path: Path) -> None:
    db = _store(tmp_path / "s.duckdb")
    code, _out, err = cli("export", "--db", db, "--out", tmp_path / "events.out")
    assert code in (0, None), err
    lines = (tmp_path / "events.out").read_text().splitlines()
    assert len(lines) == _written(err) > 0 and json.loads(lines[0])["event"]


def test_a_format_that_contradicts_the_suffix_is_refused_before_the_store_opens(cli, tmp_path: Path) -> None:
    code, _out, err = cli("export", "--db", tmp_path / "none.duckdb", "--format", "jsonl", "--out", tmp_path / "e.csv")
    assert code == 2
    assert err.startswith("Error: ") and len(err.strip().splitlines()) == 1
    assert "e.csv" in err and "jsonl" in err
    assert not (tmp_path / "e.csv").exists() and not (tmp_path / "none.duckdb").exists()
